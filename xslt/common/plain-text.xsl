<?xml version="1.0" encoding="UTF-8"?>
<!-- Two plain-text views of any TEI fragment:
     mode ed:reading    the editors' text (corrections, supplied words in [ ], typographic quotes);
     mode ed:diplomatic the witness's characters (errors as they stand, its own quotation marks, no editorial additions). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">


  <xsl:mode name="ed:reading" on-no-match="text-only-copy" on-multiple-match="fail"/>
  <xsl:mode name="ed:diplomatic" on-no-match="text-only-copy" on-multiple-match="fail"/>

  <!-- The plain text of an element in either view, whitespace normalised. -->
  <xsl:function name="ed:plain" as="xs:string" visibility="public">
    <xsl:param name="e" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic'"><xsl:apply-templates select="$e" mode="ed:diplomatic"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$e" mode="ed:reading"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($text))"/>
  </xsl:function>

  <!-- What a view leaves out (declarations.xsl: the reading view drops the witness's errors, the diplomatic view
       the editors' additions; both drop notes and regularisations): one rule per view, from the declaration. -->
  <xsl:template match="*[local-name() = $ed:view-omissions('reading')]" mode="ed:reading" priority="3"/>
  <xsl:template match="*[local-name() = $ed:view-omissions('diplomatic')]" mode="ed:diplomatic" priority="3"/>

  <!-- Editors' additions the reading view marks: supplied words in brackets. -->
  <xsl:template match="tei:supplied" mode="ed:reading">[<xsl:apply-templates mode="#current"/>]</xsl:template>

  <!-- Quotation marks: typographic in the reading view, the witness's own in the diplomatic view. -->
  <xsl:template match="*[ed:is-quoted(.)]" mode="ed:reading">
    <xsl:variable name="depth" as="xs:integer" select="ed:quote-depth(.)"/>
    <xsl:value-of select="ed:typographic-mark-at($depth, 'before')"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="ed:typographic-mark-at($depth, 'after')"/>
  </xsl:template>
  <xsl:template match="*[ed:is-quoted(.)]" mode="ed:diplomatic">
    <xsl:value-of select="ed:witness-mark(., 'before')"/>
    <xsl:apply-templates mode="#current"/>
    <xsl:value-of select="ed:witness-mark(., 'after')"/>
  </xsl:template>

  <!-- A pointer to a paragraph (in a register description or gloss): "¶ N", or a section's title. -->
  <xsl:template match="tei:ptr[starts-with(@target, '#')]" mode="ed:reading ed:diplomatic">
    <xsl:value-of select="ed:target-label(.)"/>
  </xsl:template>

</xsl:stylesheet>
