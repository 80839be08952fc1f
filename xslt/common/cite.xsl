<?xml version="1.0" encoding="UTF-8"?>
<!-- Facts about the edition for the pages (ed:work), permalinks and locators, and the citations the build
     rendered from each unit's CSL-JSON record (src/edition/citations.py) in the formats declarations.xsl lists:
     the HTML's cite controls, "How to cite" and the cite files print them; none is formatted here. -->
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

  <!-- The citations the build rendered (the citations parameter), parsed once. -->
  <xsl:variable name="ed:citations" as="map(*)" select="parse-json($citations)"/>

  <!-- The citation of the element with xml:id $id ('' for the whole edition) in $format, as the build rendered it
       from the unit's CSL-JSON record (edition.citations); '' when the build rendered none. -->
  <xsl:function name="ed:citation" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="format" as="xs:string"/>
    <xsl:param name="base-url" as="xs:string"/>
    <xsl:sequence select="string(($ed:citations($id)?($format), '')[1])"/>
  </xsl:function>

</xsl:stylesheet>
