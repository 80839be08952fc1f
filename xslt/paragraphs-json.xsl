<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: index/paragraphs.json, one object per citable paragraph in reading order:
     {"id", "section", "part", "n", "label", "incipit"}. Built as XML and turned into JSON with
     xml-to-json(), which keeps key order stable. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:variable name="json" as="element(fn:array)">
      <fn:array>
        <xsl:for-each select="ed:paragraphs(.)">
          <fn:map>
            <fn:string key="id">{@xml:id}</fn:string>
            <fn:string key="section">{ed:section(.)/@xml:id}</fn:string>
            <fn:string key="part">{ed:part(.)}</fn:string>
            <fn:number key="n">{ed:paragraph-number(.)}</fn:number>
            <fn:string key="label">{ed:paragraph-label(.)}</fn:string>
            <fn:string key="incipit">{ed:incipit(ed:plain(., 'reading'))}</fn:string>
          </fn:map>
        </xsl:for-each>
      </fn:array>
    </xsl:variable>
    <xsl:result-document href="index/paragraphs.json" method="text" encoding="UTF-8">
      <xsl:value-of select="xml-to-json($json, map{'indent': true()})"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
