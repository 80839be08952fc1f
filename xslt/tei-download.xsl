<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/tei/{edition id}.xml (ed:tei-download-href: the header's idno type="edition"), the
     assembled TEI (the text with its registers in standOff) for readers who want the source: the document
     every other output is built from. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text"/>

  <xsl:template match="/">
    <xsl:result-document href="html/{ed:tei-download-href(.)}" method="xml" encoding="UTF-8" indent="no">
      <xsl:copy-of select="."/>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
