<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI text to HTML (mode ed:html): paragraphs with permalinks, ¶ numbers and cite controls,
     heads, quotations with typographic marks and their speakers, entity links with descriptions,
     numbers with their values, corrections linked to the apparatus, note markers.
     Modes ed:notes and ed:apparatus list the notes and the corrections at the end, with back-links.
     One rule for every kind of name: its element name, @type and register kind are its CSS classes. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:mode name="ed:html" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:notes" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:apparatus" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <!-- The header's prose (editorial declarations): text and simple phrase markup only. -->
  <xsl:mode name="ed:header" on-no-match="shallow-skip" on-multiple-match="fail"/>

  <!-- Is $e rendered inside a link (a mention)? Links cannot nest in HTML. -->
  <xsl:function name="ed:in-link" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/ancestor::*[@ref][exists(ed:entries-of(@ref))])"/>
  </xsl:function>

  <!-- Does a mention hold other mentions? In the reading view it is then no link (a link cannot hold
       another) but a focusable span with data-href, its inner mentions links of their own. -->
  <xsl:function name="ed:holds-mentions" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//*[@ref][exists(ed:entries-of(@ref))])"/>
  </xsl:function>

  <!-- Where repeated links count as repeats: the innermost paragraph, note, heading, list item or cell. -->
  <xsl:function name="ed:tab-scope" as="element()?" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/ancestor::*[self::tei:p or self::tei:note or self::tei:head or self::tei:item
      or self::tei:cell or self::tei:ab][1]"/>
  </xsl:function>

  <!-- Is the link that $e makes to entry $id the first link to that entry in its paragraph (or note, heading)?
       Only the first is a tab stop; later ones keep tabindex="-1" (still clickable, highlighted, with their
       popover). A mention's link stands at its start; a quotation's speaker link ($at-end) at its end. -->
  <xsl:function name="ed:first-link" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="at-end" as="xs:boolean"/>
    <xsl:variable name="scope" as="element()?" select="ed:tab-scope($e)"/>
    <xsl:variable name="links" as="map(xs:string, element()*)" select="if (exists($scope)) then ed:scope-links($scope) else map{}"/>
    <xsl:sequence select="empty($scope) or (
      empty($links('mention #' || $id)[. &lt;&lt; $e or ($at-end and exists(ancestor::* intersect $e))])
      and empty($links('speaker #' || $id)[(. &lt;&lt; $e and empty($e/ancestor::* intersect .)) or ($at-end and exists(ancestor::* intersect $e))]))"/>
  </xsl:function>

  <!-- The links made within one tab scope (not within a scope inside it), by the pointer they link to, in document
       order: "mention #id", the mentions that link by @ref (adjectival uses are never tab stops), and "speaker #id",
       the quotations that link to their speakers or sources. Read once per scope (memoised), so that asking
       ed:first-link of each link costs a lookup, not a walk through the scope. -->
  <xsl:function name="ed:scope-links" as="map(xs:string, element()*)" cache="yes">
    <xsl:param name="scope" as="element()"/>
    <xsl:variable name="linking" as="element()*" select="$scope//*[(@ref, @who, @source)][ed:tab-scope(.) is $scope]"/>
    <xsl:sequence select="map:merge((
      $linking[@ref][not(@type = 'adjectival')] ! (let $mention := . return
        distinct-values(tokenize(normalize-space(@ref))) ! map{'mention ' || .: $mention}),
      $linking[self::tei:said or self::tei:q or self::tei:quote or self::tei:soCalled or self::tei:mentioned or self::tei:title]
        [(@who, @source)][not(ed:in-link(.))] ! (let $quotation := . return
        distinct-values(tokenize(normalize-space((@who, @source)[1]))) ! map{'speaker ' || .: $quotation})),
      map{'duplicates': 'combine'})" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- A reason code of supplied text (@reason), in words. -->
  <xsl:function name="ed:reason-label" as="xs:string" visibility="public">
    <xsl:param name="reason" as="attribute()"/>
    <xsl:sequence select="(ed:declared-label($reason, 'supplied-reason', $reason),
      if ($reason = 'omitted') then ed:label('reason.omitted') else (), replace($reason, '-', ' '))[1]"/>
  </xsl:function>

  <!-- "Name (下岗 xiàgǎng): description" of an entry, for tooltips and popovers. Memoised: an entry is mentioned
       many times, and its description would be rendered again each time. -->
  <xsl:function name="ed:entry-tip" as="xs:string" visibility="public" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="description" as="xs:string" select="ed:entry-description($entry)"/>
    <xsl:variable name="original" as="xs:string" select="ed:original-names-label($entry)"/>
    <xsl:sequence select="ed:entry-name($entry) || (if ($original) then ' (' || $original || ')' else '')
      || (if ($description) then ': ' || $description else '')"/>
  </xsl:function>

  <!-- Beside an entry's heading (context: the entry): its names in Chinese characters and romanisations,
       each with its language, for the CJK font stack and screen readers. -->
  <xsl:template name="ed:original-names" as="node()*">
    <xsl:variable name="names" as="element()*" select="ed:original-names(.)"/>
    <xsl:if test="exists($names)">
      <xsl:text> </xsl:text>
      <span class="original-names">
        <xsl:for-each select="$names">
          <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
          <span lang="{@xml:lang}" class="name-{if (starts-with(@xml:lang, 'zh-Latn')) then 'romanised' else 'characters'}">{normalize-space(.)}</span>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A number's normalised value, as a reader sees it: "100000", "70–80", "at least 100000", "460 CNY", "1993–1994". -->
  <xsl:function name="ed:value-label" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(ed:figure-display($e) || (if ($e/@unit) then ' ' || $e/@unit else '')
      || (if ($e/self::tei:num/@type = 'percentage') then ' %' else ''))"/>
  </xsl:function>

  <!-- Where an element stands, as a link to its paragraph or section: "¶ 12" (at the head of a note or an apparatus
       entry; not a tab stop, since the entry's ↩ leads the keyboard to the very spot). -->
  <xsl:template name="ed:where" as="element()?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" as="element(tei:p)?" select="$e/ancestor::tei:p[1]"/>
    <xsl:variable name="div" as="element(tei:div)?" select="$e/ancestor::tei:div[1]"/>
    <xsl:choose>
      <xsl:when test="$p[@xml:id]"><a class="where" href="#{$p/@xml:id}" tabindex="-1">{ed:paragraph-label($p)}</a></xsl:when>
      <xsl:when test="$div[@xml:id]"><a class="where" href="#{$div/@xml:id}" tabindex="-1">{if ($div/tei:head) then ed:plain($div/tei:head[1], 'reading') else 'heading'}</a></xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="text()" mode="ed:html"><xsl:value-of select="."/></xsl:template>

  <xsl:template match="tei:div" mode="ed:html">
    <section id="{@xml:id}" class="{(@type, 'div')[1]}">
      <xsl:if test="tei:head[@xml:id or ../@xml:id]">
        <xsl:attribute name="aria-labelledby" select="@xml:id || '-head'"/>
      </xsl:if>
      <xsl:sequence select="ed:retired-anchors(@xml:id, $retired)"/>
      <xsl:apply-templates mode="#current"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="ed:html">
    <xsl:element name="h{min((count(ancestor::tei:div) + 1, 6))}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="../@xml:id and not(preceding-sibling::tei:head)"><xsl:attribute name="id" select="../@xml:id || '-head'"/></xsl:if>
      <xsl:if test="@type = 'editorial'">
        <xsl:attribute name="class">supplied-head</xsl:attribute>
      </xsl:if>
      <xsl:choose>
        <!-- A comment's number ("1." in the witness) reads as its label, as its citation has it: "Comment 1". -->
        <xsl:when test="@type = 'number' and parent::tei:div[@type = 'comment']">{ed:comment-label(parent::tei:div, true())}</xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="#current"/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
  </xsl:template>

  <!-- A citable paragraph: margin number (its permalink), cite control, text; the cite control comes before
       the paragraph's links, in reading order as it sits beside the number (at the top of the paragraph).
       The cite control is a plain permalink without JavaScript; the script makes it copy the citation.
       In the comment the number counts the comment's paragraphs under its heading "Comment 1":
       the marker, the heading and the citation ("comment 1, ¶ 1") read alike. -->
  <xsl:template match="tei:div/tei:p" mode="ed:html">
    <xsl:variable name="label" as="xs:string" select="ed:paragraph-label(.)"/>
    <xsl:variable name="n" as="xs:integer" select="ed:paragraph-number(.)"/>
    <p id="{@xml:id}" class="para" data-n="{$n}">
      <xsl:sequence select="ed:retired-anchors(@xml:id, $retired)"/>
      <a class="pilcrow" href="#{@xml:id}" title="{ed:label('para.permalink', $label)}" aria-label="{$label}" data-pagefind-ignore="">{$n}</a>
      <xsl:text> </xsl:text>
      <a class="cite" href="#{@xml:id}" data-pagefind-ignore=""
         data-permalink="{ed:permalink(@xml:id, ed:base-url(root(.), $base-url))}"
         data-citation="{ed:citation(root(.), @xml:id, 'chicago', $base-url)}">{ed:label('cite.label')}<span class="visually-hidden"> {$label}</span></a>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <!-- A paragraph of the editors' introduction (front): citable by its identifier, but not one of the text's
       numbered paragraphs; its permalink reads "introduction ¶ N" and shows no number beside the text's. -->
  <xsl:template match="tei:front/tei:div/tei:p" mode="ed:html" priority="1">
    <xsl:variable name="label" as="xs:string" select="ed:paragraph-label(.)"/>
    <p id="{@xml:id}" class="para intro-para">
      <a class="pilcrow" href="#{@xml:id}" title="Permalink to {$label}" aria-label="{$label}" data-pagefind-ignore=""></a>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:closer" mode="ed:html">
    <p class="closer"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <!-- The parts of a letter: an opener, or a closer with a salutation, is a block of lines (dateline, salutation,
       signature each a line of its own); a closer that is only a signature and a date stays one line. -->
  <xsl:template match="tei:opener | tei:closer[tei:salute]" mode="ed:html" priority="1">
    <div class="{local-name()}"><xsl:apply-templates select="*" mode="#current"/></div>
  </xsl:template>
  <xsl:template match="tei:opener/* | tei:closer[tei:salute]/*" mode="ed:html">
    <p class="{local-name()}"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>
  <xsl:template match="tei:postscript" mode="ed:html">
    <div class="postscript"><xsl:apply-templates select="*" mode="#current"/></div>
  </xsl:template>
  <!-- A paragraph that is not a citable unit (in a quotation, a postscript): no number, no cite control. -->
  <xsl:template match="tei:p" mode="ed:html">
    <p><xsl:apply-templates mode="#current"/></p>
  </xsl:template>

  <!-- Breaks of the source: a line break as a line break (none inside a word); a page break as the page's
       number in the margin, an anchor that can be linked to (its xml:id, else page-N). -->
  <xsl:template match="tei:lb" mode="ed:html">
    <xsl:if test="not(@break = 'no')"><br/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:pb" mode="ed:html">
    <xsl:variable name="id" as="xs:string" select="ed:page-anchor(.)"/>
    <span class="pb" id="{$id}" data-pagefind-ignore=""><a class="page-number" href="#{$id}" aria-label="{ed:label('page.of-source', string((@n, '?')[1]))}">{(@n ! ed:label('page.number', string(.)), '¦')[1]}</a></span>
  </xsl:template>

  <!-- Quotations set apart: a quotation of paragraphs or verse is a block quotation; with its reference (cit),
       a figure of the quotation and its source. A quotation with its reference in a paragraph stays in the line. -->
  <xsl:template match="tei:cit[tei:quote[tei:p or tei:lg] or not(ancestor::tei:p)]" mode="ed:html" priority="1">
    <figure class="cit">
      <xsl:choose>
        <xsl:when test="tei:quote[tei:p or tei:lg]"><xsl:apply-templates select="tei:quote" mode="#current"/></xsl:when>
        <xsl:otherwise><blockquote><p><xsl:apply-templates select="tei:quote" mode="#current"/></p></blockquote></xsl:otherwise>
      </xsl:choose>
      <xsl:for-each select="tei:bibl"><figcaption class="bibl">— <cite><xsl:apply-templates mode="#current"/></cite></figcaption></xsl:for-each>
    </figure>
  </xsl:template>
  <xsl:template match="tei:cit" mode="ed:html">
    <span class="cit"><xsl:apply-templates select="tei:quote" mode="#current"/><xsl:for-each select="tei:bibl"> (<cite class="bibl"><xsl:apply-templates mode="#current"/></cite>)</xsl:for-each></span>
  </xsl:template>
  <xsl:template match="tei:quote[tei:p or tei:lg]" mode="ed:html" priority="1">
    <blockquote>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates select="*" mode="#current"/>
    </blockquote>
  </xsl:template>

  <!-- Verse: a group of lines (its heading, then each line on a line of its own). -->
  <xsl:template match="tei:lg" mode="ed:html">
    <div class="{normalize-space('lg ' || @type)}"><xsl:apply-templates select="*" mode="#current"/></div>
  </xsl:template>
  <xsl:template match="tei:l" mode="ed:html">
    <span class="l"><xsl:apply-templates mode="#current"/></span><br/>
  </xsl:template>
  <!-- The heading of verse, a list, a table or a figure: a caption, not a section heading. -->
  <xsl:template match="tei:lg/tei:head | tei:list/tei:head" mode="ed:html" priority="1">
    <p class="caption"><xsl:apply-templates mode="#current"/></p>
  </xsl:template>
  <xsl:template match="tei:table/tei:head" mode="ed:html" priority="1">
    <caption><xsl:apply-templates mode="#current"/></caption>
  </xsl:template>
  <xsl:template match="tei:figure/tei:head" mode="ed:html" priority="1">
    <figcaption><xsl:apply-templates mode="#current"/></figcaption>
  </xsl:template>

  <xsl:template match="tei:list[not(@type = 'glossary')]" mode="ed:html">
    <xsl:apply-templates select="tei:head" mode="#current"/>
    <xsl:element name="{if (@type = 'ordered') then 'ol' else 'ul'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:apply-templates select="tei:item" mode="#current"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:list[not(@type = 'glossary')]/tei:item" mode="ed:html">
    <li><xsl:apply-templates mode="#current"/></li>
  </xsl:template>

  <xsl:template match="tei:table" mode="ed:html">
    <table class="text-table"><xsl:apply-templates select="*" mode="#current"/></table>
  </xsl:template>
  <xsl:template match="tei:row" mode="ed:html">
    <tr><xsl:apply-templates select="tei:cell" mode="#current"/></tr>
  </xsl:template>
  <xsl:template match="tei:cell" mode="ed:html">
    <xsl:element name="{if ((@role, ../@role)[1] = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="@cols"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="@rows"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <!-- A figure: the edition's image (copied into the site by the build), its description as the alternative text. -->
  <xsl:template match="tei:figure" mode="ed:html">
    <figure class="figure">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
      <img src="{tei:graphic/@url}" alt="{normalize-space(tei:figDesc)}">
        <xsl:for-each select="tei:graphic/(@width, @height)[matches(., '^[0-9]+(px)?$')]">
          <xsl:attribute name="{local-name()}" select="replace(., 'px$', '')"/>
        </xsl:for-each>
      </img>
      <xsl:apply-templates select="tei:head" mode="#current"/>
    </figure>
  </xsl:template>

  <!-- Highlighted words: the HTML element for a rendition HTML has, else a span with the rendition as its class. -->
  <xsl:template match="tei:hi" mode="ed:html">
    <xsl:variable name="rend" as="xs:string" select="tokenize(normalize-space(@rend))[1]"/>
    <xsl:variable name="element" as="xs:string" select="(map{'italic': 'i', 'bold': 'b', 'underline': 'u', 'superscript': 'sup',
      'subscript': 'sub', 'strikethrough': 's'}($rend), 'span')[1]" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="normalize-space('hi ' || @rend)"/>
      <xsl:apply-templates mode="#current"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="ed:html">
    <i class="foreign" lang="{(@xml:lang, 'und')[1]}"><xsl:apply-templates mode="#current"/></i>
  </xsl:template>

  <!-- Quotations: typographic marks, nested levels alternating; speech carries its speakers,
       quoted writing its sources (name on hover and focus, a link to each register entry). An attribution the
       editors inferred (said/@cert) says so. -->
  <xsl:template match="tei:said | tei:q | tei:quote | tei:soCalled | tei:mentioned | tei:title" mode="ed:html">
    <xsl:variable name="quotation" as="element()" select="."/>
    <xsl:variable name="speakers" as="element()*" select="ed:entries-of((@who, @source)[1])"/>
    <xsl:variable name="role" as="xs:string" select="if (@who) then ed:label(if (@cert) then 'quote.said-inferred' else 'quote.said') else ed:label('quote.source')"/>
    <xsl:variable name="tip" as="xs:string" select="$role || ' ' || string-join($speakers ! ed:entry-tip(.), '; ')
      || (if (ed:uncertain(.)) then ' ' || ed:label('uncertain') else '')"/>
    <span class="{normalize-space(local-name() || ' ' || @type || (if (@cert) then ' inferred' else ''))}">
      <xsl:if test="exists($speakers)">
        <xsl:attribute name="data-speaker" select="string-join($speakers ! ed:entry-name(.), '; ')"/>
      </xsl:if>
      <xsl:variable name="depth" as="xs:integer?" select="if (ed:is-quoted(.)) then ed:quote-depth(.) else ()"/>
      <xsl:if test="exists($depth)">{ed:typographic-mark-at($depth, 'before')}</xsl:if>
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="exists($depth)">{ed:typographic-mark-at($depth, 'after')}</xsl:if>
      <xsl:if test="not(ed:in-link(.))">
        <xsl:for-each select="$speakers">
          <a class="who" href="{ed:entity-href(.)}" data-tip="{$tip}" data-pagefind-ignore="">
            <xsl:if test="not(ed:first-link($quotation, @xml:id, true()))"><xsl:attribute name="tabindex">-1</xsl:attribute></xsl:if>
            <span class="visually-hidden"> ({lower-case($role)} {ed:entry-name(.)})</span></a>
        </xsl:for-each>
      </xsl:if>
    </span>
  </xsl:template>

  <!-- Every mention links to its register entry, its name and description in data-tip (popovers.js shows it
       on hover, focus and first tap; without the script CSS shows it on hover and focus); never a title beside
       it (two tooltips). A mention with several pointers (ref="#kaifeng #henan") links its words to the first
       entry and adds one small link per further entry, each with its own tip; its classes name every kind.
       A mention holding other mentions cannot be a link (links cannot nest): it is a focusable span with
       data-href (its popover offers the link), and the mentions inside it are links of their own.
       Only the first link to an entry in a paragraph is a tab stop (ed:first-link); repeats and adjectival uses
       ("Chinese", "Marxist") are tabindex="-1": clickable, highlighted, with their popover, but not stops. -->
  <xsl:template match="*[@ref][exists(ed:entries-of(@ref))]" mode="ed:html" priority="2">
    <xsl:variable name="entries" as="element()+" select="ed:entries-of(@ref)"/>
    <xsl:variable name="tip" as="xs:string" select="string-join($entries ! ed:entry-tip(.), '; ')"/>
    <xsl:variable name="class" as="xs:string" select="normalize-space('entity ' || local-name() || ' ' || @type || ' '
      || string-join(distinct-values($entries ! ('k-' || ed:register-kind(.)?kind)), ' '))"/>
    <xsl:variable name="mention" as="element()" select="."/>
    <xsl:variable name="stop" as="xs:boolean" select="not(@type = 'adjectival') and ed:first-link(., $entries[1]/@xml:id, false())"/>
    <xsl:choose>
      <xsl:when test="ed:holds-mentions(.)">
        <span class="{$class}" data-tip="{$tip}" data-href="{ed:entity-href($entries[1])}" tabindex="{if ($stop) then 0 else -1}"><xsl:next-match/></span>
      </xsl:when>
      <xsl:otherwise>
        <a class="{$class}" href="{ed:entity-href($entries[1])}" data-tip="{$tip}">
          <xsl:if test="not($stop)"><xsl:attribute name="tabindex">-1</xsl:attribute></xsl:if>
          <xsl:next-match/>
        </a>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:for-each select="tail($entries)">
      <a class="entity also k-{ed:register-kind(.)?kind}" href="{ed:entity-href(.)}" data-tip="{ed:entry-tip(.)}" data-pagefind-ignore="">
        <xsl:if test="not(ed:first-link($mention, @xml:id, false()))"><xsl:attribute name="tabindex">-1</xsl:attribute></xsl:if>
        <sup aria-hidden="true">+</sup><span class="visually-hidden"> (also {ed:entry-name(.)})</span></a>
    </xsl:for-each>
  </xsl:template>
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:name | tei:term" mode="ed:html">
    <xsl:apply-templates mode="#current"/>
  </xsl:template>

  <!-- Numbers, measures and dates: unchanged in the text, their normalised value on hover. -->
  <xsl:template match="tei:num | tei:measure | tei:date | tei:time" mode="ed:html">
    <xsl:variable name="value" as="xs:string" select="ed:value-label(.)"/>
    <span class="{normalize-space(local-name() || ' ' || @type)}">
      <!-- Inside a mention the mention's own tip is the one to show. -->
      <xsl:if test="$value and not(ed:in-link(.))"><xsl:attribute name="data-tip" select="'Value: ' || $value"/></xsl:if>
      <xsl:apply-templates mode="#current"/>
    </span>
  </xsl:template>

  <!-- Corrections: the corrected reading, linked to its apparatus entry; the witness's form on hover and focus. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]" mode="ed:html">
    <xsl:call-template name="ed:intervention">
      <xsl:with-param name="tip" select="'Corrected by the editors; the witness reads: ' || ed:plain(tei:sic, 'diplomatic')"/>
      <xsl:with-param name="content"><xsl:apply-templates select="tei:corr/node()" mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <!-- A regularisation: the writer's form stands in the text; the editors' regular form is offered on hover
       and focus, and in the apparatus ("reg."). -->
  <xsl:template match="tei:choice[tei:orig and tei:reg]" mode="ed:html">
    <xsl:call-template name="ed:intervention">
      <xsl:with-param name="tip" select="'The writer’s form; regularised by the editors: ' || ed:plain(tei:reg/node(), 'reading')"/>
      <xsl:with-param name="content"><xsl:apply-templates select="tei:orig/node()" mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:corr" mode="ed:html">
    <xsl:call-template name="ed:intervention">
      <xsl:with-param name="tip" select="ed:label(if (@type = 'space') then 'edit.space-inserted' else 'edit.inserted')"/>
      <xsl:with-param name="content"><xsl:apply-templates mode="#current"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="ed:html">
    <xsl:call-template name="ed:intervention">
      <xsl:with-param name="tip" select="ed:label('edit.supplied') || (if (@reason) then ': ' || ed:reason-label(@reason) else '')"/>
      <xsl:with-param name="content">[<xsl:apply-templates mode="#current"/>]</xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:intervention">
    <xsl:param name="tip" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:variable name="in-p" as="xs:boolean" select="exists(ancestor::tei:p)"/>
    <xsl:variable name="kind" as="xs:string" select="if (self::tei:supplied) then 'supplied' else if (tei:reg) then 'reg' else 'corr'"/>
    <xsl:variable name="n" as="xs:integer?" select="if ($in-p) then ed:intervention-number(.) else ()"/>
    <!-- The witness's own form (what the reading view's switch to the witness shows instead): a correction's sic;
         nothing for an inserted space or a supplied word; a regularisation already shows the writer's form. -->
    <xsl:variable name="witness" as="xs:string?" select="if (tei:sic) then ed:plain(tei:sic, 'diplomatic')
      else if (self::tei:corr or self::tei:supplied) then '' else ()"/>
    <xsl:choose>
      <xsl:when test="exists($n) and not(ed:in-link(.)) and not(@type = 'space')">
        <a class="intervention" href="#app-{$n}" id="app-ref-{$n}" data-tip="{$tip}">
          <xsl:if test="exists($witness)"><xsl:attribute name="data-witness" select="$witness"/></xsl:if>
          <ins class="{$kind}"><xsl:sequence select="$content"/></ins></a>
      </xsl:when>
      <xsl:otherwise>
        <ins class="{$kind}" data-tip="{$tip}">
          <xsl:if test="exists($witness)"><xsl:attribute name="data-witness-self" select="$witness"/></xsl:if>
          <xsl:if test="exists($n)"><xsl:attribute name="id" select="'app-ref-' || $n"/></xsl:if>
          <xsl:sequence select="$content"/>
        </ins>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where a paragraph or section of the text is, for a link from any page: the reading view here; the book
       outputs (one file, or the EPUB's text document) override this function. -->
  <xsl:function name="ed:text-href" as="xs:string" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'index.html#' || $id"/>
  </xsl:function>

  <!-- A pointer to a paragraph or section (in descriptions and glosses): "¶ N" linking to it. -->
  <xsl:template match="tei:ptr[starts-with(@target, '#')]" mode="ed:html">
    <xsl:variable name="target" as="element()?" select="ed:target(.)"/>
    <xsl:choose>
      <xsl:when test="$target and not(ed:in-link(.))"><a class="ptr" href="{ed:text-href($target/@xml:id)}">{ed:target-label(.)}</a></xsl:when>
      <xsl:otherwise>{ed:target-label(.)}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The editors' own statement (outside knowledge, not the text's): marked as theirs, its certainty and source. -->
  <xsl:template match="tei:seg[@type = 'editorial']" mode="ed:html">
    <span class="editorial-statement{if (ed:uncertain(.)) then ' uncertain' else ''}">
      <span class="editors-label">editors</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
      <xsl:if test="ed:uncertain(.)"><xsl:text> </xsl:text><span class="cert">{ed:label('uncertain')}</span></xsl:if>
      <xsl:for-each select="tokenize(normalize-space(@source))[matches(., '^https?://')]">
        <xsl:text> </xsl:text><a class="source" href="{.}" rel="external">source</a>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- Notes: a numbered marker in the text; the note itself is listed at the end. -->
  <xsl:template match="tei:note" mode="ed:html">
    <xsl:variable name="n" as="xs:integer" select="ed:note-number(.)"/>
    <xsl:variable name="label" as="xs:string" select="if (@type = ('authorial', 'translation')) then ed:label('note.authorial') else ed:label('note.editorial')"/>
    <sup class="{normalize-space('note-ref ' || @place)}" id="note-ref-{$n}">
      <xsl:choose>
        <xsl:when test="ed:in-link(.)">{$n}</xsl:when>
        <xsl:otherwise><a href="#note-{$n}" data-tip="{$label} {$n}: {ed:plain(node(), 'reading')}" aria-label="{$label} {$n}">{$n}</a></xsl:otherwise>
      </xsl:choose>
    </sup>
  </xsl:template>

  <xsl:template match="tei:note" mode="ed:notes">
    <xsl:variable name="n" as="xs:integer" select="ed:note-number(.)"/>
    <li id="note-{$n}">
      <xsl:call-template name="ed:where"><xsl:with-param name="e" select="."/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="ed:html"/>
      <xsl:text> </xsl:text>
      <a href="#note-ref-{$n}" class="back" aria-label="{ed:label('note.back', string($n))}">↩</a>
    </li>
  </xsl:template>

  <!-- The apparatus of corrections: the editors' reading, the witness's, where, and a back-link. -->
  <xsl:template match="*[ed:is-intervention(.)]" mode="ed:apparatus">
    <xsl:variable name="n" as="xs:integer" select="ed:intervention-number(.)"/>
    <li id="app-{$n}">
      <xsl:call-template name="ed:where"><xsl:with-param name="e" select="."/></xsl:call-template>
      <xsl:text> </xsl:text>
      <xsl:choose>
        <xsl:when test="self::tei:choice[tei:reg]">
          <span class="lem">{ed:plain(tei:orig, 'diplomatic')}</span>] <span class="rdg">{ed:plain(tei:reg/node(), 'reading')}</span><xsl:text> </xsl:text><span class="siglum">reg.</span>
        </xsl:when>
        <xsl:when test="self::tei:choice">
          <span class="lem">{ed:plain(tei:corr, 'reading')}</span>] <span class="rdg">{ed:plain(tei:sic, 'diplomatic')}</span><xsl:text> </xsl:text><span class="siglum">witness</span>
        </xsl:when>
        <xsl:when test="self::tei:corr[@type = 'space']">
          <!-- The words on either side, from the text itself (notes left out): the editors' view, then the witness's. -->
          <xsl:variable name="before" as="xs:string*" select="('reading', 'diplomatic') ! ed:edge-word(current()/preceding-sibling::node(), ., 'last')"/>
          <xsl:variable name="after" as="xs:string*" select="('reading', 'diplomatic') ! ed:edge-word(current()/following-sibling::node(), ., 'first')"/>
          <span class="lem">{$before[1]} {$after[1]}</span>] <span class="rdg">{$before[2]}{$after[2]}</span><xsl:text> </xsl:text><span class="siglum">witness</span> (space inserted)
        </xsl:when>
        <xsl:when test="self::tei:corr">
          <span class="lem">{ed:plain(., 'reading')}</span>] <span class="siglum">added by the editors</span>
        </xsl:when>
        <xsl:otherwise>
          <span class="lem">[{ed:plain(node(), 'reading')}]</span><xsl:text> </xsl:text><span class="siglum">supplied by the editors{if (@reason) then ' (' || @reason || ')' else ''}</span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text> </xsl:text>
      <a href="#app-ref-{$n}" class="back" aria-label="{ed:label('correction.back', string($n))}">↩</a>
    </li>
  </xsl:template>

  <xsl:template match="text()" mode="ed:header"><xsl:value-of select="."/></xsl:template>
  <xsl:template match="tei:gi" mode="ed:header"><code>&lt;{.}&gt;</code></xsl:template>
  <xsl:template match="tei:att" mode="ed:header"><code>@{.}</code></xsl:template>

</xsl:stylesheet>
