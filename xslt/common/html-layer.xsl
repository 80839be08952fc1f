<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML layer: the common layer plus page layout and the reading text's HTML. Entry points that
     write HTML (or XHTML for print and e-book) import this file and nothing else from common/. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="params.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="plain-text.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="html-layout.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="maps.xsl"/>
  <xsl:include href="linked-data.xsl"/>
</xsl:stylesheet>
