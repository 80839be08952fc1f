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

  <!-- The editors' introduction (front): their text, set before the text and said to be theirs; its paragraphs
       are cited as "introduction ¶ N", apart from the text's. -->
  <xsl:mode name="ed:editors-introduction" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:template match="tei:div" mode="ed:editors-introduction">
    <section id="{@xml:id}" class="editors-introduction" aria-labelledby="{@xml:id}-heading">
      <h2 id="{@xml:id}-heading"><xsl:apply-templates select="tei:head[1]/node()" mode="ed:html"/></h2>
      <xsl:variable name="by" as="xs:string*" select="tokenize(@resp) ! id(substring-after(., '#'), root(current())) ! normalize-space()"/>
      <p class="responsibility">{if (exists($by)) then ed:label('introduction.written-by', replace(string-join($by, ', '), '^The ', 'the ')) else ed:label('introduction.written-by-editors')}</p>
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
            <p class="source">{ed:label('reading.source')} <xsl:apply-templates select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]" mode="ed:source"/></p>
            <xsl:for-each select="ed:source-dating(.)">
              <p class="dating"><xsl:apply-templates select="node()" mode="ed:html"/></p>
            </xsl:for-each>
            <xsl:call-template name="ed:also-published"><xsl:with-param name="doc" select="."/></xsl:call-template>
            <p class="edition-statement">{string-join((string-join(($w?edition, ed:version-label($w))[.], ', ')[.], string-join(($w?publisher, $w?edition-year)[.], ', ')[.]) ! replace(., '\.$', ''), '. ')}. <a href="#how-to-cite">{ed:label('reading.how-to-cite')}</a></p>
            <xsl:call-template name="ed:about">
              <xsl:with-param name="doc" select="."/>
              <xsl:with-param name="notes" select="$notes"/>
              <xsl:with-param name="interventions" select="$interventions"/>
            </xsl:call-template>
          </header>
          <nav class="toc" aria-labelledby="toc-heading">
            <h2 id="toc-heading">{ed:label('reading.contents')}</h2>
            <ol>
              <!-- The parts of the text in the order and with the labels the books give them (ed:book-parts);
                   the title page, the contents themselves and the books' index are not parts of this page. -->
              <xsl:for-each select="ed:book-parts(/)[not(?part = ('title-page', 'contents', 'index'))]">
                <li><a href="#{?id}">{?label}</a></li>
              </xsl:for-each>
              <li><a href="#how-to-cite">{ed:label('reading.how-to-cite')}</a></li>
            </ol>
          </nav>
          <xsl:apply-templates select="$text/tei:front/tei:div[@type = 'introduction']" mode="ed:editors-introduction"/>
          <p class="view-switch" data-pagefind-ignore=""><xsl:sequence select="ed:label-nodes('reading.witness-text', ed:link('diplomatic.txt', ed:label('reading.diplomatic-text')))"/><xsl:text> </xsl:text><button type="button" data-diplomatic-switch="" aria-pressed="false" hidden="">{ed:label('reading.show-witness-forms')}</button></p>
          <div class="text">
            <xsl:apply-templates select="$text/tei:body/tei:div" mode="ed:html"/>
          </div>
          <xsl:for-each select="$text/tei:back/tei:div">
            <section id="{@xml:id}" class="comments" aria-labelledby="comments-heading">
              <h2 id="comments-heading">{ed:division-label(.)}</h2>
              <xsl:apply-templates select="tei:div" mode="ed:html"/>
            </section>
          </xsl:for-each>
          <xsl:if test="$notes">
            <section id="notes" class="notes" aria-labelledby="notes-heading">
              <h2 id="notes-heading">{ed:label('reading.notes')}</h2>
              <ol><xsl:apply-templates select="$notes" mode="ed:notes"/></ol>
            </section>
          </xsl:if>
          <xsl:if test="$interventions">
            <section id="apparatus" class="apparatus" aria-labelledby="apparatus-heading">
              <h2 id="apparatus-heading">{ed:label('reading.corrections')}</h2>
              <p>{ed:label('reading.corrections-intro')}<span class="screen-only">{ed:label('reading.corrections-intro-screen')}</span>.</p>
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
      <summary>{ed:label('about.summary')}</summary>
      <xsl:for-each select="$doc/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:projectDesc/tei:p">
        <p><xsl:apply-templates select="node()" mode="ed:html"/></p>
      </xsl:for-each>
      <p class="marks-heading">{ed:label('about.marks')}</p>
      <ul class="marks">
        <li><xsl:sequence select="ed:label-nodes('about.pilcrow', (ed:strong(ed:label('about.pilcrow-mark')), ed:em(ed:label('cite.label'))))"/></li>
        <xsl:if test="$text//*[@ref]">
          <li class="screen-only"><xsl:sequence select="ed:label-nodes('about.names', (ed:strong(ed:label('about.names-mark')), string-join(ed:kinds-with-entries($doc)?title, ', ')))"/></li>
        </xsl:if>
        <xsl:if test="$text//tei:said[@who]">
          <li class="screen-only"><xsl:sequence select="ed:label-nodes('about.speaker', ed:strong(ed:label('about.speaker-mark')))"/></li>
        </xsl:if>
        <xsl:if test="$interventions">
          <li><xsl:sequence select="ed:label-nodes('about.corrected', (ed:strong(ed:label('about.corrected-mark')), ed:link('#apparatus', ed:label('reading.corrections'))))"/></li>
        </xsl:if>
        <xsl:if test="$text//tei:supplied">
          <li><xsl:sequence select="ed:label-nodes('about.supplied', ed:strong(ed:label('about.supplied-mark')))"/></li>
        </xsl:if>
        <xsl:if test="$text//tei:reg">
          <li><xsl:sequence select="ed:label-nodes('about.reg', ed:strong(ed:label('about.reg-mark')))"/></li>
        </xsl:if>
        <xsl:if test="$notes">
          <li><xsl:sequence select="ed:label-nodes('about.notes', (ed:strong(ed:label('about.notes-mark')), ed:link('#notes', ed:label('about.notes-link'))))"/></li>
        </xsl:if>
        <li class="screen-only"><xsl:sequence select="ed:label-nodes('about.highlight', ed:strong(ed:label('highlight.summary')))"/></li>
      </ul>
      <p><xsl:sequence select="ed:label-nodes('about.encoding', (ed:link('encoding.html', ed:label('about.encoding-link')),
        ed:link('changes.html', ed:label('about.changes-link')), ed:link(ed:tei-download-href($doc), ed:label('footer.tei-source'))))"/></p>
    </details>
  </xsl:template>

  <!-- "Also published in …": other publications of the text (relatedItem type="otherForm"), not collated. -->
  <xsl:template name="ed:also-published" as="element()?">
    <xsl:param name="doc" as="document-node()"/>
    <!-- Rendered as the source line is (ed:source: article titles quoted, journals in italics). -->
    <xsl:variable name="also" as="element(tei:bibl)*" select="$doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:relatedItem[@type = 'otherForm']//tei:bibl[1]"/>
    <xsl:if test="$also">
      <xsl:variable name="sources"><xsl:for-each select="$also"><xsl:if test="position() gt 1">; </xsl:if><xsl:apply-templates select="." mode="ed:source"/></xsl:for-each></xsl:variable>
      <p class="also-published"><xsl:sequence select="ed:label-nodes('also.published', $sources)"/></p>
    </xsl:if>
  </xsl:template>

  <!-- "How to cite": Chicago and MLA, and the BibTeX and CSL-JSON files that cite-files.xsl writes. -->
  <xsl:template name="ed:how-to-cite">
    <xsl:param name="doc" as="document-node()"/>
    <section id="how-to-cite" class="how-to-cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">{ed:label('reading.how-to-cite')}</h2>
      <p><xsl:sequence select="ed:label-nodes('howto.intro', ed:em(ed:label('cite.label')))"/></p>
      <dl>
        <dt>Chicago</dt>
        <dd><p class="citation" id="cite-chicago">{ed:citation($doc, '', 'chicago', $base-url)}</p></dd>
        <dt>MLA</dt>
        <dd><p class="citation" id="cite-mla">{ed:citation($doc, '', 'mla', $base-url)}</p></dd>
      </dl>
      <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
      <xsl:if test="$w?version"><p class="version">{ed:label('howto.version', ed:version-label($w))}</p></xsl:if>
      <xsl:call-template name="ed:also-published"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
      <xsl:if test="$books">
        <xsl:variable name="links"><a href="../pdf/{$w?id}.pdf">PDF</a> · <a href="../epub/{$w?id}.epub">EPUB</a></xsl:variable>
        <p class="books"><xsl:sequence select="ed:label-nodes('howto.books', $links)"/></p>
      </xsl:if>
      <xsl:variable name="files"><a href="cite/edition.bib" download="">BibTeX</a> · <a href="cite/edition.json" download="">CSL-JSON</a></xsl:variable>
      <p><xsl:sequence select="ed:label-nodes('howto.managers', $files)"/></p>
    </section>
  </xsl:template>

</xsl:stylesheet>
