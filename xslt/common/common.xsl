<?xml version="1.0" encoding="UTF-8"?>
<!-- The common layer: every module an output of any kind shares (parameters, functions, plain text,
     registers, citations). Entry points that write no HTML import this file and nothing else from common/. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="params.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="cite.xsl"/>
</xsl:stylesheet>
