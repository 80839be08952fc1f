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
    <xsl:sequence select="normalize-space(ed:view-text($e, $view))"/>
  </xsl:function>

  <!-- The text of nodes in either view as it stands, whitespace not normalised: the nodes' texts, one after the other. -->
  <xsl:function name="ed:view-text" as="xs:string" visibility="public">
    <xsl:param name="e" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:variable name="text" as="xs:string*">
      <xsl:choose>
        <xsl:when test="$view = 'diplomatic'"><xsl:apply-templates select="$e" mode="ed:diplomatic"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$e" mode="ed:reading"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="string-join($text)"/>
  </xsl:function>

  <!-- The last ('last') or the first ('first') word of the plain text of sibling nodes (in document order) in a view:
       tokenize(ed:plain($nodes, $view))[last()] or [1], read node by node from that end and no further than the
       first word boundary (the apparatus asks it of the words beside a correction, which may stand late in a long
       paragraph). Each node's text is its own (a view renders a node without regard to its siblings). -->
  <xsl:function name="ed:edge-word" as="xs:string?" visibility="public">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="view" as="xs:string"/>
    <xsl:param name="edge" as="xs:string"/>
    <xsl:variable name="last" as="xs:boolean" select="$edge = 'last'"/>
    <xsl:iterate select="if ($last) then reverse($nodes) else $nodes">
      <xsl:param name="text" as="xs:string" select="''"/>
      <xsl:on-completion select="if ($last) then tokenize($text)[last()] else tokenize($text)[1]"/>
      <xsl:variable name="more" as="xs:string" select="if ($last) then ed:view-text(., $view) || $text else $text || ed:view-text(., $view)"/>
      <xsl:variable name="words" as="xs:string*" select="tokenize($more)"/>
      <xsl:choose>
        <!-- The word at the edge is whole once whitespace stands before it (after it, reading forward). -->
        <xsl:when test="count($words) ge 2 or (exists($words) and matches($more, if ($last) then '^\s' else '\s$'))">
          <xsl:break select="if ($last) then $words[last()] else $words[1]"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration><xsl:with-param name="text" select="$more"/></xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
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

  <!-- Breaks of the source: a line break is a space (nothing inside a word); a page break is "[p. N]" in both
       views (the page of the source, where a reader of the plain text can find it). -->
  <xsl:template match="tei:lb" mode="ed:reading ed:diplomatic">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb" mode="ed:reading ed:diplomatic">
    <xsl:value-of select="' [' || (if (@n) then ed:label('page.number', string(@n)) else ed:label('page.unnumbered')) || '] '"/>
  </xsl:template>
  <!-- A figure: "[Figure: caption. description]" (the image's words, since a plain text shows no image). -->
  <xsl:template match="tei:figure" mode="ed:reading ed:diplomatic">
    <xsl:value-of select="'[' || ed:label('figure.plain', string-join((normalize-space(tei:head)[.], normalize-space(tei:figDesc)), '. ')) || ']'"/>
  </xsl:template>
  <!-- A quotation's reference: after a dash. Table cells are separated by " | ", list items start with "- ". -->
  <xsl:template match="tei:cit/tei:bibl" mode="ed:reading ed:diplomatic">
    <xsl:text> — </xsl:text><xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:cell[preceding-sibling::tei:cell]" mode="ed:reading ed:diplomatic">
    <xsl:text> | </xsl:text><xsl:apply-templates mode="#current"/>
  </xsl:template>
  <xsl:template match="tei:list/tei:item[not(parent::tei:list/@type = 'glossary')]" mode="ed:reading ed:diplomatic">
    <xsl:value-of select="if (../@type = 'ordered') then count(preceding-sibling::tei:item) + 1 || '. ' else '- '"/>
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- A pointer to a paragraph (in a register description or gloss): "¶ N", or a section's title. -->
  <xsl:template match="tei:ptr[starts-with(@target, '#')]" mode="ed:reading ed:diplomatic">
    <xsl:value-of select="ed:target-label(.)"/>
  </xsl:template>

</xsl:stylesheet>
