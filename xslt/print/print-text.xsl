<?xml version="1.0" encoding="UTF-8"?>
<!-- The reading text for paged media (print.xsl): every mention carries its running anchor, which the
     index points at so that the engine prints the page it fell on; mentions of indexed kinds link to
     their index entry; editorial notes stay where they are called, as footnotes (float: footnote). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template match="*[@ref][ed:entry(., @ref)]" mode="ed:html" priority="2">
    <xsl:variable name="entry" as="element()" select="ed:entry(., @ref)"/>
    <xsl:variable name="kind" as="xs:string" select="ed:register-kind($entry)?kind"/>
    <xsl:variable name="class" as="xs:string" select="normalize-space('entity ' || local-name() || ' ' || @type || ' k-' || $kind)"/>
    <xsl:choose>
      <xsl:when test="$kind = $ed:book-index-kinds and not(ed:in-link(.))">
        <xsl:value-of select="ed:book-mark(., 'before')"/><a id="{ed:mention-anchor(.)}" class="{$class}" href="#ix-{$entry/@xml:id}"><xsl:apply-templates mode="#current"/></a><xsl:value-of select="ed:book-mark(., 'after')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="ed:book-mark(., 'before')"/><span id="{ed:mention-anchor(.)}" class="{$class}"><xsl:apply-templates mode="#current"/></span><xsl:value-of select="ed:book-mark(., 'after')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note is printed at the foot of the page that calls it; the engine numbers the calls in
       document order, as ed:note-number does (data-n keeps the edition's number for checking). -->
  <xsl:template match="tei:note" mode="ed:html">
    <span class="footnote" id="note-{ed:note-number(.)}" data-n="{ed:note-number(.)}"><xsl:apply-templates mode="#current"/></span>
  </xsl:template>

</xsl:stylesheet>
