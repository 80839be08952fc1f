<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the figures of the text (every num, measure and dated date of the text, outermost only).
     html/figures.html     one section per kind (money, percentages, people, years and dates, durations,
                           other quantities, other numbers, ordinals), each ordered by value, then all
                           figures in reading order; no script needed;
     index/figures.json    one object per figure in reading order: paragraph, n, label, kind, element, type,
     index/figures.csv     value, at_least, at_most (numbers; ISO strings for dates), unit, text, context
                           (the ~6 words before it, reading view). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fn="http://www.w3.org/2005/xpath-functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:figure-row" on-no-match="fail" on-multiple-match="fail"/>

  <!-- How many words of context precede a figure. -->
  <xsl:variable name="ed:context-words" as="xs:integer" select="6"/>

  <xsl:variable name="ed:figure-columns" as="xs:string+"
    select="('paragraph', 'n', 'label', 'kind', 'element', 'type', 'value', 'at_least', 'at_most', 'unit', 'text', 'context')"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="figures" as="element()*" select="ed:figures(.)"/>
    <!-- Each figure's row, computed once: the JSON and the CSV write them, and the tables (where every figure
         appears twice, under its kind and in reading order) read its kind, text, context and paragraph from it. -->
    <xsl:variable name="rows" as="array(xs:anyAtomicType?)*" select="$figures ! ed:figure-row(.)"/>
    <xsl:variable name="row-of" as="map(xs:string, array(xs:anyAtomicType?))" select="map:merge(
      for $i in 1 to count($figures) return map{generate-id($figures[$i]): $rows[$i]})"/>
    <!-- The figures of each kind, in reading order. -->
    <xsl:variable name="by-kind" as="map(xs:string, element()*)" select="map:merge(
      for $i in 1 to count($figures) return map{string(ed:figure-cell($rows[$i], 'kind')): $figures[$i]}, map{'duplicates': 'combine'})"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="'figures.html'"/>
      <xsl:with-param name="title" select="ed:label('nav.figures')"/>
      <xsl:with-param name="head-extra" as="element()*"><link rel="stylesheet" href="assets/registers.css"/></xsl:with-param>
      <xsl:with-param name="content" as="element()*">
        <article class="figures">
          <h1>{ed:label('nav.figures')}</h1>
          <p class="register-summary">{ed:label('figures.summary', string(count($figures)))}</p>
          <nav class="toc" aria-labelledby="figures-toc">
            <h2 id="figures-toc">{ed:label('figures.kinds')}</h2>
            <ol>
              <xsl:for-each select="$ed:figure-kinds[map:contains($by-kind, ?kind)]">
                <xsl:variable name="kind" as="xs:string" select="?kind"/>
                <li><a href="#kind-{$kind}">{?title}</a> ({count($by-kind($kind))})</li>
              </xsl:for-each>
              <li><a href="#reading-order">{ed:label('figures.reading-order')}</a></li>
            </ol>
          </nav>
          <xsl:for-each select="$ed:figure-kinds">
            <xsl:variable name="kind" as="xs:string" select="?kind"/>
            <xsl:variable name="these" as="element()*" select="$by-kind($kind)"/>
            <xsl:if test="exists($these)">
              <section id="kind-{$kind}" class="figure-kind" aria-labelledby="kind-{$kind}-heading">
                <h2 id="kind-{$kind}-heading">{?title} <span class="count">({count($these)})</span></h2>
                <xsl:call-template name="ed:figure-table">
                  <xsl:with-param name="ed:figure-rows" select="$row-of" tunnel="yes"/>
                  <xsl:with-param name="figures" as="element()*">
                    <xsl:perform-sort select="$these">
                      <xsl:sort select="if ($kind = 'money') then string(@unit) else ''"/>
                      <xsl:sort select="ed:figure-sort-key(.)"/>
                    </xsl:perform-sort>
                  </xsl:with-param>
                </xsl:call-template>
              </section>
            </xsl:if>
          </xsl:for-each>
          <section id="reading-order" aria-labelledby="reading-order-heading">
            <details>
              <summary><h2 id="reading-order-heading">{ed:label('figures.reading-order')}</h2></summary>
              <xsl:call-template name="ed:figure-table">
                <xsl:with-param name="ed:figure-rows" select="$row-of" tunnel="yes"/>
                <xsl:with-param name="figures" select="$figures"/>
                <xsl:with-param name="show-kind" select="true()"/>
              </xsl:call-template>
            </details>
          </section>
        </article>
      </xsl:with-param>
    </xsl:call-template>

    <xsl:call-template name="ed:search-records">
      <xsl:with-param name="name" select="'figures'"/>
      <xsl:with-param name="records" select="$ed:figure-kinds[map:contains($by-kind, ?kind)] ! ed:search-record($doc, 'figures.html#kind-' || ?kind, ?title,
        (?title, $by-kind(?kind) ! $row-of(generate-id(.)) ! (ed:figure-cell(., 'text'), ed:figure-cell(., 'context'), ed:figure-cell(., 'label')) ! string()),
        ed:search-part-of-page('figures.html'), ed:label('nav.figures'), map{})"/>
    </xsl:call-template>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/figures.json'"/>
      <xsl:with-param name="json" as="element(fn:array)">
        <fn:array>
          <xsl:for-each select="$rows">
            <xsl:variable name="row" as="array(*)" select="."/>
            <xsl:sequence select="ed:json-object(for $i in 1 to count($ed:figure-columns) return [$ed:figure-columns[$i], $row($i)])"/>
          </xsl:for-each>
        </fn:array>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:write-csv">
      <xsl:with-param name="href" select="'index/figures.csv'"/>
      <xsl:with-param name="columns" select="$ed:figure-columns"/>
      <xsl:with-param name="rows" select="$rows"/>
    </xsl:call-template>
  </xsl:template>

  <!-- One figure as a row, in the order of $ed:figure-columns. -->
  <xsl:function name="ed:figure-row" as="array(xs:anyAtomicType?)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="p" as="element(tei:p)?" select="ed:paragraph-of($e)"/>
    <xsl:variable name="v" as="map(xs:string, xs:anyAtomicType?)" select="ed:figure-values($e)"/>
    <xsl:sequence select="[
      $p/@xml:id ! string(),
      $p ! ed:paragraph-number(.),
      $p ! ed:paragraph-label(.),
      ed:figure-kind($e),
      local-name($e),
      $e/@type ! string(),
      $v?value, $v?at_least, $v?at_most,
      $e/@unit ! string(),
      ed:plain($e, 'reading'),
      ed:words-before($e, $ed:context-words)]"/>
  </xsl:function>

  <!-- One column of a figure's row, by its name in $ed:figure-columns. -->
  <xsl:function name="ed:figure-cell" as="xs:anyAtomicType?">
    <xsl:param name="row" as="array(xs:anyAtomicType?)"/>
    <xsl:param name="column" as="xs:string"/>
    <xsl:sequence select="$row(index-of($ed:figure-columns, $column))"/>
  </xsl:function>

  <!-- The normalised value with thousands separators: 1,000,000; 70–80; at least 100,000. Dates as they are (1993–1994). -->
  <xsl:function name="ed:figure-amount" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:figure-display($e, function($x) {
      if ($x instance of xs:decimal) then format-number($x, '#,##0.##########') else string($x) })"/>
  </xsl:function>

  <!-- The period an amount is counted in, where the words right after it give one ("460 Yuan per month",
       "Y50 a day", "$100 monthly"): 'per day', 'per week', 'per month', 'per year', or nothing. -->
  <xsl:variable name="ed:periods" as="map(xs:string, xs:string)" select="map{'day': 'day', 'daily': 'day', 'week': 'week',
    'weekly': 'week', 'month': 'month', 'monthly': 'month', 'year': 'year', 'yearly': 'year', 'annually': 'year'}"/>
  <xsl:function name="ed:figure-period" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="after" as="xs:string" select="lower-case(string($e/following-sibling::node()[1][self::text()]))"/>
    <xsl:variable name="word" as="xs:string?" select="
      if (matches($after, '^\s*(per|a|an|each|every)\s+(day|week|month|year)(\W|$)')) then replace($after, '^\s*(per|a|an|each|every)\s+(day|week|month|year)(\W|$).*$', '$2', 's')
      else if (matches($after, '^\s*(daily|weekly|monthly|yearly|annually)(\W|$)')) then replace($after, '^\s*(daily|weekly|monthly|yearly|annually)(\W|$).*$', '$1', 's')
      else ()"/>
    <xsl:sequence select="$word ! ed:label('figures.per', ed:label('figures.period.' || $ed:periods(.)))"/>
  </xsl:function>

  <xsl:template name="ed:figure-table" as="element()">
    <xsl:param name="figures" as="element()*" required="yes"/>
    <xsl:param name="show-kind" as="xs:boolean" select="false()"/>
    <table class="figure-table">
      <thead>
        <tr>
          <xsl:if test="$show-kind"><th scope="col">{ed:label('figures.kind')}</th></xsl:if>
          <th scope="col">{ed:label('figures.value')}</th><th scope="col">{ed:label('figures.unit')}</th><th scope="col">{ed:label('figures.in-the-text')}</th><th scope="col">{ed:label('figures.where')}</th>
        </tr>
      </thead>
      <tbody>
        <xsl:apply-templates select="$figures" mode="ed:figure-row">
          <xsl:with-param name="show-kind" select="$show-kind"/>
        </xsl:apply-templates>
      </tbody>
    </table>
  </xsl:template>

  <!-- One figure in a table; its row (ed:figure-row) gives the kind, text, context and paragraph (the
       paragraph's label is there exactly when the figure stands in a paragraph, its identifier or not). -->
  <xsl:template match="tei:num | tei:measure | tei:date" mode="ed:figure-row">
    <xsl:param name="show-kind" as="xs:boolean" required="yes"/>
    <xsl:param name="ed:figure-rows" as="map(xs:string, array(xs:anyAtomicType?))" tunnel="yes" required="yes"/>
    <xsl:variable name="row" as="array(xs:anyAtomicType?)" select="$ed:figure-rows(generate-id())"/>
    <xsl:variable name="before" as="xs:string" select="string(ed:figure-cell($row, 'context'))"/>
    <tr>
      <xsl:if test="$show-kind"><td class="kind" data-label="{ed:label('figures.kind')}">{ed:figure-cell($row, 'kind')}</td></xsl:if>
      <td class="value" data-label="{ed:label('figures.value')}">{ed:figure-amount(.)}</td>
      <td class="unit" data-label="{ed:label('figures.unit')}">{normalize-space(string-join(((@unit, if (@type = 'percentage') then '%' else ())[1], ed:figure-period(.)), ' '))}</td>
      <td class="context" data-label="{ed:label('figures.in-the-text')}">{if ($before) then '… ' || $before || ' ' else ''}<strong>{ed:figure-cell($row, 'text')}</strong></td>
      <td class="where" data-label="{ed:label('figures.where')}">
        <xsl:choose>
          <xsl:when test="exists(ed:figure-cell($row, 'label'))"><a href="index.html#{ed:figure-cell($row, 'paragraph')}">{ed:figure-cell($row, 'label')}</a></xsl:when>
          <xsl:otherwise>{local-name(ed:block-of(.))}</xsl:otherwise>
        </xsl:choose>
      </td>
    </tr>
  </xsl:template>

</xsl:stylesheet>
