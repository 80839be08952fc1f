<?xml version="1.0" encoding="UTF-8"?>
<!-- The page shell every HTML page shares: head, site navigation, footer.
     Entry stylesheets call ed:page with a title, a page file name and the main content. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The pages of the site navigation, in order: file name and label. -->
  <xsl:variable name="ed:site-pages" as="map(xs:string, xs:string)*" select="(
    map{'href': 'index.html', 'label': 'Reading text'},
    map{'href': 'persons.html', 'label': 'Persons'},
    map{'href': 'places.html', 'label': 'Places'},
    map{'href': 'organisations.html', 'label': 'Organisations'},
    map{'href': 'events.html', 'label': 'Events'},
    map{'href': 'works.html', 'label': 'Works'},
    map{'href': 'glossary.html', 'label': 'Glossary'},
    map{'href': 'voices.html', 'label': 'Voices'},
    map{'href': 'figures.html', 'label': 'Figures'})"/>

  <!-- Extension point: extra elements for <head> (metadata, scripts). Default: none. -->
  <xsl:template name="ed:head-extra" as="element()*"/>

  <xsl:template name="ed:page">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="title" as="xs:string" required="yes"/>
    <xsl:param name="content" as="node()*" required="yes"/>
    <xsl:param name="head-extra" as="element()*" select="()"/>
    <xsl:variable name="work" as="xs:string" select="normalize-space($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = 'main'])"/>
    <xsl:result-document href="html/{$href}" method="html" html-version="5" encoding="UTF-8" indent="no">
      <html lang="en">
        <head>
          <meta charset="utf-8"/>
          <meta name="viewport" content="width=device-width, initial-scale=1"/>
          <title>{if ($title = $work) then $title else $title || ' — ' || $work}</title>
          <link rel="stylesheet" href="assets/edition.css"/>
          <xsl:sequence select="$head-extra"/>
        </head>
        <body>
          <a class="skip" href="#main">Skip to content</a>
          <header class="site">
            <p class="site-title"><a href="index.html">{$work}</a></p>
            <nav aria-label="Edition">
              <ul>
                <xsl:for-each select="$ed:site-pages">
                  <li><a href="{?href}">
                    <xsl:if test="?href = $href"><xsl:attribute name="aria-current">page</xsl:attribute></xsl:if>
                    {?label}</a></li>
                </xsl:for-each>
              </ul>
            </nav>
          </header>
          <main id="main">
            <xsl:sequence select="$content"/>
          </main>
          <footer class="site">
            <p>{normalize-space($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition)}. Source: {normalize-space($doc/tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:title[@level = 'm'])} web page; TEI source and registers published with the edition.</p>
          </footer>
        </body>
      </html>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
