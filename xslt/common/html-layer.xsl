<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML layer: imports the common layer, and adds the page shell (html-layout.xsl), the reading text's
     HTML (html-text.xsl), the map and timeline (maps.xsl) and each page's linked data (linked-data.xsl).
     Entry points that write HTML (or XHTML for print and e-book) import this file and nothing else from
     common/; a template or function they define overrides the layers' one of the same name. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="common.xsl"/>
  <xsl:include href="html-layout.xsl"/>
  <xsl:include href="html-text.xsl"/>
  <xsl:include href="maps.xsl"/>
  <xsl:include href="linked-data.xsl"/>
</xsl:stylesheet>
