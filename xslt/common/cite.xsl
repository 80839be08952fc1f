<?xml version="1.0" encoding="UTF-8"?>
<!-- Citations of the edition, a section or a paragraph, in the formats declarations.xsl lists
     (text, chicago, mla, bibtex, csl-json). Used by `edition cite` (called as a function of the common
     layer) and by the HTML's cite controls and "How to cite". Every format names the edition's version
     and its date, and gives an absolute permalink when a base URL is known ($base-url, else the header's
     idno type="URL"). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">


  <!-- Facts about the edition, read from the header (one place); memoised, since every cite control asks. -->
  <xsl:function name="ed:work" as="map(xs:string, xs:string)" visibility="public" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="root($doc)/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="author" as="xs:string" select="normalize-space($h/tei:fileDesc/tei:titleStmt/tei:author[1])"/>
    <xsl:variable name="source" as="element()?" select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <xsl:variable name="edition" as="element()?" select="$h/tei:fileDesc/tei:editionStmt/tei:edition[1]"/>
    <!-- What the schema leaves optional has a fallback here: no main title, the first title; no date, "n.d.";
         no author, source, site or publisher: '' (each format leaves the part out). -->
    <xsl:variable name="published" as="xs:string" select="string($h/tei:fileDesc/tei:publicationStmt/tei:date[1]/@when)"/>
    <xsl:variable name="titles" as="element(tei:title)*" select="$h/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="map{
      'title': normalize-space(($titles[@type = 'main'], $titles)[1]),
      'author': $author,
      'author-given': if (contains($author, ' ')) then replace($author, '\s+\S+$', '') else '',
      'author-family': string(tokenize($author, ' ')[last()]),
      'site': normalize-space($source/tei:title[@level = 'm'][1]),
      'posted': normalize-space($source/tei:date[1]),
      'posted-without-year': string(starts-with($source/tei:date[1]/@when, '--')),
      'publisher': normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:publisher[1]),
      'edition': normalize-space(string-join($edition/text())),
      'version': string($edition/@n),
      'version-date': string(($edition/tei:date/@when, $published)[1]),
      'edition-year': if (matches($published, '^\d{4}')) then substring($published, 1, 4) else 'n.d.',
      'url': normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'URL'][1]),
      'id': (normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition'][1])[.], 'edition')[1]
    }"/>
  </xsl:function>

  <!-- "Family, Given" ("Family" alone, or '' when the header names no author). -->
  <xsl:function name="ed:author-inverted" as="xs:string" visibility="public">
    <xsl:param name="w" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="string-join(($w?author-family, $w?author-given)[.], ', ')"/>
  </xsl:function>

  <!-- The base of permalinks: the base-url parameter when given, else the edition's canonical URL
       (publicationStmt/idno type="URL"), else '' (links stay relative). Always ends in a slash when set. -->
  <xsl:function name="ed:base-url" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="base-url" as="xs:string"/>
    <xsl:variable name="base" as="xs:string" select="($base-url[normalize-space()], ed:work($doc)?url)[1]"/>
    <xsl:sequence select="if ($base and not(ends-with($base, '/'))) then $base || '/' else $base"/>
  </xsl:function>

  <!-- "version 1.0, 2026-01-15" (or without the date, or '' when the header names no version). -->
  <xsl:function name="ed:version-label" as="xs:string" visibility="public">
    <xsl:param name="w" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="if ($w?version) then 'version ' || $w?version || ($w?version-date[.] ! (', ' || .)) else ''"/>
  </xsl:function>

  <!-- The page an identifier lives on, and its permalink. -->
  <xsl:function name="ed:permalink" as="xs:string" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="base-url" as="xs:string"/>
    <xsl:sequence select="$base-url || 'index.html' || (if ($id) then '#' || $id else '')"/>
  </xsl:function>

  <!-- Where in the edition: "¶ 12", "comment 1, ¶ 1", "section “The Urban Proletariat”", or ''. -->
  <xsl:function name="ed:locator" as="xs:string" visibility="public">
    <xsl:param name="target" as="element()?"/>
    <xsl:sequence select="
      if ($target/self::tei:p) then ed:paragraph-label($target)
      else if ($target/self::tei:div) then 'section “' || ed:plain($target/tei:head[1], 'reading') || '”'
      else ''"/>
  </xsl:function>

  <!-- The citation of the element with xml:id $id ('' for the whole edition) in $format. -->
  <xsl:function name="ed:citation" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="base-url" as="xs:string"/>
    <xsl:variable name="target" as="element()?" select="id($id, root($doc))[self::tei:p or self::tei:div][ancestor::tei:text]"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="where" as="xs:string" select="ed:locator($target)"/>
    <xsl:variable name="url" as="xs:string" select="ed:permalink($id, ed:base-url($doc, $base-url))"/>
    <xsl:variable name="version" as="xs:string" select="ed:version-label($w)"/>
    <xsl:variable name="posted" as="xs:string" select="$w?posted || (if ($w?posted-without-year = 'true') then ' (year not given)' else '')"/>
    <xsl:choose>
      <xsl:when test="$id and empty($target)">
        <xsl:message terminate="yes">no paragraph or section has the identifier {$id}</xsl:message>
      </xsl:when>
      <xsl:when test="$format = 'text'">
        <xsl:sequence select="string-join((
          string-join(($w?author[.], '“' || $w?title || '”'), ', ') || (if ($where) then ', ' || $where else '') || ' [' || ($id[.], $w?id)[1] || ']',
          $url,
          if ($target/self::tei:p) then ('', ed:plain($target, 'reading')) else (),
          if ($version) then ('', 'Digital edition, ' || $version || '.') else ()), '&#10;')"/>
      </xsl:when>
      <xsl:when test="$format = 'chicago'">
        <xsl:sequence select="string-join((ed:author-inverted($w)[.] ! (. || '.'), '“' || $w?title || '.”',
          string-join(($w?site, $posted)[.], ', ')[.] ! (. || '.'),
          replace('Digital edition, ' || string-join(($w?publisher[.], $w?edition-year, $where[.]), ', ') || '.', '\.\.$', '.'),
          if ($version) then upper-case(substring($version, 1, 1)) || substring($version, 2) || '.' else (),
          $url || '.'), ' ')"/>
      </xsl:when>
      <xsl:when test="$format = 'mla'">
        <xsl:sequence select="string-join((ed:author-inverted($w)[.] ! (. || '.'), '“' || $w?title || '.”',
          string-join(($w?site, $w?posted)[.], ', ')[.] ! (. || '.'),
          'Digital edition, ' || string-join(((if ($w?version) then 'version ' || $w?version else ()), $w?publisher[.], $w?edition-year,
            (if ($target/self::tei:p) then 'par. ' || ed:paragraph-number($target) else ()), $url), ', ') || '.'), ' ')"/>
      </xsl:when>
      <xsl:when test="$format = 'bibtex'">
        <xsl:sequence select="string-join((
          '@online{' || $w?id || (if ($id) then '-' || $id else '') || ',',
          ed:author-inverted($w)[.] ! ('  author = {' || . || '},'),
          '  title = {' || $w?title || '},',
          $w?site[.] ! ('  organization = {' || . || '},'),
          $w?publisher[.] ! ('  publisher = {' || . || '},'),
          $w?edition-year[. ne 'n.d.'] ! ('  year = {' || . || '},'),
          if ($w?version) then '  version = {' || $w?version || '},' else (),
          if ($w?version-date) then '  date = {' || $w?version-date || '},' else (),
          '  url = {' || $url || '},',
          if ($where) then '  note = {' || replace($where, '¶', '\\P{}') || '},' else (),
          '  langid = {english}',
          '}'), '&#10;')"/>
      </xsl:when>
      <xsl:when test="$format = 'csl-json'">
        <xsl:variable name="item" as="map(*)" select="map:merge((
          map{
            'id': $w?id || (if ($id) then '-' || $id else ''),
            'type': 'webpage',
            'title': $w?title,
            'URL': $url,
            'language': 'en'
          },
          if ($w?author) then map{'author': [ map:merge((map{'family': $w?author-family}, $w?author-given[.] ! map{'given': .})) ]} else (),
          if ($w?site) then map{'container-title': $w?site} else (),
          if ($w?publisher) then map{'publisher': $w?publisher} else (),
          if ($w?edition-year castable as xs:integer) then map{'issued': map{'date-parts': [ [ xs:integer($w?edition-year) ] ]}} else (),
          if ($w?version) then map{'version': $w?version} else (),
          if ($target/self::tei:p) then map{'locator': string(ed:paragraph-number($target)), 'label': 'paragraph'} else ()))"/>
        <xsl:sequence select="serialize([ $item ], map{'method': 'json', 'indent': true()})"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown citation format {$format}: use one of {string-join($ed:formats, ', ')}</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
