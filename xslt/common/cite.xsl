<?xml version="1.0" encoding="UTF-8"?>
<!-- Citations of the edition, a section or a paragraph, in the formats scholars use:
     text, chicago, mla, bibtex, csl-json. Used by `edition cite` (called as a function)
     and by the HTML's cite controls and "How to cite". -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">

  <xsl:include href="functions.xsl"/>
  <xsl:include href="plain-text.xsl"/>

  <xsl:variable name="ed:formats" as="xs:string+" select="('text', 'chicago', 'mla', 'bibtex', 'csl-json')"/>

  <!-- Facts about the edition, read from the header (one place). -->
  <xsl:function name="ed:work" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="root($doc)/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="author" as="xs:string" select="normalize-space($h/tei:fileDesc/tei:titleStmt/tei:author[1])"/>
    <xsl:sequence select="map{
      'title': normalize-space($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main']),
      'author': $author,
      'author-given': substring-before($author, ' '),
      'author-family': tokenize($author, ' ')[last()],
      'site': normalize-space($h/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:title[@level = 'm']),
      'posted': normalize-space($h/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:date[1]),
      'publisher': normalize-space($h/tei:fileDesc/tei:publicationStmt/tei:publisher),
      'edition': normalize-space($h/tei:fileDesc/tei:editionStmt/tei:edition),
      'edition-year': string($h/tei:fileDesc/tei:publicationStmt/tei:date/@when),
      'id': string($h/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition'])
    }"/>
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
    <xsl:variable name="target" as="element()?" select="root($doc)//tei:text//*[@xml:id = $id][self::tei:p or self::tei:div]"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="where" as="xs:string" select="ed:locator($target)"/>
    <xsl:variable name="url" as="xs:string" select="ed:permalink($id, $base-url)"/>
    <xsl:choose>
      <xsl:when test="$id and empty($target)">
        <xsl:message terminate="yes">no paragraph or section has the identifier {$id}</xsl:message>
      </xsl:when>
      <xsl:when test="$format = 'text'">
        <xsl:sequence select="string-join((
          $w?author || ', “' || $w?title || '”' || (if ($where) then ', ' || $where else '') || ' [' || ($id[.], $w?id)[1] || ']',
          $url,
          if ($target/self::tei:p) then ('', ed:plain($target, 'reading')) else ()), '&#10;')"/>
      </xsl:when>
      <xsl:when test="$format = 'chicago'">
        <xsl:sequence select="$w?author-family || ', ' || $w?author-given || '. “' || $w?title || '.” ' || $w?site
          || ', ' || $w?posted || ' (year not given). Digital edition, ' || $w?publisher || ', ' || $w?edition-year
          || (if ($where) then ', ' || $where else '') || '. ' || $url || '.'"/>
      </xsl:when>
      <xsl:when test="$format = 'mla'">
        <xsl:sequence select="$w?author-family || ', ' || $w?author-given || '. “' || $w?title || '.” ' || $w?site
          || ', ' || $w?posted || '. Digital edition, ' || $w?publisher || ', ' || $w?edition-year
          || (if ($target/self::tei:p) then ', par. ' || ed:paragraph-number($target) else '') || ', ' || $url || '.'"/>
      </xsl:when>
      <xsl:when test="$format = 'bibtex'">
        <xsl:sequence select="string-join((
          '@online{' || $w?id || (if ($id) then '-' || $id else '') || ',',
          '  author = {' || $w?author-family || ', ' || $w?author-given || '},',
          '  title = {' || $w?title || '},',
          '  organization = {' || $w?site || '},',
          '  publisher = {' || $w?publisher || '},',
          '  year = {' || $w?edition-year || '},',
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
            'author': [ map{'family': $w?author-family, 'given': $w?author-given} ],
            'container-title': $w?site,
            'publisher': $w?publisher,
            'issued': map{'date-parts': [ [ xs:integer($w?edition-year) ] ]},
            'URL': $url,
            'language': 'en'
          },
          if ($target/self::tei:p) then map{'locator': string(ed:paragraph-number($target)), 'label': 'paragraph'} else ()))"/>
        <xsl:sequence select="serialize([ $item ], map{'method': 'json', 'indent': true()})"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">unknown citation format {$format}: use one of {string-join($ed:formats, ', ')}</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

</xsl:stylesheet>
