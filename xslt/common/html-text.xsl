<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI text to HTML (mode ed:html): paragraphs with permalinks and ¶ numbers, heads,
     quotations with typographic marks, entity links, corrections and notes.
     One rule for every kind of name: its element name (or @type) is its CSS class. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="ed:html" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="text()" mode="ed:html"><xsl:value-of select="."/></xsl:template>

  <xsl:template match="tei:div" mode="ed:html">
    <section id="{@xml:id}" class="{(@type, 'div')[1]}">
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="ed:html">
    <h2>
      <xsl:if test="@type = 'editorial'"><xsl:attribute name="class">supplied-head</xsl:attribute></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </h2>
  </xsl:template>

  <xsl:template match="tei:div/tei:p" mode="ed:html">
    <xsl:variable name="label" as="xs:string" select="ed:paragraph-label(.)"/>
    <p id="{@xml:id}" class="para" data-n="{ed:paragraph-number(.)}">
      <a class="pilcrow" href="#{@xml:id}" title="Permalink to {$label} ({@xml:id})">{ed:paragraph-number(.)}</a>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:closer" mode="ed:html">
    <p class="closer"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <!-- Quotations: typographic marks, nested levels alternating. -->
  <xsl:template match="tei:said | tei:q | tei:quote | tei:soCalled | tei:mentioned | tei:title" mode="ed:html">
    <xsl:variable name="speaker" as="element()?" select="ed:entry(., @who)"/>
    <span class="{local-name()}">
      <xsl:if test="$speaker">
        <xsl:attribute name="data-speaker" select="ed:entry-name($speaker)"/>
      </xsl:if>
      <xsl:if test="ed:is-quoted(.)">{ed:typographic-mark(., 'before')}</xsl:if>
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="ed:is-quoted(.)">{ed:typographic-mark(., 'after')}</xsl:if>
    </span>
  </xsl:template>

  <!-- Every mention links to its register entry, with its name and description as a tooltip. -->
  <xsl:template match="*[@ref][ed:entry(., @ref)]" mode="ed:html" priority="2">
    <xsl:variable name="entry" as="element()" select="ed:entry(., @ref)"/>
    <a class="entity {local-name()} {@type}" href="{ed:entity-href($entry)}"
       title="{ed:entry-name($entry)}: {ed:entry-description($entry)}">
      <xsl:next-match/>
    </a>
  </xsl:template>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:term" mode="ed:html">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <xsl:template match="tei:num | tei:measure | tei:date | tei:time" mode="ed:html">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Corrections: the corrected reading, the witness's form on hover and focus. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="ed:html">
    <ins class="corr" title="The witness reads: {tei:sic}" tabindex="0"><xsl:apply-templates select="tei:corr/node()" mode="#current"/></ins>
  </xsl:template>
  <xsl:template match="tei:corr" mode="ed:html">
    <ins class="corr" title="Inserted by the editors"><xsl:apply-templates mode="#current"/></ins>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="ed:html">
    <span class="supplied" title="Supplied by the editors">[<xsl:apply-templates mode="#current"/>]</span>
  </xsl:template>

  <!-- Notes: a numbered marker in the text; the note itself is listed at the end. -->
  <xsl:template match="tei:note" mode="ed:html">
    <xsl:variable name="n" as="xs:integer" select="count(preceding::tei:note[ancestor::tei:text]) + 1"/>
    <sup class="note-ref"><a href="#note-{$n}" id="note-ref-{$n}">{$n}</a></sup>
  </xsl:template>

  <xsl:template match="tei:note" mode="ed:notes">
    <xsl:variable name="n" as="xs:integer" select="count(preceding::tei:note[ancestor::tei:text]) + 1"/>
    <li id="note-{$n}"><xsl:apply-templates mode="ed:html"/> <a href="#note-ref-{$n}" class="back" aria-label="Back to the text">↩</a></li>
  </xsl:template>

</xsl:stylesheet>
