<?xml version="1.0" encoding="UTF-8"?>
<!-- html/search.html: the search page (a module of html.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The search page: Pagefind's interface, loaded from the edition's own folder. -->
  <xsl:template name="ed:search-page">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="."/>
      <xsl:with-param name="href" select="'search.html'"/>
      <xsl:with-param name="title" select="'Search'"/>
      <xsl:with-param name="head-extra" as="element()*">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <link rel="stylesheet" href="assets/search.css"/>
        <script src="pagefind/pagefind-ui.js" defer=""></script>
        <script src="assets/search.js" defer=""></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1>Search</h1>
        <p class="search-help">Search the reading text and the indexes. Results link to the paragraph.</p>
        <div id="search" class="search-results"></div>
        <noscript><p>Search needs JavaScript. Everything else in this edition works without it: the <a href="index.html#toc-heading">contents</a> and the indexes list every paragraph.</p></noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
