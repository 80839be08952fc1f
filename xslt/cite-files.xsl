<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/cite/edition.bib and html/cite/edition.json, the edition's citation for
     reference managers (BibTeX and CSL-JSON), from the same ed:citation that `edition cite` uses. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:result-document href="html/cite/edition.bib" method="text" encoding="UTF-8">{ed:citation(., '', 'bibtex', $base-url)}&#10;</xsl:result-document>
    <xsl:result-document href="html/cite/edition.json" method="text" encoding="UTF-8">{ed:citation(., '', 'csl-json', $base-url)}&#10;</xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
