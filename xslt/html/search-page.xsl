<?xml version="1.0" encoding="UTF-8"?>
<!-- html/search.html: the search page (a module of html.xsl). One search box, the page's own (search.css hides
     the header's here); search.js runs Pagefind's JavaScript API on it and lists the results, the text's first. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The search page: the form (it submits to itself, search.html?q=…, as every page's header form does),
       the filters, a status line and the list of results, which search.js fills. -->
  <xsl:template name="ed:search-page">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="."/>
      <xsl:with-param name="href" select="'search.html'"/>
      <xsl:with-param name="title" select="ed:label('search.heading')"/>
      <xsl:with-param name="head-extra" as="element()*">
        <link rel="stylesheet" href="assets/search.css"/>
        <script src="assets/search.js" defer=""></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <h1 id="search-heading">{ed:label('search.heading')}</h1>
        <form id="search-form" class="search-form" action="search.html" method="get" aria-labelledby="search-heading">
          <label for="search-q">{ed:label('search.what')}</label>
          <span class="search-field">
            <input id="search-q" type="search" name="q" autocomplete="off" spellcheck="false"/>
            <button type="submit">{ed:label('search.button')}</button>
          </span>
        </form>
        <p class="search-help">{ed:label('search.help')}</p>
        <!-- One box per search part (declarations.xsl), in the order results are listed; data-index: its Pagefind index;
             data-text-part: the part of the reading text (its results are counted apart). -->
        <fieldset id="search-filters" class="search-filters" data-text-part="{ed:search-part-of-page('index.html')}" hidden="">
          <legend>{ed:label('search.show')}</legend>
          <!-- A part that only registers without entries would fill is left out. -->
          <xsl:for-each select="$ed:search-parts[exists(?pages) or ?name = ed:kinds-with-entries(current())?search-part
            or not(?name = $ed:register-kinds?search-part)]">
            <label class="search-filter"><input type="checkbox" name="part" value="{?label}" data-part="{?name}" data-index="pagefind/{?name}/"/>{?label}<span class="count"></span></label>
          </xsl:for-each>
        </fieldset>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results"></ol>
        <p class="search-more-line"><button id="search-more" class="search-more" type="button" hidden="">{ed:label('search.more')}</button></p>
        <noscript><p>
          <xsl:variable name="contents" as="element()"><a href="index.html#toc-heading">{ed:label('search.noscript-contents')}</a></xsl:variable>
          <xsl:sequence select="ed:label-nodes('search.noscript', $contents)"/>
        </p></noscript>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
