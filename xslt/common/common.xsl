<?xml version="1.0" encoding="UTF-8"?>
<!-- The common layer: every module an output of any kind shares (parameters, declarations, functions,
     the plain-text views, registers and data helpers, citations), each included once, here only.
     Entry points that write no HTML take this layer as a package (common-package.xsl) and nothing else from
     common/; the HTML layer (html-layer.xsl) imports it. Modules never include one another. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:include href="params.xsl"/>
  <xsl:include href="labels.xsl"/>
  <xsl:include href="declarations.xsl"/>
  <xsl:include href="profile.xsl"/>
  <xsl:include href="functions.xsl"/>
  <xsl:include href="plain-text.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="cite.xsl"/>
</xsl:stylesheet>
