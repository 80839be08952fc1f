<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the index pages html/persons.html, places.html, organisations.html, events.html,
     works.html and glossary.html. Each entry (anchor = its xml:id) shows its name, other names, type,
     dates, place hierarchy and coordinates, authority links, description, and one link per paragraph
     that mentions it, quotes it or gives it voice, in reading order. One rule renders every kind. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common/html-layer.xsl"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:register-entry" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="ed:entry-name" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:for-each select="$ed:register-kinds">
      <xsl:variable name="kind" as="map(xs:string, item()*)" select="."/>
      <xsl:variable name="entries" as="element()*" select="ed:sorted-entries($doc, $kind)"/>
      <xsl:call-template name="ed:page">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="href" select="$kind?page"/>
        <xsl:with-param name="title" select="$kind?title"/>
        <xsl:with-param name="description" select="$kind?title || ' named in the text, with every paragraph that mentions each.'"/>
        <xsl:with-param name="head-extra" as="element()*">
          <xsl:if test="$kind?figure"><link rel="stylesheet" href="assets/maps.css"/></xsl:if>
        </xsl:with-param>
        <xsl:with-param name="content" as="element()*">
          <article class="register register-{$kind?kind}">
            <h1>{$kind?title}</h1>
            <p class="register-summary">{count($entries)} entries. Each lists every paragraph of the text and the comments that names it.</p>
            <!-- The kind's illustration (declarations.xsl @figure): a named template of maps.xsl, on the edition. -->
            <xsl:for-each select="$doc">
              <xsl:choose>
                <xsl:when test="$kind?figure = 'place-map'"><xsl:call-template name="ed:place-map"/></xsl:when>
                <xsl:when test="$kind?figure = 'event-timeline'"><xsl:call-template name="ed:event-timeline"/></xsl:when>
              </xsl:choose>
            </xsl:for-each>
            <xsl:for-each-group select="$entries" group-adjacent="ed:entry-group(.)">
              <xsl:choose>
                <xsl:when test="current-grouping-key()">
                  <section class="register-group" id="group-{encode-for-uri(replace(lower-case(current-grouping-key()), '\s+', '-'))}">
                    <h2>{ed:group-title(current-grouping-key())} <span class="count">({count(current-group())})</span></h2>
                    <xsl:apply-templates select="current-group()" mode="ed:register-entry"/>
                  </section>
                </xsl:when>
                <xsl:otherwise>
                  <xsl:apply-templates select="current-group()" mode="ed:register-entry"/>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each-group>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
  </xsl:template>

  <!-- A group heading: persons' groups as they are, place types in the plural ("Cities"). -->
  <xsl:function name="ed:group-title" as="xs:string">
    <xsl:param name="group" as="xs:string"/>
    <xsl:variable name="plural" as="map(xs:string, xs:string)" select="map{'city': 'Cities', 'country': 'Countries',
      'province': 'Provinces', 'region': 'Regions', 'continent': 'Continents', 'district': 'Districts',
      'village': 'Villages', 'town': 'Towns', 'state': 'States', 'site': 'Sites'}"/>
    <xsl:sequence select="($plural($group), $group)[1]"/>
  </xsl:function>

  <!-- One entry, whatever its kind: what does not apply to a kind is simply empty. -->
  <xsl:template match="*[local-name() = $ed:register-kinds?elements]" mode="ed:register-entry">
    <xsl:variable name="kind" as="map(xs:string, item()*)" select="ed:register-kind(.)"/>
    <xsl:variable name="aliases" as="xs:string*" select="ed:entry-aliases(.)"/>
    <xsl:variable name="dates" as="xs:string" select="ed:entry-dates(.)"/>
    <xsl:variable name="type" as="xs:string" select="normalize-space(string-join((@type, @role), ', '))"/>
    <xsl:variable name="coordinates" as="xs:string*" select="ed:coordinates(.)"/>
    <xsl:variable name="authorities" as="map(xs:string, xs:string)*" select="ed:authority-ids(.)"/>
    <xsl:variable name="description" as="element()?" select="ed:description-of(.)[normalize-space()]"/>
    <article id="{@xml:id}" class="entry k-{$kind?kind}{@type ! (' ' || .)}">
      <xsl:sequence select="ed:retired-anchors(@xml:id, $retired)"/>
      <h3 class="entry-name">
        <xsl:apply-templates select="ed:display-name(.)" mode="ed:entry-name"/>
        <xsl:call-template name="ed:original-names"/>
      </h3>
      <dl class="entry-facts">
        <xsl:if test="exists($aliases)"><dt>Also named</dt><dd>{string-join($aliases, '; ')}</dd></xsl:if>
        <xsl:if test="$type"><dt>Type</dt><dd>{$type}</dd></xsl:if>
        <xsl:if test="$dates"><dt>Dates</dt><dd>{$dates}</dd></xsl:if>
        <xsl:if test="tei:author[normalize-space()]"><dt>Author</dt><dd>{string-join(tei:author ! normalize-space(), '; ')}</dd></xsl:if>
        <xsl:if test="count(ed:place-hierarchy(.)) gt 1">
          <dt>Located in</dt>
          <dd class="hierarchy">
            <xsl:for-each select="ed:place-hierarchy(.)">
              <xsl:if test="position() gt 1"> › </xsl:if>
              <a href="#{@xml:id}">{ed:entry-name(.)}</a>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="count($coordinates) = 2">
          <dt>Coordinates</dt>
          <dd><a class="geo" href="https://www.openstreetmap.org/?mlat={$coordinates[1]}&amp;mlon={$coordinates[2]}#map=9/{$coordinates[1]}/{$coordinates[2]}">{$coordinates[1]}, {$coordinates[2]}</a></dd>
        </xsl:if>
        <xsl:if test="exists($authorities)">
          <dt>Authority files</dt>
          <dd class="authorities">
            <xsl:for-each select="$authorities">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="{?url}" rel="external">{?label} {?id}</a>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="tei:note[@type = 'members'][normalize-space()]">
          <dt>Members</dt>
          <dd>{ed:plain(tei:note[@type = 'members']/node(), 'reading')}</dd>
        </xsl:if>
      </dl>
      <xsl:if test="$description"><p class="description"><xsl:apply-templates select="$description/node()" mode="ed:html"/></p></xsl:if>
      <xsl:for-each select="tei:note[@type = 'editorial'][normalize-space()]">
        <p class="editorial-note"><span class="label">Editors’ note:</span><xsl:text> </xsl:text><xsl:apply-templates mode="ed:html"/></p>
      </xsl:for-each>
      <xsl:call-template name="ed:entry-links"/>
    </article>
  </xsl:template>

  <!-- The display name; a glossary term in italics, any name in another language keeps it for screen readers. -->
  <xsl:template match="tei:term" mode="ed:entry-name">
    <i lang="{(@xml:lang, 'en')[1]}">{normalize-space(.)}</i>
  </xsl:template>
  <xsl:template match="*" mode="ed:entry-name">
    <xsl:choose>
      <xsl:when test="@xml:lang"><span lang="{@xml:lang}">{normalize-space(.)}</span></xsl:when>
      <xsl:otherwise>{normalize-space(.)}</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The paragraphs pointing at the context entry, one list per relation (mentioned, speaks, quoted). -->
  <xsl:template name="ed:entry-links" as="element()+">
    <xsl:variable name="entry" as="element()" select="."/>
    <xsl:variable name="lists" as="element()*">
      <xsl:for-each select="$ed:relations">
        <xsl:variable name="paragraphs" as="element(tei:p)*" select="ed:paragraphs-by($entry, ?key)"/>
        <xsl:if test="exists($paragraphs)">
          <p class="mentions {substring-after(?key, ':')}">
            <span class="label">{?label}:</span>
            <xsl:text> </xsl:text>
            <xsl:for-each select="$paragraphs">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="index.html#{@xml:id}" title="{ed:paragraph-label(.)} ({@xml:id})">{ed:paragraph-label(.)}</a>
            </xsl:for-each>
          </p>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($lists)) then $lists else ed:no-mentions()"/>
  </xsl:template>

  <xsl:function name="ed:no-mentions" as="element()">
    <p class="mentions none">Not named in the text itself (listed as the place of another entry, or in a note).</p>
  </xsl:function>

</xsl:stylesheet>
