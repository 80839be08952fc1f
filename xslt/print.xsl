<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: print/edition.typ, the print edition as Typst source (src/edition/outputs/pdf.py compiles it with
     xslt/print/print.typ into the tagged PDF). The parts come in the order and under the labels of
     common/book-parts.xsl: title page, contents with page numbers, the text with ¶ numbers in the margin and
     notes as footnotes, the reader comment, the corrections with paragraph and page, and an index of every
     register by page, whose page numbers Typst finds from an anchor at each mention (one layout). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common/html-layer.xsl"/>
  <xsl:include href="print/typst-text.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:print-part" on-no-match="fail" on-multiple-match="fail"/>

  <!-- Paragraphs and sections are in this book's own text, not in the reading view's index.html. -->
  <xsl:function name="ed:text-href" as="xs:string" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#' || $id"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work(.)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)" select="ed:book-facts(.)"/>
    <xsl:variable name="modified" as="xs:string" select="ed:book-date(.)"/>
    <xsl:result-document href="print/edition.typ" method="text" encoding="UTF-8">
      <xsl:text>#import "print.typ": *&#10;</xsl:text>
      <xsl:text>#show: book.with(title: {ed:typst-string($w?title)}, author: {ed:typst-string($w?author)}, </xsl:text>
      <xsl:text>description: {ed:typst-string($facts?subject)}, </xsl:text>
      <xsl:text>keywords: ({string-join(tokenize($facts?keywords, ',\s*')[.] ! (ed:typst-string(.) || ','), ' ')}), </xsl:text>
      <xsl:text>date: datetime(year: {year-from-date(xs:date($modified))}, month: {month-from-date(xs:date($modified))}, day: {day-from-date(xs:date($modified))}), </xsl:text>
      <xsl:text>lang: {ed:typst-string(tokenize($facts?language, '-')[1])}, running-title: [{ed:typst-markup($w?title)}])&#10;&#10;</xsl:text>
      <xsl:for-each select="ed:book-parts(.)">
        <xsl:if test="not(?part = ('title-page', 'notes'))">#part({ed:typst-string(?label)}{if (?part = 'contents') then ', listed: false' else ''})&#10;</xsl:if>
        <xsl:apply-templates select="$doc" mode="ed:print-part"><xsl:with-param name="part" select="." tunnel="yes"/></xsl:apply-templates>
      </xsl:for-each>
    </xsl:result-document>
  </xsl:template>

  <!-- Each part of the book (its kind in $part?part). -->
  <xsl:template match="/" mode="ed:print-part">
    <xsl:param name="part" as="map(xs:string, item()*)" tunnel="yes"/>
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:choose>
      <xsl:when test="$part?part = 'title-page'">
        <xsl:variable name="page" as="element(tei:titlePage)?" select="$part?nodes/tei:titlePage"/>
        <xsl:variable name="byline" as="map(xs:string, node()*)" select="ed:byline-parts($page/tei:byline)"/>
        <xsl:variable name="facts" as="element()*"><xsl:call-template name="ed:book-title-facts"><xsl:with-param name="doc" select="$doc"/></xsl:call-template></xsl:variable>
        <!-- A text with no title page of its own (the schema allows it): the header's title and author. -->
        <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
        <xsl:variable name="title" as="xs:string" select="if ($page/tei:docTitle) then ed:typst($page/tei:docTitle/tei:titlePart/node()) else ed:typst-markup($w?title)"/>
        <xsl:variable name="author" as="xs:string" select="if ($page/tei:byline) then ed:typst($byline?author) else ed:typst-markup($w?author)"/>
        <xsl:text>#title-page[&#10;#title[{$title}]&#10;&#10;</xsl:text>
        <xsl:text>#block(above: 8mm, below: 20mm)[#text(13pt)[{$author}]</xsl:text>
        <xsl:if test="exists($byline?date)"> \&#10;#text(11pt)[{ed:typst($byline?date)}]</xsl:if>
        <xsl:text>]&#10;&#10;</xsl:text>
        <xsl:value-of select="ed:typst-html($facts)" separator=""/>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="$part?part = 'contents'">#contents[{ed:typst-markup($part?label)}]&#10;&#10;</xsl:when>
      <xsl:when test="$part?part = 'section'">
        <xsl:if test="empty($part?nodes/tei:head)">#heading(level: 1)[{ed:typst-markup($part?label)}]#label({ed:typst-string($part?id)})&#10;&#10;</xsl:if>
        <xsl:value-of select="ed:typst($part?nodes/node())"/>
      </xsl:when>
      <xsl:when test="$part?part = 'comment'">
        <xsl:text>#heading(level: 1)[{ed:typst-markup($part?label)}]&#10;&#10;</xsl:text>
        <xsl:value-of select="ed:typst($part?nodes/node())"/>
      </xsl:when>
      <!-- Notes are footnotes, on the page that calls them. -->
      <xsl:when test="$part?part = 'notes'"/>
      <xsl:when test="$part?part = 'corrections'">
        <xsl:variable name="entries" as="element()*"><xsl:apply-templates select="$part?nodes" mode="ed:apparatus"/></xsl:variable>
        <xsl:text>#heading(level: 1)[{ed:typst-markup($part?label)}]#label({ed:typst-string($part?id)})&#10;&#10;</xsl:text>
        <xsl:text>#par[{ed:typst-markup(ed:corrections-preface(true()))}]&#10;&#10;#block[#set text(9.5pt)&#10;</xsl:text>
        <xsl:value-of select="ed:typst-html($entries)" separator=""/>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:when>
      <xsl:when test="$part?part = 'index'">
        <xsl:text>#heading(level: 1)[{ed:typst-markup($part?label)}]#label({ed:typst-string($part?id)})&#10;&#10;#index-body[&#10;</xsl:text>
        <xsl:for-each select="ed:index-sections($doc)">
          <xsl:text>#heading(level: 2)[{ed:typst-markup(?title)}]&#10;&#10;</xsl:text>
          <xsl:for-each select="?groups">
            <xsl:if test="?title">#heading(level: 3, outlined: false)[{ed:typst-markup(?title)}]&#10;&#10;</xsl:if>
            <xsl:for-each select="?entries">
              <xsl:variable name="han" as="xs:string*" select="ed:han-names(.) ! ('#zh(' || ed:typst-string(if (@xml:lang = 'zh-Hant') then 'Hant' else 'Hans') || ')[' || ed:typst-markup(.) || ']')"/>
              <xsl:text>#par[{string-join((ed:typst-markup(ed:index-name(.)), $han), ' ')}, #pages({ed:typst-string(@xml:id)})]&#10;</xsl:text>
            </xsl:for-each>
            <xsl:text>&#10;</xsl:text>
          </xsl:for-each>
        </xsl:for-each>
        <xsl:text>]&#10;</xsl:text>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
