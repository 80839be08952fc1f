<?xml version="1.0" encoding="UTF-8"?>
<!-- Typst source for the print edition (print.xsl): the reading text from the TEI (mode ed:typst), and the
     XHTML the layers write for the title page and the corrections turned into Typst (mode ed:typst-html), so
     that their wording stays the layers'. Every character of the edition's text that means something to
     Typst is escaped (ed:typst-markup); strings in code are quoted (ed:typst-string). The functions called
     (#para, #ix, #marked …) are xslt/print/print.typ's. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns:h="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="ed:typst" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:typst-html" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- Text as Typst markup: white space collapsed (a line break would end a paragraph or start a list), and a
       backslash before every ASCII character that is not a letter, a digit or a space, since most of them
       mean something in markup (# * _ ` $ [ ] < > @ = - + / ~ " ' . \ and more) and an escaped one prints as it is. -->
  <xsl:function name="ed:typst-markup" as="xs:string" visibility="public">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace($s, '\s+', ' '), '([!-/:-@\[-`{-~])', '\\$1')"/>
  </xsl:function>

  <!-- A Typst string literal. -->
  <xsl:function name="ed:typst-string" as="xs:string" visibility="public">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace(normalize-space($s), '\\', '\\\\'), '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>

  <!-- A call of a print.typ function with a content argument: name(args)[content]. -->
  <xsl:function name="ed:typst-call" as="xs:string" visibility="public">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="args" as="xs:string*"/>
    <xsl:param name="content" as="xs:string"/>
    <xsl:sequence select="'#' || $name || (if (exists($args)) then '(' || string-join($args, ', ') || ')' else '') || '[' || $content || ']'"/>
  </xsl:function>

  <!-- The Typst of some nodes of the TEI, as one string. -->
  <xsl:function name="ed:typst" as="xs:string" visibility="public">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*"><xsl:apply-templates select="$nodes" mode="ed:typst"/></xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <!-- ================================================================ the TEI text -->

  <xsl:template match="text()" mode="ed:typst"><xsl:sequence select="ed:typst-markup(.)"/></xsl:template>

  <!-- A heading: level 1 for a part of the book, deeper for what a division holds. A comment's number reads as its
       label ("Comment 1"), as in the reading view. -->
  <xsl:template match="tei:head" mode="ed:typst">
    <xsl:variable name="level" as="xs:integer" select="count(ancestor::tei:div)"/>
    <xsl:variable name="words" as="xs:string" select="if (@type = 'number' and parent::tei:div[@type = 'comment'])
      then ed:typst-markup(ed:comment-label(parent::tei:div, true())) else ed:typst(node())"/>
    <xsl:sequence select="ed:typst-call('heading', 'level: ' || $level, if (@type = 'editorial') then '#supplied-head[' || $words || ']' else $words)
      || (if (../@xml:id and not(preceding-sibling::tei:head)) then '#label(' || ed:typst-string(../@xml:id) || ')' else '') || '&#10;&#10;'"/>
  </xsl:template>

  <!-- A citable paragraph: its number in the margin, its words, its label (pointers and corrections link to it).
       The editors' introduction's paragraphs carry no number, as in the reading view: the text's ¶ 1 stays the only ¶ 1. -->
  <xsl:template match="tei:div/tei:p" mode="ed:typst">
    <xsl:sequence select="ed:typst-call('para', ed:typst-string(if (ed:part(.) = 'introduction') then '' else string(ed:paragraph-number(.))), ed:typst(node()))
      || '#label(' || ed:typst-string(@xml:id) || ')&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="tei:closer" mode="ed:typst">
    <xsl:sequence select="'#align(right, emph[' || ed:typst(node()) || '])&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="tei:signed | tei:dateline" mode="ed:typst">
    <xsl:sequence select="ed:typst(node()) || (if (following-sibling::*) then ' \&#10;' else '')"/>
  </xsl:template>
  <!-- The parts of a letter, as in the reading view: an opener, or a closer with a salutation, is a block of lines
       (dateline, salutation, signature each a paragraph of its own); a postscript a block of its paragraphs. -->
  <xsl:template match="tei:opener | tei:closer[tei:salute] | tei:postscript" mode="ed:typst" priority="1">
    <xsl:sequence select="ed:typst-call('letter-part', ed:typst-string(local-name()), '&#10;' || ed:typst(*)) || '&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="tei:opener/* | tei:closer[tei:salute]/*" mode="ed:typst" priority="1">
    <xsl:sequence select="ed:typst-call('letter-line', ed:typst-string(local-name()), ed:typst(node())) || '&#10;&#10;'"/>
  </xsl:template>
  <!-- A paragraph that is not a citable unit (in a quotation, a postscript): no number. -->
  <xsl:template match="tei:p" mode="ed:typst">
    <xsl:sequence select="'#par[' || ed:typst(node()) || ']&#10;&#10;'"/>
  </xsl:template>

  <!-- Breaks of the source: a line break as a line break (none inside a word); a page break as the source's page
       number, set small in the line ("p. 38"), as the reading view shows it in the margin. -->
  <xsl:template match="tei:lb" mode="ed:typst">
    <xsl:sequence select="if (@break = 'no') then '' else '#linebreak()'"/>
  </xsl:template>
  <xsl:template match="tei:pb" mode="ed:typst">
    <xsl:sequence select="'#source-page(' || ed:typst-string((@n ! ed:label('page.number', string(.)), '¦')[1]) || ')'"/>
  </xsl:template>

  <!-- Quotations set apart, as in the reading view: a quotation of paragraphs or verse, or one with its reference
       outside a paragraph, is a block quotation with its reference under it; in a paragraph it stays in the line. -->
  <xsl:template match="tei:cit[tei:quote[tei:p or tei:lg] or not(ancestor::tei:p)]" mode="ed:typst" priority="1">
    <xsl:variable name="quote" as="xs:string" select="if (tei:quote[tei:p or tei:lg]) then ed:typst(tei:quote)
      else '#par[' || ed:typst(tei:quote) || ']'"/>
    <xsl:sequence select="'#cit(' || string-join(tei:bibl ! ('[' || ed:typst(node()) || ']'), ', ') || ')[&#10;' || $quote || ']&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="tei:cit" mode="ed:typst">
    <xsl:sequence select="ed:typst(tei:quote) || string-join(tei:bibl ! (' (' || ed:typst(node()) || ')'))"/>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p or tei:lg]" mode="ed:typst" priority="1">
    <xsl:variable name="lang" as="xs:string?" select="@xml:lang ! tokenize(., '-')[1]"/>
    <xsl:variable name="body" as="xs:string" select="ed:typst(*)"/>
    <xsl:sequence select="if (exists($lang)) then '#text(lang: ' || ed:typst-string($lang) || ')[&#10;' || $body || ']&#10;&#10;' else $body"/>
  </xsl:template>

  <!-- Verse: its heading, then each line a line of its own (never run together into one paragraph). -->
  <xsl:template match="tei:lg" mode="ed:typst">
    <xsl:sequence select="ed:typst(tei:head) || '#verse(' || string-join(tei:l ! ('[' || ed:typst(node()) || ']'), ', ') || ')&#10;&#10;'
      || ed:typst(* except (tei:head, tei:l))"/>
  </xsl:template>
  <!-- The heading of verse, a list or a table: a caption, not a section heading. -->
  <xsl:template match="tei:lg/tei:head | tei:list/tei:head | tei:table/tei:head" mode="ed:typst" priority="1">
    <xsl:sequence select="'#caption[' || ed:typst(node()) || ']&#10;&#10;'"/>
  </xsl:template>

  <!-- A list: bulleted, or numbered (@type ordered); each item one entry. A glossary is a register, not text. -->
  <xsl:template match="tei:list[not(@type = 'glossary')]" mode="ed:typst">
    <xsl:sequence select="ed:typst(tei:head) || '#' || (if (@type = 'ordered') then 'enum' else 'list') || '('
      || string-join(tei:item ! ('[' || ed:typst(node()) || ']'), ', ') || ')&#10;&#10;'"/>
  </xsl:template>

  <!-- A table: as many columns as its widest row; label cells (or a label row) bold; spans kept. -->
  <xsl:template match="tei:table" mode="ed:typst">
    <xsl:variable name="columns" as="xs:integer" select="max((1, tei:row ! sum(tei:cell ! xs:integer((@cols[. castable as xs:integer], 1)[1]))))"/>
    <xsl:variable name="cells" as="xs:string*" select="tei:row/tei:cell ! ed:typst-cell(.)"/>
    <xsl:sequence select="ed:typst(tei:head) || '#text-table(columns: ' || $columns || ', ' || string-join($cells, ', ') || ')&#10;&#10;'"/>
  </xsl:template>
  <xsl:function name="ed:typst-cell" as="xs:string">
    <xsl:param name="cell" as="element(tei:cell)"/>
    <xsl:variable name="spans" as="xs:string*" select="($cell/@cols[. castable as xs:integer] ! ('colspan: ' || .),
      $cell/@rows[. castable as xs:integer] ! ('rowspan: ' || .))"/>
    <xsl:variable name="words" as="xs:string" select="ed:typst($cell/node())"/>
    <xsl:sequence select="'table.cell(' || string-join($spans, ', ') || ')['
      || (if (($cell/@role, $cell/../@role)[1] = 'label') then '#strong[' || $words || ']' else $words) || ']'"/>
  </xsl:function>

  <!-- A figure: the edition's image (print.typ's folder holds a copy, by pdf.py), its description as the image's
       alternative text (the tagged PDF's Alt), its heading as the caption (unnumbered, as in the reading view); a width in pixels kept (1px = 0.75pt). -->
  <xsl:template match="tei:figure" mode="ed:typst">
    <xsl:variable name="width" as="xs:string?" select="tei:graphic/@width[matches(., '^[0-9]+(px)?$')] ! (string(xs:integer(replace(., 'px$', '')) * 0.75) || 'pt')"/>
    <xsl:variable name="image" as="xs:string" select="'image(' || string-join((ed:typst-string(tei:graphic/@url),
      'alt: ' || ed:typst-string(normalize-space(tei:figDesc)), $width ! ('width: ' || .)), ', ') || ')'"/>
    <xsl:sequence select="'#figure(' || $image || ', numbering: none' || (if (tei:head) then ', caption: [' || ed:typst(tei:head[1]/node()) || ']' else '')
      || ')' || (if (@xml:id) then '#label(' || ed:typst-string(@xml:id) || ')' else '') || '&#10;&#10;'"/>
  </xsl:template>

  <!-- Highlighted words: the rendition Typst has (italic, bold, small capitals, …), else the words as they are. -->
  <xsl:template match="tei:hi" mode="ed:typst">
    <xsl:variable name="rend" as="xs:string" select="string(tokenize(normalize-space(@rend))[1])"/>
    <xsl:variable name="function" as="xs:string?" select="map{'italic': 'emph', 'bold': 'strong', 'underline': 'underline',
      'superscript': 'super', 'subscript': 'sub', 'strikethrough': 'strike', 'small-caps': 'smallcaps'}($rend)"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:sequence select="if (exists($function)) then ed:typst-call($function, (), ed:typst(node())) else ed:typst(node())"/>
  </xsl:template>

  <!-- A foreign word in italics, in its language (the primary subtag: Typst takes ISO 639 codes). -->
  <xsl:template match="tei:foreign" mode="ed:typst">
    <xsl:variable name="lang" as="xs:string" select="tokenize((@xml:lang, 'und')[1], '-')[1]"/>
    <xsl:sequence select="'#emph(text(lang: ' || ed:typst-string($lang) || ')[' || ed:typst(node()) || '])'"/>
  </xsl:template>

  <!-- Quotations: typographic marks, the speaker left to the index; a title not quoted is set in italics. -->
  <xsl:template match="tei:said | tei:q | tei:quote | tei:soCalled | tei:mentioned | tei:title" mode="ed:typst">
    <xsl:variable name="quoted" as="xs:boolean" select="ed:is-quoted(.)"/>
    <xsl:variable name="words" as="xs:string" select="ed:typst(node())"/>
    <xsl:sequence select="if ($quoted) then ed:typst-markup(ed:typographic-mark(., 'before')) || $words || ed:typst-markup(ed:typographic-mark(., 'after'))
      else if (self::tei:title) then '#emph[' || $words || ']' else $words"/>
  </xsl:template>

  <!-- Whatever points at register entries from the text or the comment (a mention, a speech, a quotation of a
       work) leaves an anchor per entry, which the index counts pages by; then it is printed as it would be. -->
  <xsl:template match="*[@ref or @who or @source][ancestor::tei:body or ancestor::tei:back]" mode="ed:typst" priority="3">
    <xsl:variable name="entries" as="element()*" select="(@ref, @who, @source) ! ed:entries-of(.)"/>
    <xsl:sequence select="string-join($entries ! ('#ix(' || ed:typst-string(@xml:id) || ')'))"/>
    <xsl:next-match/>
  </xsl:template>

  <!-- Corrections: the editors' reading (the writer's form for a regularisation; supplied words in brackets),
       marked and linked to the corrections as the reading view does. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="ed:typst">
    <xsl:sequence select="ed:typst-intervention(., ed:typst(tei:corr/node()))"/>
  </xsl:template>
  <xsl:template match="tei:choice[tei:orig and tei:reg]" mode="ed:typst">
    <xsl:sequence select="ed:typst-intervention(., ed:typst(tei:orig/node()))"/>
  </xsl:template>
  <xsl:template match="tei:corr" mode="ed:typst">
    <xsl:sequence select="ed:typst-intervention(., ed:typst(node()))"/>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="ed:typst">
    <xsl:sequence select="ed:typst-intervention(., '\[' || ed:typst(node()) || '\]')"/>
  </xsl:template>
  <xsl:function name="ed:typst-intervention" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="words" as="xs:string"/>
    <xsl:sequence select="if (not(ed:is-intervention($e))) then $words
      else ed:typst-call(if ($e/@type = 'space') then 'anchored' else 'marked', string(ed:intervention-number($e)), $words)"/>
  </xsl:function>

  <!-- An editorial note: a footnote where it is called. -->
  <!-- In a heading, the footnote is evaluated in context: a bookmark takes a heading's plain text, which then
       leaves the note out. -->
  <xsl:template match="tei:note" mode="ed:typst">
    <xsl:sequence select="(if (ancestor::tei:head) then '#context ' else '#') || 'footnote[' || ed:typst(node()) || ']'"/>
  </xsl:template>

  <!-- A pointer to a paragraph or section: "¶ N", linked to it. -->
  <xsl:template match="tei:ptr[starts-with(@target, '#')]" mode="ed:typst">
    <xsl:variable name="target" as="element()?" select="ed:target(.)[self::tei:p or self::tei:div][ancestor::tei:body or ancestor::tei:back]"/>
    <xsl:sequence select="if ($target[@xml:id]) then '#link(label(' || ed:typst-string($target/@xml:id) || '))[' || ed:typst-markup(ed:target-label(.)) || ']'
      else ed:typst-markup(ed:target-label(.))"/>
  </xsl:template>

  <!-- ================================================================ XHTML of the layers -->

  <xsl:template match="text()" mode="ed:typst-html"><xsl:sequence select="ed:typst-markup(.)"/></xsl:template>
  <xsl:template match="h:p" mode="ed:typst-html">
    <xsl:sequence select="'#par[' || string-join(ed:typst-html(node())) || ']&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="h:span[@class = 'label']" mode="ed:typst-html">
    <xsl:sequence select="'#label-text[' || string-join(ed:typst-html(node())) || ']'"/>
  </xsl:template>
  <xsl:template match="h:cite | h:em | h:i | h:span[@class = ('rdg', 'siglum')]" mode="ed:typst-html">
    <xsl:sequence select="'#emph[' || string-join(ed:typst-html(node())) || ']'"/>
  </xsl:template>
  <xsl:template match="h:a[starts-with(@href, 'http')]" mode="ed:typst-html">
    <xsl:sequence select="'#link(' || ed:typst-string(@href) || ')[' || string-join(ed:typst-html(node())) || ']'"/>
  </xsl:template>
  <!-- An apparatus entry: where the correction stands (paragraph and page), the readings; its label is the
       target of the correction's link in the text. -->
  <xsl:template match="h:li[starts-with(@id, 'app-')]" mode="ed:typst-html">
    <xsl:sequence select="'#par[' || string-join(ed:typst-html(node())) || ']#label(' || ed:typst-string(@id) || ')&#10;&#10;'"/>
  </xsl:template>
  <xsl:template match="h:a[@class = 'where']" mode="ed:typst-html">
    <xsl:variable name="n" as="xs:string" select="substring-after(ancestor::h:li[1]/@id, 'app-')"/>
    <xsl:sequence select="'#link(label(' || ed:typst-string(substring-after(@href, '#')) || '))[' || string-join(ed:typst-html(node())) || '], p. #page-of(label(' || ed:typst-string('app-ref-' || $n) || '))'"/>
  </xsl:template>
  <xsl:template match="h:a[@class = 'back']" mode="ed:typst-html"/>

  <xsl:function name="ed:typst-html" as="xs:string*">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:apply-templates select="$nodes" mode="ed:typst-html"/>
  </xsl:function>

</xsl:stylesheet>
