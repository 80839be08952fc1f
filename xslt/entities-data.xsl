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

  <xsl:use-package name="urn:weil-edition:common" package-version="1.0"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>

  <xsl:template match="/">
    <!-- Every entry's fields, computed once: the three files share them. -->
    <xsl:variable name="records" as="map(xs:string, item()*)*" select="ed:all-sorted-entries(.) ! ed:entity-record(.)"/>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/entities.json'"/>
      <xsl:with-param name="json" as="element(fn:array)">
        <fn:array><xsl:sequence select="$records ! ed:entity-json(.)"/></fn:array>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:write-csv">
      <xsl:with-param name="href" select="'index/entities.csv'"/>
      <xsl:with-param name="columns" select="('id', 'kind', 'name', 'description', 'latitude', 'longitude', 'wikidata', 'geonames', 'viaf', 'paragraphs')"/>
      <xsl:with-param name="rows" select="$records ! [
        ?id, ?kind, ?name, ?description, ?latitude, ?longitude,
        ed:authority(., 'wikidata'), ed:authority(., 'geonames'), ed:authority(., 'viaf'),
        string-join(?paragraphs, ' ')]"/>
    </xsl:call-template>
    <xsl:call-template name="ed:write-json">
      <xsl:with-param name="href" select="'index/places.geojson'"/>
      <xsl:with-param name="json" select="ed:json-object((
        ['type', 'FeatureCollection'],
        ['features', $records[?entry/self::tei:place][exists(?latitude)] ! ed:place-feature(.), 'array']))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An entry's fields as the data files give them; coordinates as numbers (decimal degrees) or nothing,
       authority identifiers by authority ('' when the entry has none). -->
  <xsl:function name="ed:entity-record" as="map(xs:string, item()*)">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="coordinates" as="xs:string*" select="ed:coordinates($entry)"/>
    <xsl:variable name="authorities" as="map(xs:string, xs:string)*" select="ed:authority-ids($entry)"/>
    <xsl:sequence select="map{
      'entry': $entry,
      'id': string($entry/@xml:id),
      'kind': ed:register-kind($entry)?kind,
      'name': ed:entry-name($entry),
      'description': ed:entry-description($entry),
      'latitude': $coordinates[1][. castable as xs:decimal] ! xs:decimal(.),
      'longitude': $coordinates[2][. castable as xs:decimal] ! xs:decimal(.),
      'authorities': map:merge($authorities ! map{?type: ?id}, map{'duplicates': 'use-first'}),
      'paragraphs': ed:entry-paragraphs($entry)/@xml:id ! string()}"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- The first identifier of one authority in a record, or ''. -->
  <xsl:function name="ed:authority" as="xs:string">
    <xsl:param name="record" as="map(xs:string, item()*)"/>
    <xsl:param name="type" as="xs:string"/>
    <xsl:sequence select="($record?authorities($type), '')[1]"/>
  </xsl:function>

  <!-- One row of entities.json, written out as xml-to-json XML (absent values null). -->
  <xsl:function name="ed:entity-json" as="element(fn:map)">
    <xsl:param name="record" as="map(xs:string, item()*)"/>
    <xsl:variable name="entry" as="element()" select="$record?entry"/>
    <fn:map>
      <fn:string key="id">{$record?id}</fn:string>
      <fn:string key="kind">{$record?kind}</fn:string>
      <xsl:sequence select="ed:json-value('type', $entry/@type ! string())"/>
      <fn:string key="name">{$record?name}</fn:string>
      <fn:array key="aliases">
        <xsl:for-each select="ed:entry-aliases($entry)"><fn:string>{.}</fn:string></xsl:for-each>
      </fn:array>
      <fn:array key="original_names">
        <xsl:for-each select="ed:original-names($entry)">
          <fn:map><fn:string key="lang">{@xml:lang}</fn:string><fn:string key="name">{normalize-space(.)}</fn:string></fn:map>
        </xsl:for-each>
      </fn:array>
      <fn:string key="description">{$record?description}</fn:string>
      <xsl:sequence select="
        ed:json-value('dates', ed:entry-dates($entry)[.]),
        ed:json-value('latitude', $record?latitude),
        ed:json-value('longitude', $record?longitude),
        ed:json-value('parent', $entry/parent::tei:place/@xml:id ! string()),
        ('wikidata', 'geonames', 'viaf') ! ed:json-value(., ed:authority($record, .)[.])"/>
      <fn:string key="href">{ed:entity-href($entry)}</fn:string>
      <xsl:sequence select="ed:json-strings('paragraphs', $record?paragraphs)"/>
    </fn:map>
  </xsl:function>

  <!-- A GeoJSON Point feature: coordinates in GeoJSON order, [longitude, latitude] (RFC 7946). -->
  <xsl:function name="ed:place-feature" as="element(fn:map)">
    <xsl:param name="record" as="map(xs:string, item()*)"/>
    <fn:map>
      <fn:string key="type">Feature</fn:string>
      <fn:string key="id">{$record?id}</fn:string>
      <fn:map key="geometry">
        <fn:string key="type">Point</fn:string>
        <fn:array key="coordinates"><xsl:for-each select="$record?longitude, $record?latitude"><fn:number>{.}</fn:number></xsl:for-each></fn:array>
      </fn:map>
      <fn:map key="properties">
        <fn:string key="id">{$record?id}</fn:string>
        <fn:string key="name">{$record?name}</fn:string>
        <xsl:sequence select="ed:json-value('type', $record?entry/@type ! string())"/>
        <fn:string key="description">{$record?description}</fn:string>
        <xsl:sequence select="ed:json-strings('paragraphs', $record?paragraphs)"/>
      </fn:map>
    </fn:map>
  </xsl:function>

  <!-- A JSON array of strings. -->
  <xsl:function name="ed:json-strings" as="element(fn:array)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <fn:array key="{$key}"><xsl:for-each select="$values"><fn:string>{.}</fn:string></xsl:for-each></fn:array>
  </xsl:function>

</xsl:stylesheet>
