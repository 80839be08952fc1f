<?xml version="1.0" encoding="UTF-8"?>
<!-- The book's skeleton, decided once: which parts a text has, in which order, under which label
     (ed:book-parts), and what the parts hold that is not the reading text itself: the title page's facts,
     the document metadata, the index's sections and entries. The print (Typst) and e-book (XHTML)
     stylesheets include this module after importing the HTML layer and render each part in their own
     format; the reading view could ask the same function for its contents. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The parts of the book in reading order, as maps {'part', 'id', 'label', 'nodes'}:
       title-page; contents; one 'section' per division of the front (an editors' introduction) and of the body; 'comment' (the back's divisions);
       'notes' (the editorial notes: footnotes in print, a notes section in the e-book); 'corrections' (the
       apparatus); 'index' (the registers' entries the text points at). A part with nothing to hold is left
       out. Every output takes its contents, bookmarks and headings from here. -->
  <xsl:function name="ed:book-parts" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="text" as="element(tei:text)" select="$doc/tei:TEI/tei:text"/>
    <xsl:sequence select="(
      map{'part': 'title-page', 'id': 'title-page', 'label': ed:label('book.title-page'), 'nodes': $text/tei:front},
      map{'part': 'contents', 'id': 'contents', 'label': ed:label('reading.contents'), 'nodes': ()},
      $text/tei:front/tei:div ! map{'part': 'section', 'id': string(@xml:id), 'label': ed:book-division-label(.), 'nodes': .},
      $text/tei:body/tei:div ! map{'part': 'section', 'id': string(@xml:id), 'label': ed:book-division-label(.), 'nodes': .},
      $text/tei:back[tei:div] ! map{'part': 'comment', 'id': string(tei:div[1]/@xml:id),
        'label': ed:division-label(tei:div[1]), 'nodes': tei:div},
      $text[.//tei:note] ! map{'part': 'notes', 'id': 'notes', 'label': ed:label('reading.notes'), 'nodes': $text//tei:note},
      ed:interventions($doc)[1] ! map{'part': 'corrections', 'id': 'apparatus', 'label': ed:label('reading.corrections'), 'nodes': ed:interventions($doc)},
      map{'part': 'index', 'id': 'index', 'label': ed:label('book.index'), 'nodes': ()}
    )"/>
  </xsl:function>

  <!-- The label of a division in contents and bookmarks: its heading, else its declared kind, else a generic label (ed:division-label). -->
  <xsl:function name="ed:book-division-label" as="xs:string" visibility="public">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:sequence select="if ($div/tei:head) then ed:plain($div/tei:head[1], 'reading') else ed:division-label($div)"/>
  </xsl:function>

  <!-- The sentence that heads the corrections: how to read an entry. -->
  <xsl:function name="ed:corrections-preface" as="xs:string" visibility="public">
    <xsl:param name="paged" as="xs:boolean"/>
    <xsl:sequence select="ed:label(if ($paged) then 'book.corrections-preface-paged' else 'book.corrections-preface')"/>
  </xsl:function>

  <!-- Document metadata from the header: subject (the project description), keywords (textClass), language,
       and dates (publication year; last revision, as an ISO date). The rest is ed:work's (cite.xsl). -->
  <xsl:function name="ed:book-facts" as="map(xs:string, xs:string)" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="root($doc)/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:sequence select="map{
      'subject': normalize-space($h/tei:encodingDesc/tei:projectDesc/tei:p[1]),
      'keywords': string-join($h/tei:profileDesc/tei:textClass/tei:keywords/tei:term ! normalize-space(), ', '),
      'language': string((root($doc)/tei:TEI/@xml:lang, 'en')[1]),
      'created': $w?edition-year,
      'modified': string((for $d in $h/tei:revisionDesc/tei:change/@when return string($d)) => max()),
      'url': $w?url
    }"/>
  </xsl:function>

  <!-- The byline split as the reading view sets it: the author's words on one line, the date (with its note)
       on the next. {'author': nodes, 'date': nodes}; without a date, all is 'author'. -->
  <xsl:function name="ed:byline-parts" as="map(xs:string, node()*)" visibility="public">
    <xsl:param name="byline" as="element(tei:byline)?"/>
    <xsl:variable name="date" as="element(tei:date)?" select="$byline/tei:date[1]"/>
    <xsl:variable name="before" as="node()*" select="if ($date) then $byline/node()[. &lt;&lt; $date] else $byline/node()"/>
    <xsl:variable name="last-words" as="xs:integer" select="max((0, for $i in 1 to count($before) return $i[normalize-space($before[$i]) or $before[$i]/self::element()]))"/>
    <xsl:sequence select="map{'author': $before[position() le $last-words], 'date': ($date, $date/following-sibling::node())}"/>
  </xsl:function>

  <!-- The title page below title and byline, as XHTML paragraphs (the e-book copies them; the print stylesheet
       turns them into Typst): the source with its titles marked (ed:source), the dating note, the other
       publication, the edition statement with its version, the canonical URL, how to cite, the terms of use. -->
  <xsl:template name="ed:book-title-facts" as="element()*">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="h" as="element(tei:teiHeader)" select="$doc/tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="source" as="element(tei:bibl)?" select="$h/tei:fileDesc/tei:sourceDesc/tei:bibl[1]"/>
    <xsl:variable name="also" as="element(tei:bibl)*" select="$source/tei:relatedItem[@type = 'otherForm']//tei:bibl[1]"/>
    <xsl:if test="$source">
      <p class="source"><span class="label">{ed:label('book.source')} </span><xsl:apply-templates select="$source" mode="ed:source"/></p>
      <xsl:for-each select="ed:source-dating($doc)">
        <p class="dating"><span class="label">{ed:label('book.dating')} </span>{ed:plain(node(), 'reading')}</p>
      </xsl:for-each>
    </xsl:if>
    <xsl:if test="$also">
      <p class="also-published"><span class="label">{ed:label('book.also-published')} </span><xsl:for-each select="$also"><xsl:if test="position() gt 1">; </xsl:if><xsl:apply-templates select="." mode="ed:source"/></xsl:for-each> {ed:label('book.not-collated')}</p>
    </xsl:if>
    <!-- "Edition, version. Publisher, year.": a part the header leaves out is left out with its punctuation
         (no year reads as no year here, not "n.d."), and the statement only if something is left. -->
    <xsl:variable name="statement" as="xs:string" select="string-join((
      string-join(($w?edition, ed:version-label($w))[normalize-space()], ', '),
      string-join(($w?publisher, $w?edition-year[. ne 'n.d.'])[normalize-space()], ', '))[.], '. ')"/>
    <xsl:if test="$statement"><p class="edition-statement">{$statement}{if (ends-with($statement, '.')) then '' else '.'}</p></xsl:if>
    <xsl:variable name="url" as="xs:string" select="ed:base-url($doc, $base-url)"/>
    <xsl:if test="$url"><p class="url"><span class="label">{ed:label('book.online')} </span><a href="{$url}">{$url}</a></p></xsl:if>
    <p class="how-to-cite"><span class="label">{ed:label('book.how-to-cite')} </span>{ed:citation($doc, '', 'chicago', $base-url)}</p>
    <xsl:for-each select="$h/tei:fileDesc/tei:publicationStmt/tei:availability/tei:p">
      <p class="availability">{ed:plain(node(), 'reading')}</p>
    </xsl:for-each>
  </xsl:template>

  <!-- The books' date (the PDF's and the EPUB's modification date), from the header, never the clock, so that two
       builds are byte-identical: the last revision, else the first of January of the edition's year, else (a header
       with no date at all, which the schema allows) 1970-01-01, the conventional "no date" of reproducible builds. -->
  <xsl:function name="ed:book-date" as="xs:string" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="year" as="xs:string" select="ed:work($doc)?edition-year"/>
    <xsl:sequence select="(ed:book-facts($doc)?modified[. castable as xs:date],
      $year[. castable as xs:integer] ! (. || '-01-01'), '1970-01-01')[1]"/>
  </xsl:function>

  <!-- ================================================================ the index -->

  <!-- The index's sections, one per register kind the declaration puts in the index (@index) with entries the text points at, as maps
       {'kind', 'title', 'groups'}; each group {'title', 'entries'}. Persons: the named, alphabetically, then
       the people the text does not name and the groups, under the heads of their lists as on the register
       page, each list in the order of first mention; every other kind alphabetically in one run. -->
  <xsl:function name="ed:index-sections" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:for-each select="$ed:register-kinds[?kind = $ed:index-kinds]">
      <xsl:variable name="kind" as="map(xs:string, item()*)" select="."/>
      <xsl:variable name="entries" as="element()*" select="ed:entries($doc, $kind?elements)[exists(ed:book-mentions(.))]"/>
      <xsl:variable name="unheaded" as="element()*" select="sort($entries[empty(parent::*/tei:head)], $ed:collation, function($e) { ed:sort-key($e), string($e/@xml:id) })"/>
      <xsl:variable name="groups" as="map(xs:string, item()*)*">
        <xsl:if test="$unheaded"><xsl:sequence select="map{'title': '', 'entries': $unheaded}"/></xsl:if>
        <xsl:for-each-group select="$entries[exists(parent::*/tei:head)]" group-by="generate-id(parent::*)">
          <xsl:sort select="count(current-group()[1]/parent::*/preceding::*)"/>
          <xsl:sequence select="map{'title': normalize-space(parent::*/tei:head[1]),
            'entries': sort(current-group(), (), function($e) { ed:mention-order(ed:book-mentions($e)[1]) })}"/>
        </xsl:for-each-group>
      </xsl:variable>
      <xsl:if test="exists($entries)">
        <xsl:sequence select="map{'kind': $kind?kind, 'title': $kind?title, 'groups': $groups}"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- The position of a pointer of the text among all of them (the order of first mention); a memoised map of
       the document, as the layers keep their running numbers (a package cannot lend an accumulator). -->
  <xsl:function name="ed:mention-order" as="xs:integer">
    <xsl:param name="mention" as="element()?"/>
    <xsl:sequence select="if ($mention) then ed:pointer-positions(root($mention))(generate-id($mention)) else 999999"/>
  </xsl:function>
  <xsl:function name="ed:pointer-positions" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:numbered($doc/tei:TEI/tei:text//*[@ref or @who or @source])"/>
  </xsl:function>

  <!-- The elements of the text a reader finds an entry at on a page: its mentions, its quotations, its speeches,
       in the text and the comment (notes included, printed as footnotes), never the front matter. -->
  <xsl:function name="ed:book-mentions" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($ed:relations ! ed:pointers($entry, ?key) | ())[ancestor::tei:body or ancestor::tei:back]"/>
  </xsl:function>

  <!-- An entry's name as an index lists it: a person's name inverted where the family name comes last in the
       register ("Day, Alex"), not where it comes first ("Mao Zedong"); every other name as displayed. -->
  <xsl:function name="ed:index-name" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" as="element()?" select="$entry/self::tei:person/tei:persName[@type = 'preferred'][tei:surname][1]"/>
    <xsl:sequence select="if ($name/tei:surname[preceding-sibling::tei:forename])
      then normalize-space($name/tei:surname[1]) || ', ' || string-join($name/(* except tei:surname) ! normalize-space(), ' ')
      else ed:entry-name($entry)"/>
  </xsl:function>

  <!-- An entry's names in Chinese characters, each script's form once ("香港", not "香港 香港" when the
       simplified and traditional forms agree), with its language. -->
  <xsl:function name="ed:han-names" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="all" as="element()*" select="ed:original-names($entry)[@xml:lang = ('zh-Hans', 'zh-Hant')]"/>
    <xsl:sequence select="for $i in 1 to count($all) return $all[$i][not(normalize-space(.) = subsequence($all, 1, $i - 1) ! normalize-space())]"/>
  </xsl:function>

</xsl:stylesheet>
