<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/tei/weil-conditions.xml, the assembled TEI (essay with its registers in
     standOff) for readers who want the source: the document every other output is built from. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  exclude-result-prefixes="#all">

  <xsl:output method="text"/>

  <xsl:template match="/">
    <xsl:result-document href="html/tei/weil-conditions.xml" method="xml" encoding="UTF-8" indent="no">
      <xsl:copy-of select="."/>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
