<?xml version="1.0" encoding="UTF-8"?>
<!-- What the book-like outputs (print HTML for the PDF, XHTML for the EPUB) share: the reading text
     without the web page's controls (¶ number only, no cite link, no hidden speaker links), one running
     number per mention (the anchor the index counts pages by), the facts of the title page and the
     document metadata read from the TEI header, and which register kinds the printed index lists.
     Included by print.xsl and epub.xsl after they import the HTML layer, so these rules win. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The register kinds the index of a printed book lists (names of people, places and bodies). -->
  <xsl:variable name="ed:book-index-kinds" as="xs:string+" select="('person', 'place', 'org')"/>

  <!-- Running number of every pointer of the text (one pass over the document, not a count per mention). -->
  <xsl:accumulator name="ed:mention-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//*[@ref]" select="$value + 1"/>
  </xsl:accumulator>

  <!-- The anchor of a mention in the book: "m-" and its running number. -->
  <xsl:function name="ed:mention-anchor" as="xs:string" visibility="public">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="'m-' || $mention/accumulator-before('ed:mention-count')"/>
  </xsl:function>

  <!-- The mentions of an entry that a reader can find on a page: in the essay and the comments
       (notes included, they are printed as footnotes), never in the front matter. -->
  <xsl:function name="ed:book-mentions" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:pointers($entry, 'ed:ref')[ancestor::tei:body or ancestor::tei:back]"/>
  </xsl:function>

  <!-- An entry's names in Chinese characters (xml:lang zh-Hans or zh-Hant), printed beside its name. -->
  <xsl:function name="ed:han-names" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:placeName | tei:orgName | tei:name | tei:label | tei:term)[@xml:lang = ('zh-Hans', 'zh-Hant')]"/>
  </xsl:function>

  <!-- Document metadata from the header: subject (the project description), keywords (textClass),
       language, and dates (publication year; last revision, as an ISO date). The publication date and the
       canonical URL are ed:work's (cite.xsl), read there once. -->
  <xsl:function name="ed:book-facts" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="root($doc)/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:sequence select="map{
      'subtitle': normalize-space($h/tei:fileDesc/tei:titleStmt/tei:title[@type = 'sub'][1]),
      'subject': normalize-space($h/tei:encodingDesc/tei:projectDesc/tei:p[1]),
      'keywords': string-join($h/tei:profileDesc/tei:textClass/tei:keywords/tei:term ! normalize-space(), ', '),
      'language': string((root($doc)/tei:TEI/@xml:lang, 'en')[1]),
      'created': $w?edition-year,
      'modified': string((for $d in $h/tei:revisionDesc/tei:change/@when return string($d)) => max()),
      'url': $w?url
    }"/>
  </xsl:function>

  <!-- The title page: title, byline (its note a footnote), the source as the header describes it,
       the dating note, the edition statement and the terms of use. -->
  <xsl:template name="ed:book-title-page" as="element()*">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="$doc/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="source" as="element(tei:bibl)?" select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <h1 class="book-title"><xsl:apply-templates select="$doc/tei:TEI/tei:text/tei:front/tei:titlePage/tei:docTitle/tei:titlePart/node()" mode="ed:html"/></h1>
    <p class="byline"><xsl:apply-templates select="$doc/tei:TEI/tei:text/tei:front/tei:titlePage/tei:byline/node()" mode="ed:html"/></p>
    <xsl:if test="$source">
      <p class="source"><span class="label">Source: </span>{normalize-space(string-join($source/(text() | * except tei:note) ! ed:plain(., 'reading'), ' ') => replace('\s+([,.;])', '$1'))}</p>
      <!-- The title page's date's own dating note is a footnote here. -->
      <xsl:for-each select="ed:source-dating($doc)">
        <p class="dating"><span class="label">Dating: </span>{ed:plain(node(), 'reading')}</p>
      </xsl:for-each>
    </xsl:if>
    <p class="edition-statement">{$w?edition}. {$w?publisher}, {$w?edition-year}.</p>
    <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:availability/tei:p">
      <p class="availability">{ed:plain(node(), 'reading')}</p>
    </xsl:for-each>
  </xsl:template>

  <!-- The label of a division in contents and bookmarks: its heading, else its kind ("Introduction"). -->
  <xsl:function name="ed:book-division-label" as="xs:string" visibility="public">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="if ($div/tei:head) then ed:plain($div/tei:head[1], 'reading')
      else concat(upper-case(substring($div/@type, 1, 1)), substring($div/@type, 2))"/>
  </xsl:function>

  <!-- A citable paragraph in a book: its number (printed in the margin), then the text. -->
  <xsl:template match="tei:div/tei:p" mode="ed:html">
    <xsl:variable name="n" as="xs:integer" select="ed:paragraph-number(.)"/>
    <p id="{@xml:id}" class="para">
      <span class="pn">{$n}</span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates mode="#current"/>
    </p>
  </xsl:template>

  <!-- Quotations: typographic marks only; the speaker is in the index, not in hidden text. The marks stand
       outside the element's box: WeasyPrint breaks lines badly before an inline box that opens with a quote. -->
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
