<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/index.html, the reading edition (title block with source and edition statement,
     contents, numbered paragraphs with permalinks and cite controls, the reader comment, editorial notes,
     the apparatus of corrections, how to cite), html/search.html, the search page (Pagefind), and
     html/highlight.css, the highlight switch's colours for the register kinds. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0"/>
  <xsl:include href="html/search-page.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:call-template name="ed:reading-page"/>
    <xsl:call-template name="ed:search-page"/>
    <xsl:call-template name="ed:highlight-css"/>
    <xsl:call-template name="ed:search-records"><xsl:with-param name="name" select="'essay'"/><xsl:with-param name="records" select="ed:essay-records(.)"/></xsl:call-template>
  </xsl:template>

  <!-- The editors' introduction (front): their text, set before the essay and said to be theirs; its paragraphs
       are cited as "introduction ¶ N", apart from the essay's. -->
  <xsl:mode name="ed:editors-introduction" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:template match="tei:div" mode="ed:editors-introduction">
    <section id="{@xml:id}" class="editors-introduction" aria-labelledby="{@xml:id}-heading">
      <h2 id="{@xml:id}-heading"><xsl:apply-templates select="tei:head[1]/node()" mode="ed:html"/></h2>
      <xsl:variable name="by" as="xs:string*" select="tokenize(@resp) ! id(substring-after(., '#'), root(current())) ! normalize-space()"/>
      <p class="responsibility">Written by {if (exists($by)) then replace(string-join($by, ', '), '^The ', 'the ') else 'the editors'}, not by the author; the essay follows.</p>
      <xsl:apply-templates select="tei:p" mode="ed:html"/>
    </section>
  </xsl:template>

  <xsl:template name="ed:reading-page">
    <xsl:variable name="text" as="element(tei:text)" select="tei:TEI/tei:text"/>
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:TEI/tei:teiHeader"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work(.)"/>
    <xsl:variable name="notes" as="element(tei:note)*" select="$text//tei:note"/>
    <xsl:variable name="interventions" as="element()*" select="ed:interventions(.)"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="."/>
      <xsl:with-param name="href" select="'index.html'"/>
      <xsl:with-param name="title" select="$w?title"/>
      <xsl:with-param name="highlight" select="true()"/>
      <xsl:with-param name="head-extra" as="element()*">
        <script src="assets/cite-selection.js" defer=""></script>
        <link rel="stylesheet" href="assets/versions.css"/>
        <script src="assets/diplomatic-switch.js" defer=""></script>
      </xsl:with-param>
      <xsl:with-param name="content" as="node()*">
        <article class="edition">
          <header class="title-block">
            <h1><xsl:apply-templates select="$text/tei:front/tei:titlePage/tei:docTitle/tei:titlePart/node()" mode="ed:html"/></h1>
            <xsl:apply-templates select="$text/tei:front/tei:titlePage/tei:byline" mode="ed:byline"/>
            <p class="source">Source: <xsl:apply-templates select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]" mode="ed:source"/></p>
            <xsl:for-each select="ed:source-dating(.)">
              <p class="dating"><xsl:apply-templates select="node()" mode="ed:html"/></p>
            </xsl:for-each>
            <xsl:call-template name="ed:also-published"><xsl:with-param name="doc" select="."/></xsl:call-template>
            <p class="edition-statement">{string-join((string-join(($w?edition, ed:version-label($w))[.], ', ')[.], string-join(($w?publisher, $w?edition-year)[.], ', ')[.]) ! replace(., '\.$', ''), '. ')}. <a href="#how-to-cite">How to cite</a></p>
            <xsl:call-template name="ed:about">
              <xsl:with-param name="doc" select="."/>
              <xsl:with-param name="notes" select="$notes"/>
              <xsl:with-param name="interventions" select="$interventions"/>
            </xsl:call-template>
          </header>
          <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">Contents</h2>
            <ol>
              <xsl:for-each select="$text/tei:front/tei:div[@type = 'introduction']">
                <li><a href="#{@xml:id}">{ed:plain(tei:head[1], 'reading')}</a></li>
              </xsl:for-each>
              <xsl:for-each select="$text/tei:body/tei:div">
                <li><a href="#{@xml:id}">{if (tei:head) then ed:plain(tei:head[1], 'reading') else 'Introduction'}</a></li>
              </xsl:for-each>
              <xsl:if test="$text/tei:back/tei:div"><li><a href="#{$text/tei:back/tei:div[1]/@xml:id}">Reader comment</a></li></xsl:if>
              <xsl:if test="$notes"><li><a href="#notes">Editorial notes</a></li></xsl:if>
              <xsl:if test="$interventions"><li><a href="#apparatus">Corrections</a></li></xsl:if>
              <li><a href="#how-to-cite">How to cite</a></li>
            </ol>
          </nav>
          <xsl:apply-templates select="$text/tei:front/tei:div[@type = 'introduction']" mode="ed:editors-introduction"/>
          <p class="view-switch" data-pagefind-ignore="">The witness's own text, without the editors' corrections: <a href="diplomatic.txt">the diplomatic text</a><xsl:text> </xsl:text><button type="button" data-diplomatic-switch="" aria-pressed="false" hidden="">Show the witness's forms here</button></p>
          <div class="text">
            <xsl:apply-templates select="$text/tei:body/tei:div" mode="ed:html"/>
          </div>
          <xsl:for-each select="$text/tei:back/tei:div">
            <section id="{@xml:id}" class="comments" aria-labelledby="comments-heading">
              <h2 id="comments-heading">Reader comment</h2>
              <xsl:apply-templates select="tei:div" mode="ed:html"/>
            </section>
          </xsl:for-each>
          <xsl:if test="$notes">
            <section id="notes" class="notes" aria-labelledby="notes-heading">
              <h2 id="notes-heading">Editorial notes</h2>
              <ol><xsl:apply-templates select="$notes" mode="ed:notes"/></ol>
            </section>
          </xsl:if>
          <xsl:if test="$interventions">
            <section id="apparatus" class="apparatus" aria-labelledby="apparatus-heading">
              <h2 id="apparatus-heading">Corrections</h2>
              <p>The editors' reading, then (after the bracket) the witness's. Each correction is marked in the text<span class="screen-only">; follow its link to come here, and ↩ to go back</span>.</p>
              <ol><xsl:apply-templates select="$interventions" mode="ed:apparatus"/></ol>
            </section>
          </xsl:if>
          <xsl:call-template name="ed:how-to-cite">
            <xsl:with-param name="doc" select="."/>
          </xsl:call-template>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The byline as the witness has it, the author on one line and the date (with its note) on the next. -->
  <xsl:mode name="ed:byline" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:template match="tei:byline" mode="ed:byline">
    <xsl:variable name="date" as="element(tei:date)?" select="tei:date[1]"/>
    <p class="byline">
      <xsl:choose>
        <xsl:when test="$date">
          <xsl:variable name="before" as="node()*" select="node()[. &lt;&lt; $date]"/>
          <xsl:variable name="last-words" as="xs:integer?" select="(for $i in 1 to count($before) return $i[normalize-space($before[$i]) or $before[$i]/self::element()])[last()]"/>
          <span class="byline-author"><xsl:apply-templates select="$before[position() le $last-words]" mode="ed:html"/></span>
          <br/>
          <span class="byline-date"><xsl:apply-templates select="$date | $date/following-sibling::node()" mode="ed:html"/></span>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates select="node()" mode="ed:html"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- "About this edition", for readers: what the edition is and does (the header's projectDesc), how to read
       its marks (only those the text uses), and where the encoding itself is described. -->
  <xsl:template name="ed:about" as="element()">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="notes" as="element(tei:note)*"/>
    <xsl:param name="interventions" as="element()*"/>
    <xsl:variable name="text" as="element(tei:text)" select="$doc/tei:TEI/tei:text"/>
    <details class="about" id="about">
      <summary>About this edition</summary>
      <xsl:for-each select="$doc/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:projectDesc/tei:p">
        <p><xsl:apply-templates select="node()" mode="ed:html"/></p>
      </xsl:for-each>
      <p class="marks-heading">How to read the page:</p>
      <ul class="marks">
        <li><strong>¶ 1, ¶ 2 …</strong> number the paragraphs for reading; each number links to its paragraph, and <em>Cite</em> beside it gives the paragraph's citation with its permanent link.</li>
        <xsl:if test="$text//*[@ref]">
          <li class="screen-only"><strong>Names with a dotted underline</strong> are entries of the registers ({string-join(ed:kinds-with-entries($doc)?title, ', ')}): point at one, focus it or tap it to see who or what it is, and follow it to its entry.</li>
        </xsl:if>
        <xsl:if test="$text//tei:said[@who]">
          <li class="screen-only"><strong>A small dot</strong> at the start of a quotation stands for its speaker and leads to the speaker's entry.</li>
        </xsl:if>
        <xsl:if test="$interventions">
          <li><strong>A dashed underline</strong> marks words the editors corrected or supplied; point at one to see what the source has. Every intervention is listed under <a href="#apparatus">Corrections</a>.</li>
        </xsl:if>
        <xsl:if test="$text//tei:supplied">
          <li><strong>[Square brackets]</strong> enclose words the source lacks, supplied by the editors.</li>
        </xsl:if>
        <xsl:if test="$text//tei:reg">
          <li><strong>A regularised reading</strong> offered beside a word of the reader comment is the editors'; the word itself is the writer's.</li>
        </xsl:if>
        <xsl:if test="$notes">
          <li><strong>Raised numbers</strong> lead to the <a href="#notes">editorial notes</a>.</li>
        </xsl:if>
        <li class="screen-only"><strong>Highlight</strong> colours every mention of one kind, or every quotation or number, in the text.</li>
      </ul>
      <p>How the text is encoded (every element and attribute, its values and an example from the text) is described in
        the <a href="encoding.html">encoding manual</a>; the revisions of the edition are listed under <a href="changes.html">Changes</a>,
        and the <a href="{ed:tei-download-href($doc)}">TEI source</a> can be downloaded.</p>
    </details>
  </xsl:template>

  <!-- "Also published in …": other publications of the text (relatedItem type="otherForm"), not collated. -->
  <xsl:template name="ed:also-published" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <!-- Rendered as the source line is (ed:source: article titles quoted, journals in italics). -->
    <xsl:variable name="also" as="element(tei:bibl)*" select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:relatedItem[@type = 'otherForm']//tei:bibl[1]"/>
    <xsl:if test="$also">
      <p class="also-published">Also published in <xsl:for-each select="$also"><xsl:if test="position() gt 1">; </xsl:if><xsl:apply-templates select="." mode="ed:source"/></xsl:for-each> (not collated for this edition).</p>
    </xsl:if>
  </xsl:template>

  <!-- "How to cite": Chicago and MLA, and the BibTeX and CSL-JSON files that cite-files.xsl writes. -->
  <xsl:template name="ed:how-to-cite">
    <xsl:param name="doc" as="document-node()"/>
    <section id="how-to-cite" class="how-to-cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">How to cite</h2>
      <p>Cite a paragraph by its number and permalink: each paragraph's <em>Cite</em> link copies its citation (or, without JavaScript, is its permalink). The whole edition:</p>
      <dl>
        <dt>Chicago</dt>
        <dd><p class="citation" id="cite-chicago">{ed:citation($doc, '', 'chicago', $base-url)}</p></dd>
        <dt>MLA</dt>
        <dd><p class="citation" id="cite-mla">{ed:citation($doc, '', 'mla', $base-url)}</p></dd>
      </dl>
      <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
      <xsl:if test="$w?version"><p class="version">This is {ed:version-label($w)} of the edition; every citation names it.</p></xsl:if>
      <xsl:call-template name="ed:also-published"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
      <xsl:if test="$books">
        <p class="books">The edition as a book, to read, print and cite by page and paragraph: <a href="../pdf/{$w?id}.pdf">PDF</a> · <a href="../epub/{$w?id}.epub">EPUB</a> (the same text, notes, corrections and registers).</p>
      </xsl:if>
      <p>For reference managers: <a href="cite/edition.bib" download="">BibTeX</a> · <a href="cite/edition.json" download="">CSL-JSON</a>. Zotero and similar tools also read this page's embedded metadata.</p>
    </section>
  </xsl:template>

</xsl:stylesheet>
