<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: print/edition.html, the edition laid out for paged media (src/edition/pdf.py turns it
     into the PDF with xslt/assets/print.css): title page, contents with page numbers, the text with
     ¶ numbers in the margin and notes as footnotes, the reader comment, the corrections, and an index of
     persons, places and organisations whose page numbers the engine computes from each mention's anchor. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common/html-layer.xsl"/>
  <xsl:include href="print/book.xsl"/>
  <xsl:include href="print/print-text.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail" use-accumulators="#all"/>

  <!-- Paragraphs and sections are in this book's own text, not in the reading view's index.html. -->
  <xsl:function name="ed:text-href" as="xs:string" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'#' || $id"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work(.)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)" select="ed:book-facts(.)"/>
    <xsl:variable name="text" as="element(tei:text)" select="tei:TEI/tei:text"/>
    <xsl:variable name="interventions" as="element()*" select="ed:interventions(.)"/>
    <xsl:result-document href="print/edition.html" method="html" html-version="5" encoding="UTF-8" indent="no">
      <html lang="{$facts?language}">
        <head>
          <meta charset="utf-8"/>
          <title>{$w?title}</title>
          <meta name="author" content="{$w?author}"/>
          <meta name="description" content="{$facts?subject}"/>
          <meta name="keywords" content="{$facts?keywords}"/>
          <meta name="dcterms.created" content="{$facts?created}"/>
          <meta name="dcterms.modified" content="{$facts?modified}"/>
        </head>
        <body>
          <section class="title-page" id="title-page">
            <xsl:call-template name="ed:book-title-page"><xsl:with-param name="doc" select="."/></xsl:call-template>
          </section>
          <nav class="toc" id="contents" data-bookmark="Contents">
            <h2>Contents</h2>
            <ol>
              <xsl:for-each select="$text/tei:body/tei:div">
                <li><a href="#{@xml:id}">{ed:book-division-label(.)}</a></li>
              </xsl:for-each>
              <xsl:if test="$text/tei:back/tei:div"><li><a href="#{$text/tei:back/tei:div[1]/@xml:id}">Reader comment</a></li></xsl:if>
              <xsl:if test="$interventions"><li><a href="#apparatus">Corrections</a></li></xsl:if>
              <li><a href="#index">Index</a></li>
            </ol>
          </nav>
          <main class="text">
            <xsl:for-each select="$text/tei:body/tei:div">
              <xsl:apply-templates select="." mode="ed:print-division"/>
            </xsl:for-each>
          </main>
          <xsl:for-each select="$text/tei:back/tei:div">
            <section id="{@xml:id}" class="comments" data-bookmark="Reader comment">
              <h2>Reader comment</h2>
              <xsl:apply-templates select="tei:div" mode="ed:html"/>
            </section>
          </xsl:for-each>
          <xsl:if test="$interventions">
            <section id="apparatus" class="apparatus" data-bookmark="Corrections">
              <h2>Corrections</h2>
              <p>The editors' reading, then (after the bracket) the witness's, with the paragraph and page where it stands.</p>
              <ol><xsl:apply-templates select="$interventions" mode="ed:apparatus"/></ol>
            </section>
          </xsl:if>
          <xsl:call-template name="ed:print-index"><xsl:with-param name="doc" select="."/></xsl:call-template>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- A division of the essay, bookmarked under its heading (or its kind when it has none). -->
  <xsl:mode name="ed:print-division" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:template match="tei:div" mode="ed:print-division">
    <section id="{@xml:id}" class="{(@type, 'div')[1]}" data-bookmark="{ed:book-division-label(.)}">
      <xsl:apply-templates mode="ed:html"/>
    </section>
  </xsl:template>

  <!-- The index: every person, place and organisation the text mentions, each mention a link to its
       anchor. The engine prints each link as the number of the page the anchor fell on; pdf.py keeps
       one link per entry and page. -->
  <xsl:template name="ed:print-index">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <section id="index" class="index" data-bookmark="Index">
      <h2>Index</h2>
      <xsl:for-each select="$ed:register-kinds[?kind = $ed:book-index-kinds]">
        <xsl:variable name="entries" as="element()*" select="ed:sorted-entries($doc, .)[exists(ed:book-mentions(.))]"/>
        <xsl:if test="$entries">
          <section class="index-kind" id="index-{?kind}" data-bookmark="{?title}">
            <h3>{?title}</h3>
            <ul>
              <xsl:for-each select="$entries">
                <li id="ix-{@xml:id}" data-entry="{@xml:id}">
                  <span class="ix-name">{ed:entry-name(.)}<xsl:for-each select="ed:han-names(.)"><xsl:text> </xsl:text><span class="han" lang="{@xml:lang}">{normalize-space(.)}</span></xsl:for-each></span>
                  <xsl:text> </xsl:text>
                  <span class="loci">
                    <xsl:for-each select="ed:book-mentions(.)">
                      <a class="locus" href="#{ed:mention-anchor(.)}"></a>
                    </xsl:for-each>
                  </span>
                </li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
      </xsl:for-each>
    </section>
  </xsl:template>

</xsl:stylesheet>
