<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the plain-text editions.
     text/reading.txt     the editors' reading text (corrections applied, typographic quotes);
     text/diplomatic.txt  the witness's words and marks as they stand.
     With $ids, each paragraph starts with its identifier in brackets. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:for-each select="'reading', 'diplomatic'">
      <xsl:variable name="view" as="xs:string" select="."/>
      <xsl:result-document href="text/{$view}.txt" method="text" encoding="UTF-8">
        <xsl:value-of select="ed:blocks(root($ed:document), $view)" separator="&#10;&#10;"/>
        <xsl:text>&#10;</xsl:text>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <xsl:variable name="ed:document" as="document-node()" select="/"/>

  <!-- The text as blocks: title, byline, then in reading order each heading, paragraph, line of a letter's opener
       or closer (dateline, salutation, signature; a closer of one line stays one block), verse line, quotation's
       reference, list item, table row and figure. -->
  <xsl:function name="ed:blocks" as="xs:string*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="text" as="element(tei:text)" select="$doc/tei:TEI/tei:text"/>
    <xsl:sequence select="$text/tei:front/tei:titlePage/(tei:docTitle, tei:byline) ! ed:plain(., $view)"/>
    <xsl:for-each select="$text/(tei:body | tei:back)//(tei:head | tei:p | tei:closer[not(tei:salute)] | tei:opener/* | tei:closer[tei:salute]/*
      | tei:lg[tei:l] | tei:div/tei:pb | tei:cit/tei:bibl | tei:item[not(parent::tei:list/@type = 'glossary')] | tei:row | tei:figure)[not(ancestor::tei:figure)]">
      <!-- Verse keeps its lines: one line of text each. -->
      <xsl:variable name="line" as="xs:string" select="if (self::tei:lg) then string-join((tei:head, tei:l) ! ed:plain(., $view), '&#10;') else ed:plain(., $view)"/>
      <xsl:if test="$line">
        <xsl:sequence select="(if ($ids and self::tei:p) then '[' || @xml:id || '] ' else '') || $line"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
