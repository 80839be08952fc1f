<?xml version="1.0" encoding="UTF-8"?>
<!-- The page shell every HTML page shares: head with citation metadata (Highwire, Dublin Core), linked
     data (ed:page-jsonld) and the favicon, site navigation with a search box, the optional highlight switch,
     footer with one COinS span. Entry stylesheets call ed:page with a title, a page file name and the main
     content; the one way to add to <head> is its head-extra parameter. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The pages of the site navigation, in order: file name and label. Declared once (declarations.xsl: the
       pages with nav="yes", the register pages where ed:register-pages stands); a register with no entries has
       no page, so no link. -->
  <xsl:function name="ed:site-pages" as="map(xs:string, xs:string)*" cache="yes">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="registers" as="map(xs:string, xs:string)*" select="ed:kinds-with-entries($doc) ! map{'href': ?page, 'label': ?title}"/>
    <xsl:sequence select="$ed:declarations/(ed:page[@nav = 'yes'] | ed:register-pages) !
      (if (self::ed:register-pages) then $registers else map{'href': string(@file), 'label': ed:label(@title)})"/>
  </xsl:function>

  <!-- What the highlight switch can mark: key (CSS hook "hl-{key}", the checkbox's id), label, and for register
       kinds the class it colours. The kinds come from declarations.xsl (those with a highlight colour);
       quotations and numbers are styled in edition.css. -->
  <xsl:variable name="ed:highlights" as="map(xs:string, xs:string)*" select="(
    $ed:register-kinds[?highlight] ! map{'key': substring-before(?page, '.html'), 'label': ?title, 'kind': ?kind, 'colour': ?highlight},
    map{'key': 'quotations', 'label': ed:label('highlight.quotations')},
    map{'key': 'numbers', 'label': ed:label('highlight.numbers')})"/>

  <!-- What the switch offers on the pages of one edition: no register kind that has no entries. -->
  <xsl:function name="ed:highlights" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="present" as="xs:string*" select="ed:kinds-with-entries($doc)?kind"/>
    <xsl:sequence select="$ed:highlights[not(?kind) or ?kind = $present]"/>
  </xsl:function>

  <!-- html/highlight.css: the highlight rules of the register kinds, written from the declaration (no rule per
       kind by hand); pages with the switch link it after edition.css. -->
  <xsl:template name="ed:highlight-css" as="empty-sequence()">
    <xsl:result-document href="html/highlight.css" method="text" encoding="UTF-8">
      <xsl:text>/* Written by the build from the register kinds' declaration (xslt/common/declarations.xsl). */&#10;</xsl:text>
      <xsl:value-of select="$ed:highlights[?kind] ! (
        '.highlight-switch .hl-' || ?key || ' { border-bottom: 3px solid ' || ?colour || '; }',
        'body:has(#hl-' || ?key || ':checked) .k-' || ?kind || ', body.hl-' || ?key || ' .k-' || ?kind || ' { background: ' || ?colour || '; color: var(--hl-ink); }')"
        separator="&#10;"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

  <!-- One HTML page, written to html/{$href}.
       $doc       the assembled edition (its header gives the metadata);
       $href      the page's file name, e.g. 'persons.html' (marks the current page in the navigation);
       $title     the page's title (the edition's title is appended unless it is the same);
       $content   the contents of <main>;
       $head-extra      more elements for <head>;
       $highlight       show the highlight switch (pages with tagged text);
       $description     a one-line description of the page for <meta name="description"> ('' = the edition's). -->
  <xsl:template name="ed:page">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <xsl:param name="head-extra" as="element()*" select="()"/>
    <xsl:param name="highlight" as="xs:boolean" select="false()"/>
    <xsl:param name="description" as="xs:string" select="''"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <!-- The page's address under the edition's canonical URL ('' when the edition has none). -->
    <xsl:variable name="canonical" as="xs:string" select="string(ed:base-url($doc, $base-url)[.] ! (. || $href))"/>
    <xsl:result-document href="html/{$href}" method="html" html-version="5" encoding="UTF-8" indent="no">
      <html lang="{($lang[.], 'en')[1]}">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title>{if ($title = $w?title) then $title else $title || ' — ' || $w?title}</title>
          <meta name="description" content="{($description[.], ed:page-description($href)[.], ed:label('page.description', ($w?author, $w?title)))[1]}"/>
          <link rel="icon" href="assets/favicon.svg" type="image/svg+xml"/>
          <link rel="stylesheet" href="assets/edition.css"/>
          <link rel="stylesheet" href="assets/site.css"/>
          <link rel="stylesheet" href="assets/popovers.css"/>
          <link rel="stylesheet" href="assets/print-view.css"/>
          <xsl:if test="$highlight"><link rel="stylesheet" href="highlight.css"/></xsl:if>
          <xsl:call-template name="ed:metadata">
            <xsl:with-param name="doc" select="$doc"/>
          </xsl:call-template>
          <xsl:for-each select="$doc"><xsl:call-template name="ed:page-jsonld"/></xsl:for-each>
          <xsl:sequence select="$head-extra"/>
          <xsl:if test="$release"><link rel="stylesheet" href="../../assets/versions.css"/></xsl:if>
          <link rel="stylesheet" href="assets/dark.css"/>
          <xsl:if test="$canonical"><link rel="canonical" href="{$canonical}"/></xsl:if>
          <!-- The running head of a page printed from the browser (print-view.css sets the rest of @page). -->
          <style>@page {{ @top-left {{ content: "{ed:css-string($w?author || ', ' || $w?title)}"; }} }}</style>
          <script src="assets/edition.js" defer=""></script>
          <script src="assets/popovers.js" defer=""></script>
        </head>
        <body data-labels="{ed:labels-json(ed:label-keys()[starts-with(., 'js.')])}">
          <xsl:if test="$release">
            <xsl:call-template name="ed:version-banner"><xsl:with-param name="href" select="$href"/></xsl:call-template>
          </xsl:if>
          <a class="skip" href="#main">{ed:label('page.skip')}</a>
          <header class="site">
            <p class="site-title"><a href="index.html">{$w?title}</a></p>
            <xsl:if test="$canonical"><p class="page-url">{$canonical}</p></xsl:if>
            <!-- On a narrow screen the navigation folds behind its summary (site.css); on a wide one it is
                 always shown and the summary is not. A <details> works without JavaScript. -->
            <details class="site-menu">
              <summary>{ed:label('nav.menu')}</summary>
              <nav aria-label="{ed:label('nav.edition')}">
                <ul>
                  <xsl:for-each select="ed:site-pages($doc)">
                    <li><a href="{?href}"><xsl:if test="?href = $href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>{?label}</a></li>
                  </xsl:for-each>
                </ul>
              </nav>
            </details>
            <form class="search-box" role="search" action="search.html" method="get">
              <label for="site-search">{ed:label('search.label')}</label>
              <input id="site-search" type="search" name="q" autocomplete="off" placeholder="{ed:label('search.placeholder')}"/>
              <button type="submit">{ed:label('search.button')}</button>
            </form>
          </header>
          <xsl:if test="$highlight">
            <xsl:call-template name="ed:highlight-switch"><xsl:with-param name="doc" select="$doc"/></xsl:call-template>
          </xsl:if>
          <main id="main">
            <xsl:sequence select="$content"/>
          </main>
          <footer class="site">
            <p>{$w?edition}{ed:version-label($w)[.] ! (', ' || .)}, {$w?publisher}, {$w?edition-year}. {ed:label('footer.source')} {ed:source-text($doc)} <a href="index.html#how-to-cite">{ed:label('footer.how-to-cite')}</a>. <a href="{ed:tei-download-href($doc)}">{ed:label('footer.tei-source')}</a> {ed:label('footer.tei-source-what')}<xsl:if test="$books">, <a href="../pdf/{$w?id}.pdf">PDF</a>, <a href="../epub/{$w?id}.epub">EPUB</a></xsl:if>.</p>
            <xsl:call-template name="ed:coins">
              <xsl:with-param name="doc" select="$doc"/>
            </xsl:call-template>
          </footer>
          <p class="status" role="status" aria-live="polite"></p>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

  <!-- The source as the header describes it (title block, footer, Dublin Core) (sourceDesc/bibl): its words, titles marked, notes and related
       publications left for their own lines. -->
  <xsl:mode name="ed:source" on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:template match="text()" mode="ed:source"><xsl:value-of select="replace(., '\s+', ' ')"/></xsl:template>
  <xsl:template match="tei:note | tei:relatedItem" mode="ed:source"/>
  <xsl:template match="tei:title[@level = 'a']" mode="ed:source">“<xsl:apply-templates mode="#current"/>”</xsl:template>
  <xsl:template match="tei:title[not(@level = 'a')]" mode="ed:source"><cite><xsl:apply-templates mode="#current"/></cite></xsl:template>

  <!-- The source's description as one line of text. -->
  <xsl:function name="ed:source-text" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="rendered" as="node()*">
      <xsl:apply-templates select="root($doc)/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[1]" mode="ed:source"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($rendered ! string()))"/>
  </xsl:function>

  <!-- The highlight switch: checkboxes that work through CSS alone (body:has(#hl-… :checked));
       the script only remembers the choice. -->
  <xsl:template name="ed:highlight-switch">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <!-- Folded behind its summary on a narrow screen, always open (and sticky) on a wide one (site.css). -->
    <details class="highlight-panel">
      <summary>{ed:label('highlight.summary')}</summary>
      <form class="highlight-switch" aria-label="{ed:label('highlight.form')}">
        <fieldset>
          <legend>{ed:label('highlight.summary')}</legend>
          <xsl:for-each select="ed:highlights($doc)">
            <label class="hl-{?key}"><input type="checkbox" id="hl-{?key}" name="hl" value="{?key}"/> {?label}</label>
          </xsl:for-each>
        </fieldset>
      </form>
    </details>
  </xsl:template>

  <!-- Small elements to fill a label's placeholders (ed:label-nodes): emphasis, strong emphasis, a link. -->
  <xsl:function name="ed:strong" as="element()"><xsl:param name="text" as="xs:string"/><strong>{$text}</strong></xsl:function>
  <xsl:function name="ed:em" as="element()"><xsl:param name="text" as="xs:string"/><em>{$text}</em></xsl:function>
  <xsl:function name="ed:code" as="element()"><xsl:param name="text" as="xs:string"/><code>{$text}</code></xsl:function>
  <xsl:function name="ed:link" as="element()">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <a href="{$href}">{$text}</a>
  </xsl:function>

  <!-- The banner of a kept release's page (html/v/N/): which version it is and when it was released, a link to the
       current edition's page and to what changed. Its links lead out of v/N/ (edition.releases leaves them be). -->
  <xsl:template name="ed:version-banner">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:variable name="dated" as="xs:string" select="if ($release-date) then ed:label('version.dated', ed:date-in-words($release-date)) else ''"/>
    <div class="version-banner" role="note"><p><xsl:sequence select="ed:label-nodes('version.banner', ($release, $dated,
      ed:link('../../' || $href, if ($current-version) then ed:label('version.current-n', $current-version) else ed:label('version.current')),
      ed:link('../../changes.html#version-' || $release, ed:label('version.what-changed'))))"/></p></div>
  </xsl:template>

  <!-- A string as the body of a double-quoted CSS string (inside <style>: no "<" either). -->
  <xsl:function name="ed:css-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace(normalize-space($text), '\\', '\\5c '), '&quot;', '\\22 '), '&lt;', '\\3c ')"/>
  </xsl:function>

  <!-- Citation metadata for reference managers: Highwire Press citation_* tags and Dublin Core. -->
  <xsl:template name="ed:metadata" as="element()*">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="url" as="xs:string" select="ed:permalink('', ed:base-url($doc, $base-url))"/>
    <meta name="citation_title" content="{$w?title}"/>
    <meta name="citation_author" content="{$w?author-family}, {$w?author-given}"/>
    <meta name="citation_publication_date" content="{$w?edition-year}"/>
    <meta name="citation_publisher" content="{$w?publisher}"/>
    <meta name="citation_public_url" content="{$url}"/>
    <meta name="citation_fulltext_html_url" content="{$url}"/>
    <meta name="citation_language" content="{($lang[.], 'en')[1]}"/>
    <xsl:if test="$w?version"><meta name="citation_version" content="{ed:version-label($w)}"/></xsl:if>
    <link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <meta name="DC.title" content="{$w?title}"/>
    <meta name="DC.creator" content="{$w?author-family}, {$w?author-given}"/>
    <meta name="DC.publisher" content="{$w?publisher}"/>
    <meta name="DC.date" content="{$w?edition-year}"/>
    <meta name="DC.language" content="{($lang[.], 'en')[1]}"/>
    <meta name="DC.identifier" content="{$url}"/>
    <meta name="DC.source" content="{ed:source-text($doc)}"/>
    <meta name="DC.description" content="{$w?edition}{ed:version-label($w)[.] ! (', ' || .)}: {$w?author}, “{$w?title}”."/>
    <xsl:if test="$w?version"><meta name="DC.hasVersion" content="{$w?version}"/></xsl:if>
  </xsl:template>

  <!-- One COinS span (OpenURL ContextObject in a span) describing the edition. -->
  <xsl:template name="ed:coins" as="element()">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:variable name="w" as="map(xs:string, xs:string)" select="ed:work($doc)"/>
    <xsl:variable name="pairs" as="xs:string*" select="(
      'ctx_ver=Z39.88-2004',
      'rft_val_fmt=' || encode-for-uri('info:ofi/fmt:kev:mtx:dc'),
      'rft.type=webpage',
      'rft.title=' || encode-for-uri($w?title),
      'rft.creator=' || encode-for-uri($w?author-family || ', ' || $w?author-given),
      'rft.aulast=' || encode-for-uri($w?author-family),
      'rft.aufirst=' || encode-for-uri($w?author-given),
      'rft.publisher=' || encode-for-uri($w?publisher),
      'rft.date=' || encode-for-uri($w?edition-year),
      'rft.source=' || encode-for-uri($w?site),
      'rft.identifier=' || encode-for-uri(ed:permalink('', ed:base-url($doc, $base-url))),
      if ($w?version) then 'rft.description=' || encode-for-uri(ed:version-label($w)) else (),
      'rft.language=' || ($lang[.], 'en')[1])"/>
    <span class="Z3988" title="{string-join($pairs, '&amp;')}"></span>
  </xsl:template>

</xsl:stylesheet>
