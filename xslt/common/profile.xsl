<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition profile: what differs from one edition to another, as named hooks whose defaults read the
     TEI header. An edition that needs other wording overrides a hook in its entry point (or a module it
     imports); the generic layers never name a particular text, file or project. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">

  <!-- The assembled TEI offered for download, relative to html/: tei/{the header's idno type="edition"}.xml. -->
  <xsl:function name="ed:tei-download-href" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="id" as="xs:string" select="normalize-space(root($doc)/tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type = 'edition'])"/>
    <xsl:sequence select="'tei/' || ($id[.], 'edition')[1] || '.xml'"/>
  </xsl:function>

  <!-- One-line descriptions of the pages (meta description), by page file name; '' = the edition's. -->
  <xsl:function name="ed:page-description" as="xs:string" visibility="public">
    <xsl:param name="href" as="xs:string"/>
    <xsl:sequence select="(map{
      'voices.html': ed:label('voices.description'),
      'figures.html': ed:label('figures.description')
      }($href), '')[1]" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

</xsl:stylesheet>
