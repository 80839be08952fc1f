<?xml version="1.0" encoding="UTF-8"?>
<!-- The reading text in the e-book (epub.xsl): paragraphs with their number and without the web page's
     controls (no cite link, no hidden speaker links); mentions link to the registers at the back of the book,
     editorial notes are EPUB footnotes (a noteref in the text, the note an aside of epub:type footnote
     at the end of the same document), and no link ever nests in another. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  xmlns:epub="http://www.idpf.org/2007/ops"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The content document that holds the registers (back matter). -->
  <xsl:variable name="ed:epub-registers" as="xs:string" select="'registers.xhtml'"/>
  <!-- The content document that holds the text, its notes and the corrections. -->
  <xsl:variable name="ed:epub-text" as="xs:string" select="'text.xhtml'"/>

  <xsl:template match="*[@ref][ed:entry(., @ref)]" mode="ed:html" priority="2">
    <xsl:variable name="entry" as="element()" select="ed:entry(., @ref)"/>
    <xsl:variable name="class" as="xs:string" select="normalize-space('entity ' || local-name() || ' ' || @type || ' k-' || ed:register-kind($entry)?kind)"/>
    <xsl:choose>
      <xsl:when test="ed:in-link(.)">
        <xsl:value-of select="ed:book-mark(., 'before')"/><span class="{$class}"><xsl:apply-templates mode="#current"/></span><xsl:value-of select="ed:book-mark(., 'after')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="ed:book-mark(., 'before')"/><a class="{$class}" href="{$ed:epub-registers}#{$entry/@xml:id}"><xsl:apply-templates mode="#current"/></a><xsl:value-of select="ed:book-mark(., 'after')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The note call: a noteref (a plain number inside a mention, where a link cannot go). -->
  <xsl:template match="tei:note" mode="ed:html">
    <xsl:variable name="n" as="xs:integer" select="ed:note-number(.)"/>
    <sup class="note-ref">
      <xsl:choose>
        <xsl:when test="ed:in-link(.)">{$n}</xsl:when>
        <xsl:otherwise><a epub:type="noteref" role="doc-noteref" href="#note-{$n}" id="note-ref-{$n}">{$n}</a></xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <!-- The note itself, at the end of the document: an aside a reading system can pop up. -->
  <xsl:template match="tei:note" mode="ed:epub-footnote">
    <xsl:variable name="n" as="xs:integer" select="ed:note-number(.)"/>
    <aside epub:type="footnote" role="doc-footnote" id="note-{$n}" class="footnote">
      <p><xsl:if test="not(ed:in-link(.))"><a href="#note-ref-{$n}" class="note-number">{$n}.</a></xsl:if><xsl:if test="ed:in-link(.)"><span class="note-number">{$n}.</span></xsl:if><xsl:text> </xsl:text><xsl:apply-templates mode="ed:html"/></p>
    </aside>
  </xsl:template>

  <!-- A citable paragraph in a book: its number (printed in the margin), then the text. -->
  <xsl:template match="tei:div/tei:p" mode="ed:html">
    <xsl:variable name="n" as="xs:integer" select="ed:paragraph-number(.)"/>
    <p id="{@xml:id}" class="para">
      <span class="pn">{$n}</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <!-- A quotation of paragraphs or verse is a block quotation, as in the reading view (the rule of the imported
       HTML layer, which the inline rule below would otherwise outrank): a block never stands inside a span. -->
  <xsl:template match="tei:quote[tei:p or tei:lg]" mode="ed:html" priority="1">
    <xsl:apply-imports/>
  </xsl:template>

  <!-- Quotations: typographic marks only; the speaker is in the index, not in hidden text. The marks stand
       outside the element's box, so that a line never breaks between a mark and its word. -->
  <xsl:template match="tei:said | tei:q | tei:quote | tei:soCalled | tei:mentioned | tei:title" mode="ed:html">
    <xsl:value-of select="ed:book-mark(., 'before')"/>
    <span class="{normalize-space(local-name() || ' ' || @type)}"><xsl:apply-templates mode="#current"/></span>
    <xsl:value-of select="ed:book-mark(., 'after')"/>
  </xsl:template>

  <!-- The typographic mark before or after an element the witness quoted, else ''. -->
  <xsl:function name="ed:book-mark" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:sequence select="if (ed:is-quoted($e)) then ed:typographic-mark($e, $scope) else ''"/>
  </xsl:function>

</xsl:stylesheet>
