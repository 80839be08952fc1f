<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/api/dts/…, a static Distributed Text Services 1.0 API (Level 0): the entry point,
     the collection (the edition as a Collection holding each text as a Resource), the Navigation endpoint
     for every ref and depth of the citation tree, and the Document endpoint (each citable unit as TEI inside
     dts:wrapper). Static files with path-style URI templates (RFC 6570), as the DTS specification allows:
       entry       api/dts/index.jsonld (a host serves it as the folder's index)
       collection  api/dts/collection{/id}{;nav}.jsonld
       navigation  api/dts/navigation{/resource}{;tree}{;down}{/ref}.jsonld
       document    api/dts/document{/resource}{;tree}{/ref}.xml
     A static site cannot parse a URL out of a path ("URI Templates examples for static website" in DTS 1.0),
     so every Collection and Resource @id is a plain string a path segment carries as it is: a text's is its
     key (the header's idno type="edition"), the edition's root collection's is $ed:dts-root-id. A response's
     own @id and the templates are absolute URLs under the edition's base URL ($base-url, else the header's
     idno type="URL"). Retired identifiers ($retired) answer with their successor's unit. Without a base URL
     nothing is written (a DTS API needs absolute URLs). edition.dts_api serves the same API at Level 1
     (ranges) from these files. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" xmlns:dts="https://w3id.org/api/dts#"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>
  <xsl:include href="dts/citation-trees.xsl"/>

  <xsl:output method="text"/>

  <xsl:variable name="ed:dts-version" as="xs:string" select="'1.0'"/>
  <xsl:variable name="ed:dts-context" as="xs:string" select="'https://dtsapi.org/context/v1.0.json'"/>
  <!-- Where the API's files live under the build's html/ folder, and under the base URL. -->
  <xsl:variable name="ed:dts-path" as="xs:string" select="'api/dts/'"/>
  <!-- The edition's root collection's identifier. The edition has no identifier of its own apart from its
       text's today: a fixed name, which no text's key may take. -->
  <xsl:variable name="ed:dts-root-id" as="xs:string" select="'edition'"/>


  <!-- JSON text of a map, keys in the order written, slashes as they are. -->
  <xsl:function name="ed:json" as="xs:string">
    <xsl:param name="value" as="map(*)"/>
    <xsl:sequence select="serialize($value, map{'method': 'json', 'indent': true(), 'escape-solidus': false()})"/>
  </xsl:function>

  <!-- Splicing. Saxon lays out a JSON value by its own content and its depth alone (an object or array goes on
       one line when it has fewer than two entries or only short atomic ones), so a value that many responses
       repeat (the Resource, each CitableUnit) is serialized once for the depth it has there, and the responses
       themselves once per shape, with a stand-in object in each value's place (the @id string's too:
       a response holds the Resource, so it is laid out on several lines either way); a
       response's text is its shape's with the values' texts put in the stand-ins' places: the same bytes as
       serializing the whole response, without laying everything out again for each of several hundred files. -->
  <xsl:variable name="ed:stand-in" as="map(*)" select="map{'ed:stand-in': 0}"/>

  <!-- The JSON text of a value as the value of a top-level object's key ("resource", "ref"). -->
  <xsl:function name="ed:json-as-value" as="xs:string">
    <xsl:param name="value" as="map(*)"/>
    <xsl:sequence select="ed:unframe(ed:json(map{'key': $value}), ed:json(map{'key': 0}))"/>
  </xsl:function>

  <!-- The JSON text of a value as a member of an array that is the value of a top-level object's key ("member"). -->
  <xsl:function name="ed:json-as-member" as="xs:string">
    <xsl:param name="value" as="map(*)"/>
    <xsl:sequence select="ed:unframe(ed:json(map{'key': [ $value ]}), ed:json(map{'key': [ 0 ]}))"/>
  </xsl:function>

  <!-- $text without the frame around it: $frame is the same frame around the number 0. -->
  <xsl:function name="ed:unframe" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="frame" as="xs:string"/>
    <xsl:sequence select="substring($text, string-length(substring-before($frame, '0')) + 1, string-length($text) - string-length($frame) + 1)"/>
  </xsl:function>

  <!-- The JSON text of $frame's parts (a serialization split at its stand-ins) with $texts in the stand-ins' places. -->
  <xsl:function name="ed:json-spliced" as="xs:string">
    <xsl:param name="frame" as="xs:string+"/>
    <xsl:param name="texts" as="xs:string*"/>
    <xsl:if test="count($frame) ne count($texts) + 1">
      <xsl:message terminate="yes">internal error: {count($frame) - 1} stand-ins for {count($texts)} values</xsl:message>
    </xsl:if>
    <xsl:sequence select="string-join((for $i in 1 to count($texts) return ($frame[$i], $texts[$i]), $frame[last()]))"/>
  </xsl:function>

  <!-- A Navigation response serialized with stand-ins for all its values, split at them: the same for every
       response with or without a ref and with as many members (memoised: a few shapes serve 383 responses). -->
  <xsl:function name="ed:navigation-frame" as="xs:string+" cache="yes">
    <xsl:param name="has-ref" as="xs:boolean"/>
    <xsl:param name="members" as="xs:integer?"/>
    <xsl:sequence select="tokenize(ed:json(ed:top(map:merge((
      map{'@id': $ed:stand-in, '@type': 'Navigation', 'resource': $ed:stand-in},
      if ($has-ref) then map{'ref': $ed:stand-in} else (),
      if (exists($members)) then map{'member': array{ (1 to $members) ! $ed:stand-in }} else ())))), ed:json($ed:stand-in), 'q')"/>
  </xsl:function>

  <!-- The JSON text of a string: as it is when it holds only characters JSON never escapes (an identifier,
       a URL), else as Saxon escapes it. -->
  <xsl:function name="ed:json-string" as="xs:string">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="if (matches($value, '^[A-Za-z0-9\-._~:/?#\[\]@!$&amp;()*+,;=%]*$')) then '&quot;' || $value || '&quot;'
      else serialize($value, map{'method': 'json', 'escape-solidus': false()})"/>
  </xsl:function>

  <!-- A DTS MetadataObject value in one language: [{"lang": "en", "value": "…"}]. -->
  <xsl:function name="ed:lang-values" as="array(*)">
    <xsl:param name="values" as="xs:string*"/>
    <xsl:param name="lang" as="xs:string"/>
    <xsl:sequence select="array{ $values[.] ! map{'lang': $lang, 'value': .} }"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="base" as="xs:string" select="ed:base-url(., $base-url)"/>
    <xsl:choose>
      <xsl:when test="$base = ''">
        <xsl:message>DTS API not written: the edition has no base URL (idno type="URL" in publicationStmt, or the base-url parameter)</xsl:message>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:dts-api">
          <xsl:with-param name="api" select="$base || $ed:dts-path"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="ed:dts-api">
    <xsl:param name="api" as="xs:string"/>
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:TEI/tei:teiHeader"/>
    <xsl:variable name="key" as="xs:string" select="normalize-space($header/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition'])"/>
    <xsl:variable name="trees" as="map(xs:string, item()*)*" select="ed:citation-trees(.)"/>
    <xsl:variable name="plain-context" as="map(*)" select="map{
      'api': $api, 'base': ed:base-url(., $base-url), 'key': $key, 'trees': array{ $trees }, 'doc': $doc,
      'lang': string((tei:TEI/@xml:lang, 'en')[1]),
      'collection-id': $ed:dts-root-id,
      'resource-id': $key}"/>
    <xsl:if test="not(matches($key, '^[A-Za-z0-9._~\-]+$')) or $key = $ed:dts-root-id">
      <!-- error(), not xsl:message: its description is what the build reports. -->
      <xsl:sequence select="error(xs:QName('ed:dts-identifier'), 'the text''s identifier (idno type=&quot;edition&quot;: &quot;' || $key
        || '&quot;) must be letters, digits, ''.'', ''_'', ''~'' or ''-'', and not &quot;' || $ed:dts-root-id
        || '&quot;: it names the text in the DTS API and its files')"/>
    </xsl:if>
    <!-- The Collection and Resource objects, made once: every Navigation response repeats the Resource (serialized once). -->
    <xsl:variable name="resource" as="map(*)" select="ed:resource-object($plain-context)"/>
    <xsl:variable name="context" as="map(*)" select="map:merge(($plain-context, map{
      'collection': ed:collection-object($plain-context),
      'resource': $resource,
      'navigation-resource-json': ed:json-as-value(map:remove($resource, ('dublinCore', 'extensions', 'description', 'totalParents', 'totalChildren', 'download')))}))"/>

    <!-- Entry -->
    <xsl:call-template name="ed:dts-file">
      <xsl:with-param name="path" select="'index.jsonld'"/>
      <xsl:with-param name="value" select="map{
        '@context': $ed:dts-context,
        '@id': replace($api, '/$', ''),
        '@type': 'EntryPoint',
        'dtsVersion': $ed:dts-version,
        'collection': $api || 'collection{/id}{;nav}.jsonld',
        'navigation': $api || 'navigation{/resource}{;tree}{;down}{/ref}.jsonld',
        'document': $api || 'document{/resource}{;tree}{/ref}.xml'}"/>
    </xsl:call-template>

    <!-- Collection: the edition (children: its texts; no parents), asked without an identifier or with its own;
         each text (no children; parent: the edition) -->
    <xsl:variable name="root-children" as="map(*)" select="map:merge(($context?collection,
      map{'member': [ $context?resource ]}))"/>
    <xsl:for-each select="'collection', 'collection/' || $ed:dts-root-id">
      <xsl:variable name="path" as="xs:string" select="."/>
      <xsl:for-each select="'', ';nav=children'">
        <xsl:call-template name="ed:dts-file">
          <xsl:with-param name="path" select="$path || . || '.jsonld'"/>
          <xsl:with-param name="value" select="ed:top($root-children)"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:call-template name="ed:dts-file">
        <xsl:with-param name="path" select="$path || ';nav=parents.jsonld'"/>
        <xsl:with-param name="value" select="ed:top(map:merge(($context?collection, map{'member': []})))"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:for-each select="'', ';nav=children'">
      <xsl:call-template name="ed:dts-file">
        <xsl:with-param name="path" select="'collection/' || $key || . || '.jsonld'"/>
        <xsl:with-param name="value" select="ed:top(map:merge(($context?resource, map{'member': []})))"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="ed:dts-file">
      <xsl:with-param name="path" select="'collection/' || $key || ';nav=parents.jsonld'"/>
      <xsl:with-param name="value" select="ed:top(map:merge(($context?resource, map{'member': [ $context?collection ]})))"/>
    </xsl:call-template>

    <!-- Navigation and Document, for every tree -->
    <xsl:variable name="successors" as="map(xs:string, xs:string)" select="map:merge(
      tokenize($retired, '\n')[normalize-space()] ! (let $pair := tokenize(normalize-space(.), ' ') return map{$pair[1]: string($pair[2])}),
      map{'duplicates': 'use-first'})"/>
    <xsl:for-each select="$trees">
      <xsl:variable name="tree" as="map(xs:string, item()*)" select="."/>
      <xsl:variable name="depths" as="xs:integer*" select="-1, 0 to ed:tree-depth($tree)"/>
      <!-- Every unit as a CitableUnit, made and serialized once (as a "ref" and as a "member"): a unit is listed in several responses. -->
      <xsl:variable name="cited" as="map(xs:string, map(xs:string, xs:string))" select="map:merge($tree?units ! (let $unit := ed:citable-unit(., $context)
        return map{?id: map{'ref': ed:json-as-value($unit), 'member': ed:json-as-member($unit)}}), map{'duplicates': 'use-first'})"/>
      <!-- From the root: down = -1, 1 … depth (down = 0 without a ref is a bad request). -->
      <xsl:for-each select="$depths[. ne 0]">
        <xsl:call-template name="ed:navigation-file">
          <xsl:with-param name="context" select="$context"/>
          <xsl:with-param name="tree" select="$tree"/>
          <xsl:with-param name="down" select="."/>
          <xsl:with-param name="cited" select="$cited"/>
        </xsl:call-template>
      </xsl:for-each>
      <!-- Every ref (and every retired identifier whose successor is a unit of this tree). -->
      <xsl:variable name="by-id" as="map(*)" select="$tree?by-id"/>
      <xsl:variable name="asked" as="xs:string*" select="$tree?units ! ?id, map:keys($successors)[map:contains($by-id, ed:final-successor(., $successors))]"/>
      <xsl:for-each select="sort($asked)">
        <xsl:variable name="asked-ref" as="xs:string" select="."/>
        <xsl:variable name="unit" as="map(xs:string, item()*)" select="$by-id(ed:final-successor($asked-ref, $successors))"/>
        <xsl:for-each select="$depths">
          <xsl:call-template name="ed:navigation-file">
            <xsl:with-param name="context" select="$context"/>
            <xsl:with-param name="tree" select="$tree"/>
            <xsl:with-param name="down" select="."/>
            <xsl:with-param name="asked" select="$asked-ref"/>
            <xsl:with-param name="ref" select="$unit"/>
            <xsl:with-param name="cited" select="$cited"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="ed:navigation-file">
          <xsl:with-param name="context" select="$context"/>
          <xsl:with-param name="tree" select="$tree"/>
          <xsl:with-param name="asked" select="$asked-ref"/>
          <xsl:with-param name="ref" select="$unit"/>
          <xsl:with-param name="cited" select="$cited"/>
        </xsl:call-template>
        <xsl:result-document href="html/{$ed:dts-path}document/{$key}{ed:tree-param($tree)}/{$asked-ref}.xml" method="xml" encoding="UTF-8" indent="no">
          <xsl:call-template name="ed:document-chunk">
            <xsl:with-param name="doc" select="$doc"/>
            <xsl:with-param name="unit" select="$unit"/>
          </xsl:call-template>
        </xsl:result-document>
      </xsl:for-each>
    </xsl:for-each>
    <!-- The whole document. -->
    <xsl:result-document href="html/{$ed:dts-path}document/{$key}.xml" method="xml" encoding="UTF-8" indent="no">
      <xsl:copy-of select="$doc"/>
    </xsl:result-document>
  </xsl:template>

  <!-- The identifier a retired one leads to, through any chain of retirements. -->
  <xsl:function name="ed:final-successor" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="successors" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="if (map:contains($successors, $id) and $successors($id) ne $id)
      then ed:final-successor($successors($id), map:remove($successors, $id)) else $id"/>
  </xsl:function>

  <!-- ";tree=NAME" for a named tree, '' for the default one (RFC 6570 {;tree}). -->
  <xsl:function name="ed:tree-param" as="xs:string">
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:sequence select="if ($tree?id) then ';tree=' || $tree?id else ''"/>
  </xsl:function>

  <!-- A top-level response: the JSON-LD context and the DTS version first. -->
  <xsl:function name="ed:top" as="map(*)">
    <xsl:param name="object" as="map(*)"/>
    <xsl:sequence select="map:merge((map{'@context': $ed:dts-context, 'dtsVersion': $ed:dts-version}, $object))"/>
  </xsl:function>

  <!-- Write one JSON file under html/api/dts/: a value, or its JSON text already made (a spliced Navigation response). -->
  <xsl:template name="ed:dts-file">
    <xsl:param name="path" as="xs:string"/>
    <xsl:param name="value" as="map(*)?" select="()"/>
    <xsl:param name="text" as="xs:string" select="ed:json($value)"/>
    <xsl:result-document href="html/{$ed:dts-path}{$path}" method="text" encoding="UTF-8">{$text}&#10;</xsl:result-document>
  </xsl:template>

  <!-- The edition as a Collection. -->
  <xsl:function name="ed:collection-object" as="map(*)">
    <xsl:param name="context" as="map(*)"/>
    <xsl:variable name="w" as="map(*)" select="ed:work($context?doc)"/>
    <xsl:sequence select="map{
      '@id': $context?collection-id,
      '@type': 'Collection',
      'title': $w?title || ' — ' || $w?edition,
      'description': normalize-space($context?doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub']),
      'totalParents': 0,
      'totalChildren': 1,
      'collection': $context?api || 'collection{;nav}.jsonld',
      'dublinCore': ed:dublin-core($context)}"/>
  </xsl:function>

  <!-- The essay as a Resource: its metadata, citation trees and endpoint templates. -->
  <xsl:function name="ed:resource-object" as="map(*)">
    <xsl:param name="context" as="map(*)"/>
    <xsl:variable name="w" as="map(*)" select="ed:work($context?doc)"/>
    <xsl:variable name="doc" as="document-node()" select="$context?doc"/>
    <xsl:sequence select="map{
      '@id': $context?resource-id,
      '@type': 'Resource',
      'title': $w?title,
      'description': normalize-space($doc/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:projectDesc/tei:p[1]),
      'totalParents': 1,
      'totalChildren': 0,
      'collection': $context?api || 'collection/' || $context?key || '{;nav}.jsonld',
      'navigation': $context?api || 'navigation/' || $context?key || '{;tree}{;down}{/ref}.jsonld',
      'document': $context?api || 'document/' || $context?key || '{;tree}{/ref}.xml',
      'download': $context?api || 'document/' || $context?key || '.xml',
      'mediaTypes': [ 'application/tei+xml' ],
      'citationTrees': array{ $context?trees?* ! ed:citation-tree(.) },
      'dublinCore': ed:dublin-core($context),
      'extensions': map{
        '@context': map{'schema': 'https://schema.org/'},
        'schema:version': ed:work($doc)?version,
        'schema:url': $context?base}}"/>
  </xsl:function>

  <!-- Dublin Core terms of the edition, from the header. -->
  <xsl:function name="ed:dublin-core" as="map(*)">
    <xsl:param name="context" as="map(*)"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="$context?doc/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="lang" as="xs:string" select="string(($context?doc/tei:TEI/@xml:lang, 'en')[1])"/>
    <xsl:sequence select="map{
      'title': ed:lang-values(normalize-space($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main']), $lang),
      'creator': ed:lang-values($h/tei:fileDesc/tei:titleStmt/tei:author ! normalize-space(), $lang),
      'contributor': ed:lang-values($h/tei:fileDesc/tei:titleStmt/tei:editor ! normalize-space(), $lang),
      'publisher': ed:lang-values(normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:publisher), $lang),
      'date': ed:work($context?doc)?version-date,
      'language': array{ distinct-values(($lang, $h/tei:profileDesc/tei:langUsage/tei:language/@ident ! string())) },
      'type': [ 'Text' ],
      'identifier': [ $context?base ],
      'description': ed:lang-values(normalize-space($h/tei:encodingDesc/tei:projectDesc/tei:p[1]), $lang),
      'rights': ed:lang-values(normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:availability), $lang)}"/>
  </xsl:function>

  <!-- A CitationTree object; the default tree has no identifier. -->
  <xsl:function name="ed:citation-tree" as="map(*)">
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:sequence select="map:merge((
      if ($tree?id) then map{'identifier': $tree?id} else (),
      map{'@type': 'CitationTree',
          'citeStructure': if (exists($tree?structures)) then ed:cite-structures($tree?structures)
                           else array{ distinct-values($tree?units ! ?type) ! map{'@type': 'CiteStructure', 'citeType': .} },
          'description': $tree?description}))"/>
  </xsl:function>

  <xsl:function name="ed:cite-structures" as="array(*)">
    <xsl:param name="structures" as="element(tei:citeStructure)*"/>
    <xsl:sequence select="array{ $structures ! map:merge((
      map{'@type': 'CiteStructure', 'citeType': string(@unit)},
      if (tei:citeStructure) then map{'citeStructure': ed:cite-structures(tei:citeStructure)} else ())) }"/>
  </xsl:function>

  <!-- A CitableUnit: its identifier, its permalink as @id, level, parent, type, title. -->
  <xsl:function name="ed:citable-unit" as="map(*)">
    <xsl:param name="unit" as="map(xs:string, item()*)"/>
    <xsl:param name="context" as="map(*)"/>
    <xsl:sequence select="map:merge((
      map{'identifier': $unit?id,
          '@id': ed:permalink($unit?id, $context?base),
          '@type': 'CitableUnit',
          'level': $unit?level,
          'parent': if (exists($unit?parent)) then $unit?parent else (),
          'citeType': $unit?type},
      if ($unit?title) then map{'dublinCore': map{'title': ed:lang-values($unit?title, $context?lang)}} else ()))"/>
  </xsl:function>

  <!-- One Navigation response: from the root ($ref absent) or about $ref, $down levels down ($down absent: no members). -->
  <xsl:template name="ed:navigation-file">
    <xsl:param name="context" as="map(*)"/>
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:param name="down" as="xs:integer?" select="()"/>
    <xsl:param name="asked" as="xs:string?" select="()"/>
    <xsl:param name="ref" as="map(xs:string, item()*)?" select="()"/>
    <xsl:param name="cited" as="map(xs:string, map(xs:string, xs:string))"/>
    <xsl:variable name="path" as="xs:string" select="'navigation/' || $context?key || ed:tree-param($tree)
      || (if (exists($down)) then ';down=' || $down else '') || (if ($asked) then '/' || $asked else '') || '.jsonld'"/>
    <xsl:variable name="members" as="map(xs:string, item()*)*" select="if (exists($down)) then ed:navigation-members($tree, $ref, $down) else ()"/>
    <xsl:call-template name="ed:dts-file">
      <xsl:with-param name="path" select="$path"/>
      <xsl:with-param name="text" select="ed:json-spliced(ed:navigation-frame(exists($ref), if (exists($down)) then count($members) else ()),
        (ed:json-string($context?api || $path), $context?navigation-resource-json, $ref ! $cited(?id)?ref, $members ! $cited(?id)?member))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One citable unit as TEI: the edition's fileDesc, and the unit inside dts:wrapper. -->
  <xsl:template name="ed:document-chunk">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="unit" as="map(xs:string, item()*)"/>
    <TEI xmlns="http://www.tei-c.org/ns/1.0">
      <xsl:copy-of select="$doc/tei:TEI/@xml:lang"/>
      <teiHeader>
        <xsl:copy-of select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc"/>
      </teiHeader>
      <text>
        <body>
          <dts:wrapper ref="//*[@xml:id = '{$unit?id}']">
            <xsl:copy-of select="$unit?node"/>
          </dts:wrapper>
        </body>
      </text>
    </TEI>
  </xsl:template>

</xsl:stylesheet>
