<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the registers as data, one row per entry in index order (as on the HTML pages).
     index/entities.json   array of {id, kind, type, name, aliases, original_names ([{lang, name}]: characters
                           and romanisations), description, dates, latitude, longitude,
                           parent, wikidata, geonames, viaf, href, paragraphs}; coordinates are numbers, absent values null;
     index/entities.csv    id, kind, name, description, latitude, longitude, wikidata, geonames, viaf,
                           paragraphs (space-separated identifiers), RFC 4180, formulas neutralised;
     index/places.geojson  a FeatureCollection of every place with coordinates ([longitude, latitude]),
                           properties id, name, type, description, paragraphs.
     "paragraphs": every paragraph that mentions the entry, gives it voice or quotes it, in reading order. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fn="http://www.w3.org/2005/xpath-functions"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all" expand-text="yes">

  <xsl:import href="common/common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="entries" as="element()*" select="ed:all-sorted-entries(.)"/>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/entities.json'"/>
      <xsl:with-param name="json" as="element(fn:array)">
        <fn:array><xsl:sequence select="$entries ! ed:entity-json(.)"/></fn:array>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:write-csv">
      <xsl:with-param name="href" select="'index/entities.csv'"/>
      <xsl:with-param name="columns" select="('id', 'kind', 'name', 'description', 'latitude', 'longitude', 'wikidata', 'geonames', 'viaf', 'paragraphs')"/>
      <xsl:with-param name="rows" select="$entries ! [
        string(@xml:id), ed:register-kind(.)?kind, ed:entry-name(.), ed:entry-description(.),
        ed:latitude(.), ed:longitude(.),
        ed:authority-id(., 'wikidata'), ed:authority-id(., 'geonames'), ed:authority-id(., 'viaf'),
        string-join(ed:entry-paragraphs(.)/@xml:id, ' ')]"/>
    </xsl:call-template>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/places.geojson'"/>
      <xsl:with-param name="json" select="ed:json-object((
        ['type', 'FeatureCollection'],
        ['features', $entries[self::tei:place][exists(ed:latitude(.))] ! ed:place-feature(.), 'array']))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Coordinates as numbers (decimal degrees), or nothing. -->
  <xsl:function name="ed:latitude" as="xs:decimal?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:coordinates($entry)[1][. castable as xs:decimal] ! xs:decimal(.)"/>
  </xsl:function>
  <xsl:function name="ed:longitude" as="xs:decimal?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:coordinates($entry)[2][. castable as xs:decimal] ! xs:decimal(.)"/>
  </xsl:function>

  <xsl:function name="ed:entity-json" as="element(fn:map)">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:json-object((
      ['id', string($entry/@xml:id)],
      ['kind', ed:register-kind($entry)?kind],
      ['type', $entry/@type ! string()],
      ['name', ed:entry-name($entry)],
      ['aliases', ed:entry-aliases($entry), 'array'],
      ['original_names', ed:original-names($entry) ! ed:json-object((['lang', string(@xml:lang)], ['name', normalize-space(.)])), 'array'],
      ['description', ed:entry-description($entry)],
      ['dates', ed:entry-dates($entry)[.]],
      ['latitude', ed:latitude($entry)],
      ['longitude', ed:longitude($entry)],
      ['parent', $entry/parent::tei:place/@xml:id ! string()],
      ['wikidata', ed:authority-id($entry, 'wikidata')[.]],
      ['geonames', ed:authority-id($entry, 'geonames')[.]],
      ['viaf', ed:authority-id($entry, 'viaf')[.]],
      ['href', ed:entity-href($entry)],
      ['paragraphs', ed:entry-paragraphs($entry)/@xml:id ! string(), 'array']))"/>
  </xsl:function>

  <!-- A GeoJSON Point feature: coordinates in GeoJSON order, [longitude, latitude] (RFC 7946). -->
  <xsl:function name="ed:place-feature" as="element(fn:map)">
    <xsl:param name="place" as="element(tei:place)"/>
    <xsl:sequence select="ed:json-object((
      ['type', 'Feature'],
      ['id', string($place/@xml:id)],
      ['geometry', ed:json-object((['type', 'Point'], ['coordinates', (ed:longitude($place), ed:latitude($place)), 'array']))],
      ['properties', ed:json-object((
        ['id', string($place/@xml:id)],
        ['name', ed:entry-name($place)],
        ['type', $place/@type ! string()],
        ['description', ed:entry-description($place)],
        ['paragraphs', ed:entry-paragraphs($place)/@xml:id ! string(), 'array']))]))"/>
  </xsl:function>

</xsl:stylesheet>
