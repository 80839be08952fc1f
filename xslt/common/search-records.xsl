<?xml version="1.0" encoding="UTF-8"?>
<!-- The search records, written as data by the stylesheets that write the pages (edition.outputs.search gives them to
     Pagefind): one record per citable unit, as a map {url, title, content, language, part, section, meta}.
     part: the search parts of declarations.xsl (ed:search-part) the unit is filed under; section: where in the
     part (the text's section, the register's title …). Each page-writing entry point calls ed:search-records once. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- The search parts, in the order the search page lists them: {'name', 'label', 'pages'}. -->
  <xsl:variable name="ed:search-parts" as="map(xs:string, item()*)*" select="$ed:declarations/ed:search-part ! map{
    'name': string(@name), 'label': ed:label(@label), 'pages': let $name := @name return ../ed:page[@search-part = $name]/@file ! string()}"/>

  <!-- The search part a page is filed under: the part that names it, else the part that names no page and no kind. -->
  <xsl:function name="ed:search-part-of-page" as="xs:string" visibility="public">
    <xsl:param name="page" as="xs:string"/>
    <xsl:sequence select="($ed:search-parts[?pages = $page], $ed:search-parts[empty(?pages)][not(?name = $ed:declarations/ed:kind/@search-part)])[1]?name"/>
  </xsl:function>

  <!-- One record. $content: the unit's text (joined with spaces, whitespace normalised). -->
  <xsl:function name="ed:search-record" as="map(xs:string, item())" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="url" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="xs:string*"/>
    <xsl:param name="parts" as="xs:string+"/>
    <xsl:param name="sections" as="xs:string*"/>
    <xsl:param name="meta" as="map(xs:string, xs:string)"/>
    <xsl:sequence select="map{'url': $url, 'title': normalize-space($title), 'content': normalize-space(string-join($content, ' ')),
      'language': (root($doc)/tei:TEI/@xml:lang, 'en')[1] ! string(), 'part': array{$parts}, 'section': array{$sections[.]}, 'meta': $meta}"/>
  </xsl:function>

  <!-- Writes the records of one page (or set of pages) to search/records-{$name}.json, outside html/ (not published). -->
  <xsl:template name="ed:search-records" as="empty-sequence()">
    <xsl:param name="name" as="xs:string" required="yes"/>
    <xsl:param name="records" as="map(xs:string, item())*" required="yes"/>
    <xsl:result-document href="search/records-{$name}.json" method="json" encoding="UTF-8" indent="no">
      <xsl:sequence select="array{$records}"/>
    </xsl:result-document>
  </xsl:template>

  <!-- The essay's section a paragraph is in, as its contents list names it. -->
  <xsl:function name="ed:search-section" as="xs:string">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:variable name="div" as="element(tei:div)" select="$p/ancestor::tei:div[last()]"/>
    <xsl:sequence select="if ($p/ancestor::tei:back) then ed:division-label($p/ancestor::tei:div[parent::tei:back])
      else if ($div/tei:head) then ed:plain($div/tei:head[1], 'reading') else ed:label('reading.introduction')"/>
  </xsl:function>

  <!-- Every name an entry records (display name, other names, original scripts and romanisations), once each. -->
  <xsl:function name="ed:search-names" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="distinct-values($entry/tei:*[local-name() = $ed:name-elements] ! normalize-space())"/>
  </xsl:function>

  <!-- The reading view's paragraphs. Meta "introduces": the names of the entries the text names (a name element,
       not an rs, which paraphrases) for the first time in this paragraph, so that it ranks first for them. -->
  <xsl:function name="ed:essay-records" as="map(xs:string, item())*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="paragraphs" as="element(tei:p)*" select="ed:paragraphs($doc)"/>
    <xsl:variable name="named" as="map(xs:string, element()*)" select="map:merge($paragraphs ! map{generate-id(.):
      (.//*[@ref][not(self::tei:rs)][not(ancestor::tei:note)]/@ref) ! ed:entries-of(.)})"/>
    <xsl:variable name="first" as="map(xs:string, xs:string)" select="map:merge(
      $paragraphs ! (let $p := generate-id(.) return $named($p) ! map{generate-id(.): $p}), map{'duplicates': 'use-first'})"/>
    <xsl:variable name="part" as="xs:string" select="ed:search-part-of-page('index.html')"/>
    <xsl:sequence select="$paragraphs ! (let $p := generate-id(.),
      $introduced := $named($p)[$first(generate-id(.)) = $p] ! ed:search-names(.) => distinct-values()
      return ed:search-record(., 'index.html#' || @xml:id, ed:paragraph-label(.), ed:plain(., 'reading'), $part,
        ed:search-section(.), if (exists($introduced)) then map{'introduces': string-join($introduced, ' ')} else map{}))"/>
  </xsl:function>

  <!-- Every register entry, in kind and page order, filed under its kind's search part. An entry that speaks in the
       text (Voices) is one record: its quotations are added, it is filed under the Voices page's part too, and its
       meta "voices" links to them. -->
  <xsl:function name="ed:register-records" as="map(xs:string, item())*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="voices" as="map(xs:string, item()*)" select="$ed:search-parts[?pages = 'voices.html']"/>
    <xsl:for-each select="$ed:register-kinds">
      <xsl:variable name="kind" as="map(xs:string, item()*)" select="."/>
      <xsl:variable name="part" as="xs:string" select="$ed:declarations/ed:kind[@name = $kind?kind]/@search-part"/>
      <xsl:for-each select="ed:sorted-entries($doc, $kind)">
        <xsl:variable name="said" as="element()*" select="key('ed:who', '#' || @xml:id, $doc)[self::tei:said][ed:in-text(.)]"/>
        <xsl:sequence select="ed:search-record(., ed:entity-href(.), ed:entry-name(.),
          (ed:search-names(.), ed:entry-dates(.), ed:entry-description(.), $said ! ed:plain(., 'reading')),
          ($part, $voices[exists($said)]?name), ($kind?title, $voices[exists($said)]?label),
          if (exists($said) and exists($voices)) then map{'voices': 'voices.html#voice-' || @xml:id} else map{})"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
