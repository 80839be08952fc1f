<?xml version="1.0" encoding="UTF-8"?>
<!-- The map of places and the timeline of events, drawn as static SVG at build time.
     ed:place-map (on the places page) and ed:event-timeline (on the events page) take the
     assembled edition's document node as context. The base map's shapes come from the build
     (parameter basemap), projected from an offline data set; each panel of it says its own
     projection, which the markers here reuse. Nothing is fetched at run time; every mark is a link
     with an accessible name, and a list beside each figure says the same in text. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:math="http://www.w3.org/2005/xpath-functions/math" xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:svg="http://www.w3.org/2000/svg"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <!-- Register entries by identifier. -->
  <xsl:key name="ed:map-entry" match="tei:standOff//*[@xml:id]" use="@xml:id"/>

  <!-- ===================================================================== map of places -->

  <!-- The places with coordinates, most mentioned first: maps {'entry', 'lat', 'lon', 'mentions'}. -->
  <xsl:function name="ed:located-places" as="map(xs:string, item())*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="located" as="map(xs:string, item())*">
      <xsl:for-each select="$doc/tei:TEI/tei:standOff//tei:place[@xml:id][count(ed:coordinates(.)) = 2]">
        <xsl:variable name="coordinates" as="xs:double+" select="ed:coordinates(.) ! xs:double(.)"/>
        <xsl:sequence select="map{'entry': ., 'lat': $coordinates[1], 'lon': $coordinates[2],
          'mentions': count(ed:pointers(., 'ed:ref'))}"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:perform-sort select="$located">
      <xsl:sort select="?mentions" order="descending"/>
      <xsl:sort select="ed:entry-name(?entry)" lang="en"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- A marker's radius in SVG units: its area grows with the mentions. -->
  <xsl:function name="ed:marker-radius" as="xs:double" visibility="public">
    <xsl:param name="mentions" as="xs:integer"/>
    <xsl:param name="scale" as="xs:double"/>
    <xsl:sequence select="round((2.5 + 1.6 * math:sqrt($mentions)) * $scale, 1)"/>
  </xsl:function>

  <!-- "1 mention", "32 mentions", "not named in the text". -->
  <xsl:function name="ed:mention-count" as="xs:string" visibility="public">
    <xsl:param name="mentions" as="xs:integer"/>
    <xsl:sequence select="if ($mentions = 0) then ed:label('map.not-named') else ed:label(if ($mentions = 1) then 'map.mention' else 'map.mentions', string($mentions))"/>
  </xsl:function>

  <!-- Does a panel of the base map hold a point? -->
  <xsl:function name="ed:in-panel" as="xs:boolean" visibility="public">
    <xsl:param name="panel" as="element(svg:g)"/>
    <xsl:param name="place" as="map(xs:string, item())"/>
    <xsl:sequence select="$place?lon ge xs:double($panel/@data-west) and $place?lon le xs:double($panel/@data-east)
      and $place?lat ge xs:double($panel/@data-south) and $place?lat le xs:double($panel/@data-north)"/>
  </xsl:function>

  <!-- A point's x and y in a panel, by the projection the panel declares. -->
  <xsl:function name="ed:project" as="xs:double+" visibility="public">
    <xsl:param name="panel" as="element(svg:g)"/>
    <xsl:param name="lon" as="xs:double"/>
    <xsl:param name="lat" as="xs:double"/>
    <xsl:sequence select="round(($lon - xs:double($panel/@data-west)) * xs:double($panel/@data-kx), 1),
      round((xs:double($panel/@data-north) - $lat) * xs:double($panel/@data-ky), 1)"/>
  </xsl:function>

  <xsl:template name="ed:place-map" as="element()">
    <xsl:variable name="places" as="map(xs:string, item())*" select="ed:located-places(.)"/>
    <xsl:variable name="panels" as="element(svg:g)*" select="if ($basemap) then parse-xml($basemap)/svg:svg/svg:g[@data-panel] else ()"/>
    <xsl:variable name="main" as="element(svg:g)?" select="$panels[@data-panel = 'main']"/>
    <xsl:variable name="outside" as="map(xs:string, item())*" select="$places[exists($main) and not(ed:in-panel($main, .))]"/>
    <section class="place-map" aria-labelledby="place-map-title">
      <h2 id="place-map-title">{ed:label('map.heading')}</h2>
      <p class="map-summary">{ed:label('map.summary', string(count($places)))}</p>
      <div class="map-layout">
        <div class="map-figures">
          <xsl:for-each select="$panels">
            <xsl:variable name="panel" as="element(svg:g)" select="."/>
            <xsl:variable name="shown" as="map(xs:string, item())*" select="
              if (@data-panel = 'world') then $outside else $places[ed:in-panel($panel, .)]"/>
            <xsl:call-template name="ed:map-panel">
              <xsl:with-param name="panel" select="$panel"/>
              <xsl:with-param name="shown" select="$shown"/>
              <xsl:with-param name="inner" select="$panels[@data-panel = (if ($panel/@data-panel = 'main') then 'zoom' else if ($panel/@data-panel = 'world') then 'main' else ())]"/>
            </xsl:call-template>
          </xsl:for-each>
        </div>
        <div class="map-list">
          <h3 id="map-list-title">{ed:label('map.list')}</h3>
          <ol class="map-places" aria-labelledby="map-list-title">
            <xsl:for-each select="$places">
              <li data-mentions="{?mentions}">
                <a href="{ed:entity-href(?entry)}">{ed:entry-name(?entry)}</a>
                <xsl:text> </xsl:text>
                <span class="count">{ed:mention-count(?mentions)}</span>
                <xsl:if test="?entry/@xml:id = $outside ! ?entry/@xml:id"><xsl:text> </xsl:text><span class="outside">{ed:label('map.outside')}</span></xsl:if>
              </li>
            </xsl:for-each>
          </ol>
        </div>
      </div>
    </section>
  </xsl:template>

  <!-- One figure: the panel's shapes, the frame of the inner panel if any, the markers, and labels. -->
  <xsl:template name="ed:map-panel" as="element()">
    <xsl:param name="panel" as="element(svg:g)"/>
    <xsl:param name="shown" as="map(xs:string, item())*"/>
    <xsl:param name="inner" as="element(svg:g)?"/>
    <xsl:variable name="name" as="xs:string" select="$panel/@data-panel"/>
    <xsl:variable name="title" as="xs:string" select="ed:label('map.' || $name)"/>
    <!-- The detail has half the main map's width and shows at about half its size, so both keep one
         scale for markers and names (about 10 px high beside the list at 1280 px); the world map, shown
         small, gets smaller ones. -->
    <xsl:variable name="scale" as="xs:double" select="if ($name = 'world') then 0.8 else 1.25"/>
    <xsl:variable name="em" as="xs:double" select="if ($name = 'world') then 13 else 18"/>
    <xsl:variable name="panel-width" as="xs:double" select="xs:double($panel/@data-width)"/>
    <xsl:variable name="panel-height" as="xs:double" select="xs:double($panel/@data-height)"/>
    <!-- Each place's marker, worked out once for the markers and the names: {'place', 'x', 'y', 'r', 'name'}. -->
    <xsl:variable name="marks" as="map(xs:string, item())*" select="$shown ! (
      let $xy := ed:project($panel, ?lon, ?lat)
      return map{'place': ., 'x': $xy[1], 'y': $xy[2], 'r': ed:marker-radius(?mentions, $scale), 'name': ed:entry-name(?entry)})"/>
    <figure class="map map-{$name}">
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$panel/@data-width} {$panel/@data-height}"
        aria-label="{$title}" class="map-svg">
        <rect class="sea" width="{$panel/@data-width}" height="{$panel/@data-height}" aria-hidden="true"/>
        <g class="shapes" aria-hidden="true">
          <xsl:for-each select="$panel/svg:path">
            <path class="{@class}" d="{@d}"/>
          </xsl:for-each>
        </g>
        <xsl:if test="exists($inner)">
          <xsl:variable name="nw" as="xs:double+" select="ed:project($panel, xs:double($inner/@data-west), xs:double($inner/@data-north))"/>
          <xsl:variable name="se" as="xs:double+" select="ed:project($panel, xs:double($inner/@data-east), xs:double($inner/@data-south))"/>
          <rect class="inner-frame" x="{$nw[1]}" y="{$nw[2]}" width="{round($se[1] - $nw[1], 1)}" height="{round($se[2] - $nw[2], 1)}" aria-hidden="true"/>
        </xsl:if>
        <g class="markers">
          <!-- Largest first, so that smaller markers on top of them stay reachable. -->
          <xsl:for-each select="$marks">
            <xsl:variable name="label" as="xs:string" select="?name || ', ' || ed:mention-count(?place?mentions)"/>
            <a href="{ed:entity-href(?place?entry)}" aria-label="{$label}" class="marker" data-place="{?place?entry/@xml:id}">
              <title>{$label}</title>
              <circle cx="{?x}" cy="{?y}" r="{?r}"/>
            </a>
          </xsl:for-each>
        </g>
        <g class="labels" aria-hidden="true" font-size="{$em}">
          <!-- Names by rank of mentions, each only where it overlaps no name already placed;
               the list beside the map names them all. -->
          <xsl:iterate select="$marks">
            <!-- The markers are obstacles from the start: a name never hides a neighbour's marker. -->
            <xsl:param name="boxes" as="array(xs:double)*" select="$marks ! [?x - ?r, ?y - ?r, ?x + ?r, ?y + ?r]"/>
            <xsl:variable name="gap" as="xs:double" select="?r + 2"/>
            <xsl:variable name="name" as="xs:string" select="?name"/>
            <xsl:variable name="width" as="xs:double" select="string-length($name) * $em * 0.55"/>
            <!-- Right of the marker, else left, above, below: the first place inside the panel and clear of
                 names already placed, as [x1, y1, x2, y2, text x, text y, anchor (1 start, 2 end, 3 middle)]. -->
            <xsl:variable name="cx" as="xs:double" select="?x"/>
            <xsl:variable name="cy" as="xs:double" select="?y"/>
            <xsl:variable name="candidates" as="array(xs:double)+" select="
              [$cx + $gap, $cy - 0.75 * $em, $cx + $gap + $width, $cy + 0.35 * $em, $cx + $gap, $cy + 0.35 * $em, 1e0],
              [$cx - $gap - $width, $cy - 0.75 * $em, $cx - $gap, $cy + 0.35 * $em, $cx - $gap, $cy + 0.35 * $em, 2e0],
              [$cx - $width div 2, $cy - $gap - 1.1 * $em, $cx + $width div 2, $cy - $gap, $cx, $cy - $gap - 0.25 * $em, 3e0],
              [$cx - $width div 2, $cy + $gap, $cx + $width div 2, $cy + $gap + 1.1 * $em, $cx, $cy + $gap + 0.85 * $em, 3e0]"/>
            <xsl:variable name="box" as="array(xs:double)?" select="$candidates[
              ?1 ge 0 and ?2 ge 0 and ?3 le $panel-width and ?4 le $panel-height]
              [every $b in $boxes satisfies (?3 lt $b(1) or ?1 gt $b(3) or ?4 lt $b(2) or ?2 gt $b(4))][1]"/>
            <xsl:if test="exists($box)">
              <text x="{round($box(5), 1)}" y="{round($box(6), 1)}" text-anchor="{('start', 'end', 'middle')[xs:integer($box(7))]}">{$name}</text>
            </xsl:if>
            <xsl:next-iteration>
              <xsl:with-param name="boxes" select="($boxes, $box)"/>
            </xsl:next-iteration>
          </xsl:iterate>
        </g>
      </svg>
      <figcaption>{$title}{if ($name = 'main') then ' (the box marks the detail)' else if ($name = 'world') then ' (the box marks the main map)' else ''}.</figcaption>
    </figure>
  </xsl:template>

  <!-- ===================================================================== timeline -->

  <!-- A date as a decimal year: "2004-06" starts at 2004.42 and ends at 2004.5, "1997" runs from 1997 to
       1998; nothing for a day without a year (a gMonthDay such as the comment's dateline). -->
  <xsl:function name="ed:decimal-year" as="xs:double?" visibility="public">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="end" as="xs:boolean"/>
    <xsl:if test="matches($value, '^\d{4}')">
      <xsl:variable name="year" as="xs:integer" select="xs:integer(substring($value, 1, 4))"/>
      <xsl:variable name="month" as="xs:integer?" select="if (matches($value, '^\d{4}-\d{2}')) then xs:integer(substring($value, 6, 2)) else ()"/>
      <xsl:sequence select="if (empty($month)) then $year + (if ($end) then 1 else 0)
        else $year + ($month - (if ($end) then 0 else 1)) div 12"/>
    </xsl:if>
  </xsl:function>

  <!-- The dating attributes of an event or a date, as a reader sees them ("1966 – 1976", "2004-12"). -->
  <xsl:function name="ed:dating" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="from" as="xs:string?" select="($e/@from, $e/@notBefore)[1]"/>
    <xsl:variable name="to" as="xs:string?" select="($e/@to, $e/@notAfter)[1]"/>
    <xsl:sequence select="if ($e/@when) then string($e/@when) else if ($from = $to) then $from else ($from, '?')[1] || ' – ' || ($to, '?')[1]"/>
  </xsl:function>

  <!-- Everything the timeline shows, by date: maps {'kind' ('event' or 'date'), 'start', 'end' (decimal
       years), 'label', 'when', 'entry' (the register entry, if any), 'targets' (paragraphs, or the
       identified part of the text a date stands in)}. One item per dated event of the register; one per
       distinct date of the text (its value and entry), listing every paragraph it occurs in; a date
       inside a mention of an event that is itself on the timeline is that event's, not an item again;
       a date in an editorial note is the editors' reasoning, not the text's. -->
  <xsl:function name="ed:timeline-items" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="events" as="element(tei:event)*" select="$doc/tei:TEI/tei:standOff//tei:event[@xml:id]
      [exists(ed:decimal-year((@when, @from, @notBefore, @to, @notAfter)[1], false()))]"/>
    <xsl:variable name="items" as="map(xs:string, item()*)*">
      <xsl:for-each select="$events">
        <xsl:sequence select="map{'kind': 'event', 'label': ed:entry-name(.), 'when': ed:dating(.), 'entry': .,
          'start': ed:decimal-year((@when, @from, @notBefore, @to, @notAfter)[1], false()),
          'end': ed:decimal-year((@when, @to, @notAfter, @from, @notBefore)[1], true()),
          'targets': ed:entry-paragraphs(.)}"/>
      </xsl:for-each>
      <xsl:for-each-group select="$doc/tei:TEI/tei:text//tei:date[exists(ed:decimal-year((@when, @from, @notBefore)[1], false()))]
        [not(ancestor::tei:note[@resp])]
        [not(ancestor::*[@ref][1] ! key('ed:map-entry', substring-after(tokenize(@ref, '\s+')[1], '#'), $doc) intersect $events)]"
        group-by="ed:dating(.) || ' ' || ancestor::*[@ref][1]/tokenize(@ref, '\s+')[1]">
        <xsl:variable name="mention" as="element()?" select="ancestor::*[@ref][1]"/>
        <xsl:sequence select="map{'kind': 'date', 'when': ed:dating(.),
          'label': string-join(distinct-values(current-group() ! normalize-space(.)), '; '),
          'entry': $mention ! key('ed:map-entry', substring-after(tokenize(@ref, '\s+')[1], '#'), $doc),
          'start': ed:decimal-year((@when, @from, @notBefore)[1], false()),
          'end': ed:decimal-year((@when, @to, @notAfter, @from, @notBefore)[1], true()),
          'targets': current-group() ! (ed:paragraph-of(.), ancestor::*[@xml:id][1])[1] | ()}"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:perform-sort select="$items">
      <xsl:sort select="?start"/>
      <xsl:sort select="?end"/>
      <xsl:sort select="?kind" order="descending"/>
      <xsl:sort select="?label"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- Where a mark of the timeline links: its register entry, else the first paragraph it occurs in
       (else the text, for a date in its title page). -->
  <xsl:function name="ed:timeline-href" as="xs:string" visibility="public">
    <xsl:param name="item" as="map(xs:string, item()*)"/>
    <xsl:sequence select="if (exists($item?entry)) then ed:entity-href($item?entry)
      else 'index.html' || $item?targets[1]/@xml:id ! ('#' || .)"/>
  </xsl:function>

  <!-- The x of every year from $first to $last + 1 on the axis: a year in or near an item gets $unit,
       a year far from all (the decades between the Paris Commune and the twentieth century) a tenth. -->
  <xsl:function name="ed:year-offsets" as="map(xs:integer, xs:double)" visibility="public">
    <xsl:param name="items" as="map(xs:string, item()*)*"/>
    <xsl:param name="first" as="xs:integer"/>
    <xsl:param name="last" as="xs:integer"/>
    <xsl:param name="unit" as="xs:double"/>
    <!-- The busy years (within three years of an item), found once per item rather than asked of every item
         for every year: a whole year lies within [start - 3, end + 3] from the ceiling of one to the floor of the other. -->
    <xsl:variable name="busy-years" as="map(xs:integer, xs:boolean)" select="map:merge(
      $items ! (xs:integer(ceiling(?start - 3)) to xs:integer(floor(?end + 3))) ! map{.: true()}, map{'duplicates': 'use-first'})"/>
    <xsl:iterate select="$first to $last + 1">
      <xsl:param name="offsets" as="map(xs:integer, xs:double)" select="map{}"/>
      <xsl:param name="x" as="xs:double" select="0"/>
      <xsl:on-completion select="$offsets"/>
      <xsl:variable name="year" as="xs:integer" select="."/>
      <xsl:variable name="busy" as="xs:boolean" select="map:contains($busy-years, $year)"/>
      <xsl:next-iteration>
        <xsl:with-param name="offsets" select="map:put($offsets, $year, $x)"/>
        <xsl:with-param name="x" select="$x + (if ($busy) then $unit else $unit div 10)"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <!-- A decimal year's x on the axis. -->
  <xsl:function name="ed:year-x" as="xs:double" visibility="public">
    <xsl:param name="offsets" as="map(xs:integer, xs:double)"/>
    <xsl:param name="year" as="xs:double"/>
    <xsl:variable name="whole" as="xs:integer" select="xs:integer(floor($year))"/>
    <xsl:sequence select="round($offsets($whole) + ($year - $whole) * (($offsets($whole + 1), $offsets($whole))[1] - $offsets($whole)), 1)"/>
  </xsl:function>

  <!-- A label short enough for the figure (the full one is in the mark's title and in the list). -->
  <xsl:function name="ed:short-label" as="xs:string" visibility="public">
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="if (string-length($label) le 30) then $label else replace(substring($label, 1, 29), '[\s,;:(]+$', '') || '…'"/>
  </xsl:function>

  <xsl:template name="ed:event-timeline" as="element()">
    <xsl:variable name="items" as="map(xs:string, item()*)*" select="ed:timeline-items(.)"/>
    <xsl:choose>
      <xsl:when test="empty($items)">
        <section class="event-timeline">
          <p class="timeline-summary">{ed:label('timeline.none')}</p>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:timeline-figure">
          <xsl:with-param name="items" select="$items"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The timeline of a non-empty list of items: the figure, then the list. -->
  <xsl:template name="ed:timeline-figure" as="element()">
    <xsl:param name="items" as="map(xs:string, item()*)+"/>
    <xsl:variable name="first" as="xs:integer" select="xs:integer(floor(min($items ! ?start) div 10) * 10)"/>
    <xsl:variable name="last" as="xs:integer" select="xs:integer(ceiling(max($items ! ?end) div 10) * 10)"/>
    <xsl:variable name="unit" as="xs:double" select="24"/>
    <xsl:variable name="em" as="xs:double" select="11"/>
    <xsl:variable name="offsets" as="map(xs:integer, xs:double)" select="ed:year-offsets($items, $first, $last, $unit)"/>
    <!-- Each item's mark and label, as [x1, x2 of the mark, x2 of the label, 1 for a bar or 0 for a dot]
         (20 units of margin on the left); a span too short to see is a dot. -->
    <xsl:variable name="spans" as="array(xs:double)*" select="$items ! (
      let $x1 := 20 + ed:year-x($offsets, ?start), $end := 20 + ed:year-x($offsets, ?end),
          $bar := $end - $x1 ge 8, $x2 := if ($bar) then $end else $x1 + 8
      return [$x1, $x2, $x2 + 4 + string-length(ed:short-label(?label)) * $em * 0.55, if ($bar) then 1e0 else 0e0])"/>
    <xsl:variable name="lanes" as="xs:integer*" select="ed:lanes($spans)"/>
    <xsl:variable name="width" as="xs:double" select="max(($spans ! ?3, 20 + $offsets($last))) + 20"/>
    <xsl:variable name="height" as="xs:double" select="(max(($lanes, 0)) + 1) * 20 + 50"/>
    <xsl:variable name="axis" as="xs:double" select="$height - 30"/>
    <section class="event-timeline" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{ed:label('timeline.heading')}</h2>
      <p class="timeline-summary">{ed:label('timeline.summary', (string(count($items[?kind = 'event'])), string(count($items[?kind = 'date'])), string($first), string($last)))}</p>
      <div class="timeline-scroll" tabindex="0" role="region" aria-label="{ed:label('timeline.scroll')}">
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {$width} {$height}" width="{$width}" height="{$height}"
          aria-label="{ed:label('timeline.label', (string($first), string($last)))}" class="timeline-svg" font-size="{$em}">
          <g class="axis" aria-hidden="true">
            <xsl:for-each select="($first to $last)[$offsets(. + 1) - $offsets(.) lt $unit]">
              <rect class="narrow" x="{20 + $offsets(.)}" y="10" width="{$offsets(. + 1) - $offsets(.)}" height="{$axis - 10}"/>
            </xsl:for-each>
            <line x1="20" x2="{20 + $offsets($last)}" y1="{$axis}" y2="{$axis}"/>
            <!-- Every decade, and every fifth year where years are wide; a narrow year's number would
                 collide with its neighbour's, so only the wide ones (and both ends) are written. -->
            <xsl:for-each select="($first to $last)[. mod 5 = 0]">
              <xsl:variable name="x" as="xs:double" select="20 + $offsets(.)"/>
              <xsl:variable name="narrow" as="xs:boolean" select="$offsets(. + 1) - $offsets(.) lt $unit"/>
              <xsl:if test=". mod 10 = 0 or not($narrow)">
                <line class="tick{if (. mod 10 ne 0) then ' minor' else ''}" x1="{$x}" x2="{$x}" y1="10" y2="{$axis + 4}"/>
              </xsl:if>
              <xsl:if test="not($narrow) or . = ($first, $last)">
                <text x="{$x}" y="{$axis + 18}">{.}</text>
              </xsl:if>
            </xsl:for-each>
          </g>
          <g class="items">
            <xsl:for-each select="$items">
              <xsl:variable name="i" as="xs:integer" select="position()"/>
              <xsl:variable name="span" as="array(xs:double)" select="$spans[$i]"/>
              <xsl:variable name="y" as="xs:double" select="$axis - 16 - $lanes[$i] * 20"/>
              <a href="{ed:timeline-href(.)}" class="item {?kind}" aria-label="{?label} ({?when})">
                <title>{?label} ({?when})</title>
                <xsl:choose>
                  <xsl:when test="$span(4) = 1">
                    <rect x="{$span(1)}" y="{$y - 5}" width="{round($span(2) - $span(1), 1)}" height="10" rx="3"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <circle cx="{round($span(1) + 4, 1)}" cy="{$y}" r="5"/>
                  </xsl:otherwise>
                </xsl:choose>
                <text x="{round($span(2) + 4, 1)}" y="{round($y + 0.35 * $em, 1)}">{ed:short-label(?label)}</text>
              </a>
            </xsl:for-each>
          </g>
        </svg>
      </div>
      <ol class="timeline-list">
        <xsl:for-each select="$items">
          <li class="{?kind}">
            <span class="when">{?when}</span>
            <xsl:text> </xsl:text>
            <xsl:choose>
              <xsl:when test="?kind = 'event'"><a class="entry" href="{ed:entity-href(?entry)}">{?label}</a></xsl:when>
              <xsl:otherwise>
                <span class="label">{?label}</span>
                <xsl:if test="exists(?entry)"> (<a class="entry" href="{ed:entity-href(?entry)}">{ed:entry-name(?entry)}</a>)</xsl:if>
              </xsl:otherwise>
            </xsl:choose>
            <xsl:if test="exists(?targets)">
              <xsl:text>: </xsl:text>
              <xsl:for-each select="?targets">
                <xsl:if test="position() gt 1">, </xsl:if>
                <a class="paragraph" href="index.html#{@xml:id}">{if (self::tei:p) then ed:paragraph-label(.) else ed:dating-context(.)}</a>
              </xsl:for-each>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ol>
    </section>
  </xsl:template>

  <!-- How the list names a part of the text that is not a paragraph (a dateline, a heading's division). -->
  <xsl:function name="ed:dating-context" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="normalize-space(($e/tei:head, $e/@type, local-name($e))[1])"/>
  </xsl:function>

  <!-- A lane (row, 0 lowest) for each span [x1, x2, label end], in order, so that nothing overlaps: the
       lowest lane whose last occupant ends before this one starts. -->
  <xsl:function name="ed:lanes" as="xs:integer*" visibility="public">
    <xsl:param name="spans" as="array(xs:double)*"/>
    <xsl:iterate select="$spans">
      <xsl:param name="ends" as="xs:double*" select="()"/>
      <xsl:param name="lanes" as="xs:integer*" select="()"/>
      <xsl:on-completion select="$lanes"/>
      <xsl:variable name="start" as="xs:double" select="?1 - 6"/>
      <xsl:variable name="free" as="xs:integer?" select="(for $i in 1 to count($ends) return if ($ends[$i] lt $start) then $i else ())[1]"/>
      <xsl:variable name="lane" as="xs:integer" select="($free, count($ends) + 1)[1]"/>
      <xsl:next-iteration>
        <xsl:with-param name="ends" select="if (exists($free)) then (subsequence($ends, 1, $lane - 1), ?3, subsequence($ends, $lane + 1)) else ($ends, ?3)"/>
        <xsl:with-param name="lanes" select="($lanes, $lane - 1)"/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

</xsl:stylesheet>
