<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/index.html, the reading edition: title block, contents,
     numbered paragraphs with permalinks, the reader comment, the editorial notes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:include href="common/params.xsl"/>
  <xsl:include href="common/functions.xsl"/>
  <xsl:include href="common/plain-text.xsl"/>
  <xsl:include href="common/html-layout.xsl"/>
  <xsl:include href="common/html-text.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="text" as="element(tei:text)" select="tei:TEI/tei:text"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="."/>
      <xsl:with-param name="href" select="'index.html'"/>
      <xsl:with-param name="title" select="normalize-space(tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'])"/>
      <xsl:with-param name="content" as="node()*">
        <article class="edition">
          <header class="title-block">
            <h1><xsl:apply-templates select="$text/tei:front/tei:titlePage/tei:docTitle/tei:titlePart/node()" mode="ed:html"/></h1>
            <p class="byline"><xsl:apply-templates select="$text/tei:front/tei:titlePage/tei:byline/node()" mode="ed:html"/></p>
          </header>
          <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">Contents</h2>
            <ol>
              <xsl:for-each select="$text/tei:body/tei:div">
                <li><a href="#{@xml:id}">{if (tei:head) then ed:plain(tei:head, 'reading') else 'Introduction'}</a></li>
              </xsl:for-each>
              <li><a href="#{$text/tei:back/tei:div/@xml:id}">Reader comment</a></li>
              <li><a href="#notes">Editorial notes</a></li>
            </ol>
          </nav>
          <xsl:apply-templates select="$text/tei:body/tei:div" mode="ed:html"/>
          <section class="comments" aria-labelledby="comments-heading">
            <h2 id="comments-heading">Reader comment</h2>
            <xsl:apply-templates select="$text/tei:back/tei:div/tei:div" mode="ed:html"/>
          </section>
          <section id="notes" class="notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">Editorial notes</h2>
            <ol><xsl:apply-templates select="$text//tei:note" mode="ed:notes"/></ol>
          </section>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
