<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the EPUB 3 edition's files, in epub-src/ (src/edition/outputs/epub.py zips them into
     epub/<edition id>.epub and removes the folder): the container, the package document with the
     header's metadata, the navigation document, the text (title page, essay, reader comment, notes as
     footnotes, corrections) and the registers as back matter, linked from every mention. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  xmlns:epub="http://www.idpf.org/2007/ops"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common/html-layer.xsl"/>
  <xsl:include href="epub/epub-text.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:epub-footnote" on-no-match="fail" on-multiple-match="fail"/>

  <!-- Where the files go: the zip's root is epub-src/. -->
  <xsl:variable name="ed:epub-root" as="xs:string" select="'epub-src/'"/>
  <!-- The book's stylesheet (copied from xslt/assets/epub.css by epub.py). -->
  <xsl:variable name="ed:epub-css" as="xs:string" select="'style.css'"/>

  <!-- Paragraphs and sections are in this book's own text, not in the reading view's index.html. -->
  <xsl:function name="ed:text-href" as="xs:string" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="'text.xhtml#' || $id"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work(.)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)" select="ed:book-facts(.)"/>
    <xsl:result-document href="{$ed:epub-root}META-INF/container.xml" method="xml" indent="yes" encoding="UTF-8">
      <container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
        <rootfiles>
          <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
        </rootfiles>
      </container>
    </xsl:result-document>
    <xsl:call-template name="ed:epub-package"><xsl:with-param name="doc" select="."/></xsl:call-template>
    <xsl:call-template name="ed:epub-nav"><xsl:with-param name="doc" select="."/></xsl:call-template>
    <xsl:call-template name="ed:epub-text"><xsl:with-param name="doc" select="."/></xsl:call-template>
    <xsl:call-template name="ed:epub-registers"><xsl:with-param name="doc" select="."/></xsl:call-template>
  </xsl:template>

  <!-- One XHTML content document of the book. -->
  <xsl:template name="ed:epub-document">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="type" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <xsl:variable name="lang" as="xs:string" select="ed:book-facts($doc)?language"/>
    <xsl:result-document href="{$ed:epub-root}EPUB/{$href}" method="xhtml" html-version="5" indent="no" encoding="UTF-8" omit-xml-declaration="no">
      <html xml:lang="{$lang}" lang="{$lang}">
        <head>
          <meta charset="utf-8"/>
          <title>{$title}</title>
          <link rel="stylesheet" type="text/css" href="{$ed:epub-css}"/>
        </head>
        <body epub:type="{$type}">
          <xsl:apply-templates select="$content" mode="ed:epub-tips"/>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- E-readers run no script, so the reading view's popovers (data-tip) become titles, which many show. -->
  <xsl:mode name="ed:epub-tips" on-no-match="shallow-copy"/>
  <xsl:template match="@data-tip" mode="ed:epub-tips"><xsl:attribute name="title" select="."/></xsl:template>

  <!-- The media type of an image by its file name's extension: the EPUB's core media types for images. -->
  <xsl:function name="ed:image-media-type" as="xs:string">
    <xsl:param name="url" as="xs:string"/>
    <xsl:variable name="extension" as="xs:string" select="lower-case(replace($url, '^.*\.', ''))"/>
    <xsl:sequence select="(map{'svg': 'image/svg+xml', 'png': 'image/png', 'jpg': 'image/jpeg', 'jpeg': 'image/jpeg',
      'gif': 'image/gif', 'webp': 'image/webp'}($extension), 'application/octet-stream')[1]"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- The package document: metadata from the header, every file, the reading order. -->
  <xsl:template name="ed:epub-package">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="facts" as="map(xs:string, xs:string)" select="ed:book-facts($doc)"/>
    <!-- The images the text shows: epub.py packs each at its path under EPUB/, listed here with its media type. -->
    <xsl:variable name="images" as="xs:string*" select="sort(distinct-values($doc/tei:TEI/tei:text//tei:graphic/@url))"/>
    <xsl:result-document href="{$ed:epub-root}EPUB/package.opf" method="xml" indent="yes" encoding="UTF-8">
      <package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{$facts?language}">
        <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
          <dc:identifier id="uid">{($facts?url[.], $w?id)[1]}</dc:identifier>
          <dc:title>{$w?title}</dc:title>
          <!-- A header may leave out the author, the publisher, the dates and the description (the schema
               allows it): what it leaves out is left out here too, never written empty. -->
          <xsl:for-each select="$w?author[.]"><dc:creator>{.}</dc:creator></xsl:for-each>
          <dc:language>{$facts?language}</dc:language>
          <xsl:for-each select="$w?publisher[.]"><dc:publisher>{.}</dc:publisher></xsl:for-each>
          <xsl:for-each select="$facts?created[matches(., '^\d{4}')]"><dc:date>{.}</dc:date></xsl:for-each>
          <xsl:for-each select="$facts?subject[.]"><dc:description>{.}</dc:description></xsl:for-each>
          <xsl:for-each select="tokenize($facts?keywords, ',\s*')[.]">
            <dc:subject>{.}</dc:subject>
          </xsl:for-each>
          <xsl:if test="$w?site or $w?posted"><dc:source>{string-join(($w?site[.], $w?posted[.]), ', ')}</dc:source></xsl:if>
          <meta property="dcterms:modified">{ed:book-date($doc)}T00:00:00Z</meta>
          <!-- EPUB Accessibility 1.1: what the book offers a reader who cannot see it, or reads it otherwise. -->
          <meta property="schema:accessMode">textual</meta>
          <xsl:if test="exists($images)"><meta property="schema:accessMode">visual</meta></xsl:if>
          <meta property="schema:accessModeSufficient">textual</meta>
          <xsl:for-each select="('structuralNavigation', 'tableOfContents', 'readingOrder', 'index', 'displayTransformability')">
            <meta property="schema:accessibilityFeature">{.}</meta>
          </xsl:for-each>
          <meta property="schema:accessibilityHazard">none</meta>
          <meta property="schema:accessibilitySummary">A text-only book: every part has a heading and an entry in the navigation document; the language of the text and of every name in another script is marked; notes are footnotes linked both ways; every correction of the editors is marked in the text, linked to its entry in the list of corrections; every name links to its entry in the index. {if (exists($images)) then 'Every image has a description as its alternative text; no sound or animation.' else 'No images, sound or animation.'}</meta>
          <meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.1 Level AA</meta>
          <meta property="a11y:certifiedBy">{$w?publisher}</meta>
        </metadata>
        <manifest>
          <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
          <item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>
          <item id="registers" href="registers.xhtml" media-type="application/xhtml+xml"/>
          <item id="css" href="{$ed:epub-css}" media-type="text/css"/>
          <xsl:for-each select="$images">
            <item id="image-{position()}" href="{.}" media-type="{ed:image-media-type(.)}"/>
          </xsl:for-each>
        </manifest>
        <spine>
          <itemref idref="text"/>
          <itemref idref="nav" linear="no"/>
          <itemref idref="registers"/>
        </spine>
      </package>
    </xsl:result-document>
  </xsl:template>

  <!-- The navigation document: the table of contents and the landmarks. -->
  <xsl:template name="ed:epub-nav">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="text" as="element(tei:text)" select="$doc/tei:TEI/tei:text"/>
    <xsl:call-template name="ed:epub-document">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="'nav.xhtml'"/>
      <xsl:with-param name="title" select="ed:label('reading.contents')"/>
      <xsl:with-param name="type" select="'frontmatter'"/>
      <xsl:with-param name="content" as="node()*">
        <nav epub:type="toc" role="doc-toc" id="toc">
          <h1>{ed:book-parts($doc)[?part = 'contents']?label}</h1>
          <ol>
            <xsl:for-each select="ed:book-parts($doc)[not(?part = 'contents')]">
              <li>
                <a href="{if (?part = 'index') then $ed:epub-registers else $ed:epub-text}#{?id}">{?label}</a>
                <!-- A list in the navigation document may not be empty: the registers' list only if one has entries. -->
                <xsl:variable name="registers" as="map(*)*" select="$ed:register-kinds[exists(ed:sorted-entries($doc, .))]"/>
                <xsl:if test="?part = 'index' and exists($registers)">
                  <ol>
                    <xsl:for-each select="$registers">
                      <li><a href="{$ed:epub-registers}#register-{?kind}">{?title}</a></li>
                    </xsl:for-each>
                  </ol>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </nav>
        <nav epub:type="landmarks" id="landmarks" hidden="hidden">
          <h2>{ed:label('book.landmarks')}</h2>
          <ol>
            <li><a epub:type="titlepage" href="{$ed:epub-text}#title-page">{ed:book-parts($doc)[?part = 'title-page']?label}</a></li>
            <li><a epub:type="bodymatter" href="{$ed:epub-text}#{$text/tei:body/tei:div[1]/@xml:id}">{ed:label('book.text')}</a></li>
            <li><a epub:type="index" href="{$ed:epub-registers}#index">{ed:book-parts($doc)[?part = 'index']?label}</a></li>
          </ol>
        </nav>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The text: title page, the text's divisions, the reader comment, the notes, the corrections. -->
  <xsl:template name="ed:epub-text">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:call-template name="ed:epub-document">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="$ed:epub-text"/>
      <xsl:with-param name="title" select="$w?title"/>
      <xsl:with-param name="type" select="'bodymatter'"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:for-each select="ed:book-parts($doc)">
          <xsl:variable name="part" as="map(xs:string, item()*)" select="."/>
          <xsl:choose>
            <xsl:when test="?part = 'title-page'">
              <xsl:variable name="page" as="element(tei:titlePage)?" select="?nodes/tei:titlePage"/>
              <xsl:variable name="byline" as="map(xs:string, node()*)" select="ed:byline-parts($page/tei:byline)"/>
              <section id="{?id}" class="title-page" epub:type="titlepage" aria-label="{?label}">
                <!-- A text with no title page of its own (the schema allows it): the header's title and author. -->
                <h1 class="book-title"><xsl:apply-templates select="$page/tei:docTitle/tei:titlePart/node()" mode="ed:html"/><xsl:if test="empty($page/tei:docTitle)">{$w?title}</xsl:if></h1>
                <p class="byline"><span class="byline-author"><xsl:apply-templates select="$byline?author" mode="ed:html"/><xsl:if test="empty($page/tei:byline)">{$w?author}</xsl:if></span>
                  <xsl:if test="exists($byline?date)"><br/><span class="byline-date"><xsl:apply-templates select="$byline?date" mode="ed:html"/></span></xsl:if></p>
                <xsl:call-template name="ed:book-title-facts"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
              </section>
            </xsl:when>
            <xsl:when test="?part = 'section'">
              <xsl:apply-templates select="?nodes" mode="ed:html"/>
            </xsl:when>
            <xsl:when test="?part = 'comment'">
              <xsl:for-each select="?nodes">
                <section id="{@xml:id}" class="comments">
                  <xsl:if test="position() = 1"><h2>{$part?label}</h2></xsl:if>
                  <xsl:apply-templates select="node()" mode="ed:html"/>
                </section>
              </xsl:for-each>
            </xsl:when>
            <xsl:when test="?part = 'notes'">
              <section id="{?id}" class="notes" epub:type="footnotes">
                <h2>{?label}</h2>
                <xsl:apply-templates select="?nodes" mode="ed:epub-footnote"/>
              </section>
            </xsl:when>
            <xsl:when test="?part = 'corrections'">
              <section id="{?id}" class="apparatus">
                <h2>{?label}</h2>
                <p>{ed:corrections-preface(false())}</p>
                <ol><xsl:apply-templates select="?nodes" mode="ed:apparatus"/></ol>
              </section>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The registers: every entry of every kind, its description, and links to the paragraphs that mention it. -->
  <xsl:template name="ed:epub-registers">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:call-template name="ed:epub-document">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="$ed:epub-registers"/>
      <xsl:with-param name="title" select="ed:book-parts($doc)[?part = 'index']?label"/>
      <xsl:with-param name="type" select="'backmatter'"/>
      <xsl:with-param name="content" as="node()*">
        <section id="index" class="registers" epub:type="index" role="doc-index">
          <h1>{ed:book-parts($doc)[?part = 'index']?label}</h1>
          <xsl:for-each select="$ed:register-kinds">
            <xsl:variable name="entries" as="element()*" select="ed:sorted-entries($doc, .)"/>
            <xsl:if test="$entries">
              <section id="register-{?kind}" class="register">
                <h2>{?title}</h2>
                <dl>
                  <xsl:for-each select="$entries">
                    <xsl:variable name="paragraphs" as="element(tei:p)*" select="ed:entry-paragraphs(.)"/>
                    <dt id="{@xml:id}">{ed:entry-name(.)}<xsl:for-each select="ed:han-names(.)"><xsl:text> </xsl:text><span class="han" lang="{@xml:lang}" xml:lang="{@xml:lang}">{normalize-space(.)}</span></xsl:for-each></dt>
                    <dd>
                      <xsl:variable name="description" as="xs:string" select="ed:entry-description(.)"/>
                      <xsl:if test="$description">{$description}</xsl:if>
                      <xsl:if test="$paragraphs">
                        <span class="loci">
                          <xsl:for-each select="$paragraphs">
                            <xsl:if test="position() gt 1">, </xsl:if>
                            <a href="{$ed:epub-text}#{@xml:id}">{ed:paragraph-label(.)}</a>
                          </xsl:for-each>
                        </span>
                      </xsl:if>
                    </dd>
                  </xsl:for-each>
                </dl>
              </section>
            </xsl:if>
          </xsl:for-each>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
