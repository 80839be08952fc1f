<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the edition's citation for reference managers, one file per citation format that declares one
     (declarations.xsl: ed:format/@file, e.g. html/cite/edition.bib), as the build rendered it from the edition's
     CSL-JSON record (edition.citations, the same that `edition cite` renders). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:for-each select="$ed:format-files">
      <xsl:result-document href="html/{?file}" method="text" encoding="UTF-8">{ed:citation($doc, '', ?name, $base-url)}&#10;</xsl:result-document>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
