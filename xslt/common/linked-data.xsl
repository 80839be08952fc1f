<?xml version="1.0" encoding="UTF-8"?>
<!-- Linked data in every page: ed:page-jsonld writes the page's schema.org description (the edition, its
     author, publisher and version, the register entries it mentions with their authority identifiers)
     as the text of a <script type="application/ld+json"> in <head>. Context: the assembled TEI document
     (or pass it as $doc). Identifiers are absolute under the edition's base URL ($base-url, else the
     header's idno type="URL"); an entry's identifier is its place in the register pages. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The URI each authority's identifiers have as linked data (not the web page a reader opens). -->
  <xsl:variable name="ed:authority-uris" as="map(xs:string, xs:string)" select="map{
    'wikidata': 'http://www.wikidata.org/entity/',
    'geonames': 'https://sws.geonames.org/',
    'viaf': 'http://viaf.org/viaf/'}"/>

  <!-- schema.org types are declared with the register kinds ($ed:schema-types, declarations.xsl). Groups of
       people, which schema.org has no type for, are Things whose additionalType is CIDOC-CRM's E74 Group. -->
  <xsl:variable name="ed:crm-group" as="xs:string" select="'http://www.cidoc-crm.org/cidoc-crm/E74_Group'"/>

  <!-- The same text on every page of a build: an entry point that writes several pages computes it once, as
       ed:page-jsonld-text is memoised. The first-of is there to pull the call's value, so that the memo is
       consulted (see there): a bare call, or one through a variable (Saxon inlines it), computes it for each page. -->
  <xsl:template name="ed:page-jsonld" as="element()">
    <xsl:param name="doc" as="document-node()" select="root(.)"/>
    <script type="application/ld+json">{(ed:page-jsonld-text($doc), '')[1]}</script>
  </xsl:template>

  <!-- The JSON-LD text; '<' escaped so that no string can close the script element. The same on every page of
       a run (a pure function of the document and the base-url parameter), so memoised for entry points that
       write several pages. Saxon consults the memo only where the call's value is pulled (as in the
       template's first-of); one whose value is written straight into a result (a bare
       {ed:page-jsonld-text($doc)}) computes it again. -->
  <xsl:function name="ed:page-jsonld-text" as="xs:string" visibility="public" cache="yes">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:sequence select="replace(serialize(ed:edition-jsonld($doc),
      map{'method': 'json', 'indent': false(), 'escape-solidus': false()}), '&lt;', '\\u003c')"/>
  </xsl:function>


  <!-- The edition as a schema.org CreativeWork, with the register entries its text mentions. -->
  <xsl:function name="ed:edition-jsonld" as="map(*)" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="base" as="xs:string" select="ed:base-url($doc, $base-url)"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="$doc/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(*)" select="ed:work($doc)"/>
    <xsl:variable name="authors" as="map(*)*" select="$h/tei:fileDesc/tei:titleStmt/tei:author ! (
      let $entry := ed:entry(., @ref) return
      if ($entry) then ed:entry-jsonld($entry, $base) else map{'@type': 'Person', 'name': normalize-space(.)})"/>
    <xsl:sequence select="map:merge((
      map{'@context': 'https://schema.org',
          '@type': 'CreativeWork',
          '@id': ($base[.], 'index.html')[1],
          'url': ($base[.], 'index.html')[1],
          'name': $w?title,
          'alternativeHeadline': normalize-space($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub']),
          'author': array{ $authors },
          'editor': array{ $h/tei:fileDesc/tei:titleStmt/tei:editor ! map{'@type': 'Organization', 'name': normalize-space(.)} },
          'publisher': map{'@type': 'Organization', 'name': $w?publisher},
          'inLanguage': string(($doc/tei:TEI/@xml:lang, 'en')[1])},
      $w?version[.] ! map{'version': .},
      $w?version-date[.] ! map{'datePublished': .},
      map{'isBasedOn': map{'@type': 'WebPage', 'name': $w?title,
            'author': array{ $authors ! map:get(., '@id')[.] ! map{'@id': .} },
            'isPartOf': map{'@type': 'WebSite', 'name': $w?site}},
          'keywords': array{ $h/tei:profileDesc/tei:textClass/tei:keywords/tei:term ! normalize-space() },
          'mentions': array{ ed:entries($doc)[ed:is-mentioned(.)] ! ed:entry-jsonld(., $base) }}))"/>
  </xsl:function>

  <!-- Whether the text (essay or comments, paragraphs or not) points at an entry by @ref, @who or @source. -->
  <xsl:function name="ed:is-mentioned" as="xs:boolean" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="exists($ed:relations ! ed:pointers($entry, ?key))"/>
  </xsl:function>

  <!-- One register entry: its type, its URL in the edition as @id, name and authority identifiers. -->
  <xsl:function name="ed:entry-jsonld" as="map(*)" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="base" as="xs:string"/>
    <xsl:variable name="same-as" as="xs:string*" select="ed:authority-ids($entry)[map:contains($ed:authority-uris, ?type)]
      ! ($ed:authority-uris(?type) || encode-for-uri(?id) || (if (?type = 'geonames') then '/' else ''))"/>
    <xsl:variable name="entity" as="map(*)" select="map{'@type': $ed:schema-types(local-name($entry)),
      '@id': $base || ed:entity-href($entry), 'name': ed:entry-name($entry)}"/>
    <!-- Most entries are no group and have no authority identifier: their map needs no merging. -->
    <xsl:sequence select="if (empty($same-as) and not($entry/self::tei:personGrp)) then $entity else map:merge((
      $entity,
      if ($entry/self::tei:personGrp) then map{'additionalType': $ed:crm-group} else (),
      if (exists($same-as)) then map{'sameAs': array{ $same-as }} else ()))"/>
  </xsl:function>

</xsl:stylesheet>
