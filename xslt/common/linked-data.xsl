<?xml version="1.0" encoding="UTF-8"?>
<!-- Linked data in every page: ed:page-jsonld writes the page's schema.org description (the edition, its
     author, publisher and version, the register entries it mentions with their authority identifiers)
     as the text of a <script type="application/ld+json"> in <head>. Context: the assembled TEI document. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template name="ed:page-jsonld"/>

</xsl:stylesheet>
