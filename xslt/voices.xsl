<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: who says what.
     html/voices.html        speech (said) grouped by speaker, speakers in the order they first speak, under the
                             section of the text where that is (with the place the register sets them in), each with the
                             description and a link to the persons entry, each utterance with its text
                             (reading view, typographic quotes) and its paragraph; then quoted writings
                             (quote) with their sources in the works register, then common expressions (q);
     index/quotations.json   one object per quotation of the text (said, quote, q, soCalled, mentioned, title),
     index/quotations.csv    in reading order: paragraph, n, label, speaker, speaker_name, kind, text, source.
     Editorial notes are not the text's words: quotations inside them are left out. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:utterance" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:variable name="ed:quotation-columns" as="xs:string+"
    select="('paragraph', 'n', 'label', 'speaker', 'speaker_name', 'kind', 'text', 'source')"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="quotations" as="element()*" select="tei:TEI/tei:text//(tei:said | tei:quote | tei:q | tei:soCalled | tei:mentioned | tei:title)[ed:in-text(.)]"/>
    <xsl:variable name="said" as="element()*" select="$quotations[self::tei:said]"/>
    <!-- Utterances by speaker identifier, built in one pass (a said with two speakers is under both). -->
    <xsl:variable name="by-speaker" as="map(xs:string, element()*)" select="map:merge(
      $said ! (for $speaker in ed:speakers(.) return map{string($speaker/@xml:id): .}), map{'duplicates': 'combine'})"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <!-- Speakers in the order they first speak (the said elements are in reading order). -->
    <xsl:variable name="speakers" as="element()*" select="distinct-values($said ! ed:speakers(.) ! string(@xml:id)) ! ed:entry($doc/*, '#' || .)"/>
    <!-- The parts of the text (ed:voice-part) where the speakers first speak, in order, each with its speakers:
         {'part': the section or comment, 'speakers': its speakers in order of first speech}; the contents and
         the sections below read the same grouping. -->
    <xsl:variable name="parts" as="map(xs:string, element()*)*">
      <xsl:for-each-group select="$speakers" group-adjacent="generate-id(ed:voice-part($by-speaker(string(@xml:id))[1]))">
        <xsl:sequence select="map{'part': ed:voice-part($by-speaker(string(@xml:id))[1]), 'speakers': current-group()}"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:variable name="unattributed" as="element()*" select="$said[empty(ed:speakers(.))]"/>
    <xsl:variable name="writings" as="element()*" select="$quotations[self::tei:quote]"/>
    <xsl:variable name="expressions" as="element()*" select="$quotations[self::tei:q]"/>
    <!-- Each quotation's row, computed once: the JSON and the CSV write the same rows, and the page reads
         the words of each utterance from its row (ed:quotation-text), by generate-id. -->
    <xsl:variable name="rows" as="array(xs:anyAtomicType?)*" select="$quotations ! ed:quotation-row(.)"/>
    <xsl:variable name="texts" as="map(xs:string, xs:string)" select="map:merge(
      for $i in 1 to count($quotations) return map{generate-id($quotations[$i]): string($rows[$i](index-of($ed:quotation-columns, 'text')))})"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="'voices.html'"/>
      <xsl:with-param name="title" select="ed:label('nav.voices')"/>
      <xsl:with-param name="head-extra" as="element()*"><link rel="stylesheet" href="assets/registers.css"/></xsl:with-param>
      <xsl:with-param name="content" as="element()*">
        <article class="voices">
          <h1>{ed:label('nav.voices')}</h1>
          <p class="register-summary">{ed:label('voices.summary', (string(count($said)), string(count($speakers)), string(count($writings))))}</p>
          <nav class="toc" aria-labelledby="voices-toc">
            <h2 id="voices-toc">{ed:label('reading.contents')}</h2>
            <ol>
              <li><a href="#speech">{ed:label('voices.speech-toc')}</a>
                <ol>
                  <xsl:for-each select="$parts">
                    <li><a href="#voices-{?part/@xml:id}">{ed:part-title(?part)}</a> ({count(?speakers)})</li>
                  </xsl:for-each>
                  <xsl:if test="exists($unattributed)"><li><a href="#voice-unattributed">{ed:label('voices.unattributed')}</a></li></xsl:if>
                </ol>
              </li>
              <li><a href="#writings">{ed:label('voices.writings')}</a></li>
              <xsl:if test="exists($expressions)"><li><a href="#expressions">{ed:label('voices.expressions')}</a></li></xsl:if>
            </ol>
          </nav>
          <section id="speech" aria-labelledby="speech-heading">
            <h2 id="speech-heading">{ed:label('voices.speech')}</h2>
            <p class="register-summary">{ed:label('voices.speech-intro')}</p>
            <!-- One part per section of the text (where its speakers first speak), speakers in order of first speech. -->
            <xsl:for-each select="$parts">
              <xsl:variable name="part" as="element()" select="?part"/>
              <section class="voice-part" id="voices-{$part/@xml:id}" aria-labelledby="voices-{$part/@xml:id}-heading">
                <h3 id="voices-{$part/@xml:id}-heading">{ed:part-title($part)}</h3>
                <xsl:for-each select="?speakers">
                  <xsl:variable name="utterances" as="element()*" select="$by-speaker(string(@xml:id))"/>
                  <xsl:variable name="place" as="xs:string?" select="parent::tei:listPerson/tei:head[1] ! normalize-space()"/>
                  <section class="speaker k-{ed:register-kind(.)?kind}" id="voice-{@xml:id}">
                    <h4><a href="{ed:entity-href(.)}">{ed:entry-name(.)}</a><xsl:call-template name="ed:original-names"/><xsl:text> </xsl:text><span class="count">({count($utterances)} {ed:label(if (count($utterances) = 1) then 'voices.quotation' else 'voices.quotations')})</span></h4>
                    <xsl:if test="$place and not(parent::tei:listPerson/@type = 'unplaced')"><p class="speaker-place">{$place}</p></xsl:if>
                    <xsl:variable name="description" as="xs:string" select="ed:entry-description(.)"/>
                    <xsl:if test="$description"><p class="description">{$description}</p></xsl:if>
                    <ol class="utterances"><xsl:apply-templates select="$utterances" mode="ed:utterance"><xsl:with-param name="ed:quotation-texts" select="$texts" tunnel="yes"/></xsl:apply-templates></ol>
                  </section>
                </xsl:for-each>
              </section>
            </xsl:for-each>
            <xsl:if test="exists($unattributed)">
              <section class="voice-part" id="voice-unattributed" aria-labelledby="voice-unattributed-heading">
                <h3 id="voice-unattributed-heading">{ed:label('voices.unattributed')} <span class="count">({count($unattributed)})</span></h3>
                <ol class="utterances"><xsl:apply-templates select="$unattributed" mode="ed:utterance"><xsl:with-param name="ed:quotation-texts" select="$texts" tunnel="yes"/></xsl:apply-templates></ol>
              </section>
            </xsl:if>
          </section>
          <section id="writings" aria-labelledby="writings-heading">
            <h2 id="writings-heading">{ed:label('voices.writings')}</h2>
            <ol class="utterances"><xsl:apply-templates select="$writings" mode="ed:utterance"><xsl:with-param name="ed:quotation-texts" select="$texts" tunnel="yes"/></xsl:apply-templates></ol>
          </section>
          <xsl:if test="exists($expressions)">
            <section id="expressions" aria-labelledby="expressions-heading">
              <h2 id="expressions-heading">{ed:label('voices.expressions')}</h2>
              <ol class="utterances"><xsl:apply-templates select="$expressions" mode="ed:utterance"><xsl:with-param name="ed:quotation-texts" select="$texts" tunnel="yes"/></xsl:apply-templates></ol>
            </section>
          </xsl:if>
        </article>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="ed:search-records">
      <xsl:with-param name="name" select="'voices'"/>
      <xsl:with-param name="records" select="for $s in (['voice-unattributed', ed:label('voices.unattributed'), $unattributed], ['writings', ed:label('voices.writings'), $writings],
        ['expressions', ed:label('voices.expressions'), $expressions])[exists(?3)] return ed:search-record($doc, 'voices.html#' || $s?1, $s?2,
        ($s?2, $s?3 ! $texts(generate-id(.))), ed:search-part-of-page('voices.html'), ed:label('nav.voices'), map{})"/>
    </xsl:call-template>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/quotations.json'"/>
      <xsl:with-param name="json" as="element(fn:array)">
        <fn:array>
          <xsl:for-each select="$rows">
            <xsl:variable name="row" as="array(*)" select="."/>
            <xsl:sequence select="ed:json-object(for $i in 1 to count($ed:quotation-columns) return [$ed:quotation-columns[$i], $row($i)])"/>
          </xsl:for-each>
        </fn:array>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:write-csv">
      <xsl:with-param name="href" select="'index/quotations.csv'"/>
      <xsl:with-param name="columns" select="$ed:quotation-columns"/>
      <xsl:with-param name="rows" select="$rows"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The part of the text an utterance stands in: its section of the text, or its comment. -->
  <xsl:function name="ed:voice-part" as="element()">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/ancestor::tei:div[@xml:id][1], root($e)/*)[1]"/>
  </xsl:function>

  <!-- A part's title as the reader sees it in the contents: the section's heading, "Introduction", "Back matter". -->
  <xsl:function name="ed:part-title" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="if ($part/ancestor::tei:back) then ed:division-label($part/ancestor-or-self::tei:div[parent::tei:back])
      else if ($part/tei:head) then ed:plain($part/tei:head[1], 'reading')
      else if ($part/@type = 'introduction') then ed:label('reading.introduction') else ed:label('voices.the-text')"/>
  </xsl:function>

  <!-- One quotation as a row, in the order of $ed:quotation-columns (absent values empty). -->
  <xsl:function name="ed:quotation-row" as="array(xs:anyAtomicType?)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" as="element(tei:p)?" select="ed:paragraph-of($e)"/>
    <xsl:variable name="speakers" as="element()*" select="ed:speakers($e)"/>
    <xsl:variable name="sources" as="xs:string*" select="tokenize(normalize-space(($e/@source, $e/self::tei:title/@ref)[1]), ' ') ! substring-after(., '#')"/>
    <xsl:sequence select="[
      $p/@xml:id ! string(),
      $p ! ed:paragraph-number(.),
      $p ! ed:paragraph-label(.),
      if (exists($speakers)) then string-join($speakers/@xml:id, ' ') else (),
      if (exists($speakers)) then string-join($speakers ! ed:entry-name(.), '; ') else (),
      local-name($e),
      ed:quotation-text($e),
      if (exists($sources)) then string-join($sources, ' ') else ()]"/>
  </xsl:function>

  <!-- The words of a quotation in the reading view, with typographic quotes when the witness quoted it. -->
  <xsl:function name="ed:quotation-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:plain($e, 'reading')"/>
  </xsl:function>

  <!-- One utterance or quoted writing: its words, its source or directness, and its paragraph. -->
  <xsl:template match="tei:said | tei:quote | tei:q" mode="ed:utterance">
    <xsl:param name="ed:quotation-texts" as="map(xs:string, xs:string)" tunnel="yes" required="yes"/>
    <xsl:variable name="p" as="element(tei:p)?" select="ed:paragraph-of(.)"/>
    <xsl:variable name="sources" as="element()*" select="tokenize(normalize-space(@source), ' ') ! ed:entry(current(), .)"/>
    <li class="{local-name()}">
      <blockquote>
        <xsl:if test="$p"><xsl:attribute name="cite" select="'index.html#' || $p/@xml:id"/></xsl:if>
        <p>{$ed:quotation-texts(generate-id())}</p>
      </blockquote>
      <p class="attribution">
        <xsl:if test="@direct = 'false'"><span class="indirect">reported speech</span> · </xsl:if>
        <xsl:if test="self::tei:said[@cert]"><span class="inferred">attribution inferred by the editors{if (ed:uncertain(.)) then ' (uncertain)' else ''}</span> · </xsl:if>
        <xsl:for-each select="$sources">
          <a class="source" href="{ed:entity-href(.)}" title="{ed:entry-description(.)}">{ed:entry-name(.)}</a>
          <xsl:text> · </xsl:text>
        </xsl:for-each>
        <xsl:if test="self::tei:quote and empty($sources)"><span class="source">source not identified</span> · </xsl:if>
        <xsl:choose>
          <xsl:when test="$p"><a class="where" href="index.html#{$p/@xml:id}">{ed:paragraph-label($p)}</a></xsl:when>
          <xsl:otherwise><span class="where">outside the paragraphs</span></xsl:otherwise>
        </xsl:choose>
      </p>
    </li>
  </xsl:template>

</xsl:stylesheet>
