<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML layer: imports the common layer, and adds the page shell (html-layout.xsl), the reading text's
     HTML (html-text.xsl), the map and timeline (maps.xsl), each page's linked data (linked-data.xsl), and the order
     and labels of a text's parts (book-parts.xsl), which the reading view, the print and the e-book all render.
     Entry points that write HTML pages take it as a package (html-package.xsl) and nothing else from common/;
     one that adds a template rule to a layer's mode says so in an xsl:override. The print and e-book
     stylesheets import this file instead: a function they define (links into their own text) replaces the
     layer's one of the same name. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:include href="html-layout.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="maps.xsl"/>
  <xsl:include href="linked-data.xsl"/>
  <xsl:include href="search-records.xsl"/>
  <xsl:include href="book-parts.xsl"/>
</xsl:stylesheet>
