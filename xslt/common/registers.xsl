<?xml version="1.0" encoding="UTF-8"?>
<!-- Registers and what the text says about them, for the index pages and data files
     (registers-html, entities-data, voices, figures): every entry in index order (the kinds of
     register are the table $ed:register-kinds in functions.xsl), the paragraphs that mention, quote or give voice to an entry,
     coordinates, authority links, figure kinds and values, and RFC 4180 CSV with formula neutralising.
     Part of the common layer (common.xsl). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:fn="http://www.w3.org/2005/xpath-functions" xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all" expand-text="yes">

  <!-- ================================================================ registers -->

  <!-- Sorting is deterministic: Unicode codepoints of a folded key (no accents, lower case), then the identifier. -->
  <xsl:variable name="ed:collation" as="xs:string" select="'http://www.w3.org/2005/xpath-functions/collation/codepoint'"/>

  <!-- Pointers from the text (the text and the comments; never the header or the registers). -->
  <xsl:key name="ed:ref" match="tei:text//*[@ref]" use="tokenize(@ref, '\s+')"/>
  <xsl:key name="ed:who" match="tei:text//*[@who]" use="tokenize(@who, '\s+')"/>
  <xsl:key name="ed:source" match="tei:text//*[@source]" use="tokenize(@source, '\s+')"/>

  <!-- How the text can point at an entry: the attribute, and how the index names the relation. -->
  <xsl:variable name="ed:relations" as="map(xs:string, xs:string)*" select="(
    map{'key': 'ed:ref', 'label': ed:label('register.mentioned-in')},
    map{'key': 'ed:who', 'label': ed:label('register.speaks-in')},
    map{'key': 'ed:source', 'label': ed:label('register.quoted-in')})"/>

  <!-- Every register entry of the assembled edition, of every kind. -->
  <xsl:function name="ed:entries" as="element()*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:entries($doc, $ed:register-kinds?elements)"/>
  </xsl:function>

  <!-- The register kinds that have entries in this edition, in site order: only these have a page, a link in
       the navigation, a box in the highlight switch. -->
  <xsl:function name="ed:kinds-with-entries" as="map(xs:string, item()*)*" visibility="public" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$ed:register-kinds[exists(ed:entries($doc, ?elements))]"/>
  </xsl:function>

  <!-- The register entries that are elements of these names (the elements of one kind or of all). The
       identifier is asked first: most elements of the registers have none. -->
  <xsl:function name="ed:entries" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="elements" as="xs:string*"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:standOff//tei:*[@xml:id][local-name() = $elements]"/>
  </xsl:function>

  <!-- The group an entry is listed under on its page, as its kind declares its groups (declarations.xsl): the group
       of its element (an anonymous-only name: the anonymous group of its element, if there is one); a kind whose
       groups name no element is grouped by the entry's type; a kind without groups has one group (''). -->
  <xsl:function name="ed:entry-group" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="name" as="xs:string" select="local-name($entry)"/>
    <xsl:variable name="groups" as="element()*" select="$ed:declarations/ed:kind[tokenize(@elements) = $name]/ed:group"/>
    <xsl:variable name="anonymous" as="xs:boolean" select="exists($entry/tei:persName[@type = 'anonymous']) and empty($entry/tei:persName[@type = 'preferred'])"/>
    <xsl:sequence select="
      if (empty($groups)) then ''
      else if (exists($groups[@element])) then
        string(($groups[@element = $name][@anonymous = 'yes'][$anonymous], $groups[@element = $name][not(@anonymous = 'yes')])[1])
      else string($entry/@type)"/>
  </xsl:function>

  <!-- The sort key of an entry: family name first (persName/surname, then forenames), an initial article
       dropped, folded to lower case without accents. Memoised: a register page asks it of every entry three
       times (sorting, the A–Z list, the entry's initial). -->
  <xsl:function name="ed:sort-key" as="xs:string" visibility="public" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="preferred" as="element()?" select="$entry/tei:persName[@type = 'preferred'][tei:surname][1]"/>
    <xsl:variable name="name" as="xs:string" select="
      if ($preferred) then string-join(($preferred/tei:surname, $preferred/(* except tei:surname)) ! normalize-space(), ' ')
      else ed:entry-name($entry)"/>
    <xsl:sequence select="ed:fold(replace($name, '^(the|a|an)\s+', '', 'i'))"/>
  </xsl:function>

  <!-- A string folded for sorting and matching: decomposed, accents removed, lower case. -->
  <xsl:function name="ed:fold" as="xs:string" visibility="public">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode(normalize-space($s), 'NFD'), '\p{Mn}', ''))"/>
  </xsl:function>

  <!-- The entries of one kind in index order: by group (in the kind's order), then by sort key, then identifier. -->
  <xsl:function name="ed:sorted-entries" as="element()*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:param name="kind" as="map(xs:string, item()*)"/>
    <xsl:variable name="groups" as="xs:string*" select="$kind?groups"/>
    <xsl:perform-sort select="ed:entries($doc, $kind?elements)">
      <xsl:sort select="(index-of($groups, ed:entry-group(.)), count($groups) + 1)[1]" data-type="number"/>
      <xsl:sort select="ed:entry-group(.)" collation="{$ed:collation}"/>
      <xsl:sort select="ed:sort-key(.)" collation="{$ed:collation}"/>
      <xsl:sort select="string(@xml:id)" collation="{$ed:collation}"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- Every entry of every kind, in site order: the row order of the data files. -->
  <xsl:function name="ed:all-sorted-entries" as="element()*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="$ed:register-kinds ! ed:sorted-entries($doc, .)"/>
  </xsl:function>

  <!-- The citable paragraph an element of the text stands in, if any. -->
  <xsl:function name="ed:paragraph-of" as="element(tei:p)?" visibility="public">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="$e/ancestor-or-self::tei:p[parent::tei:div][ancestor::tei:body or ancestor::tei:back][1]"/>
  </xsl:function>

  <!-- The elements of the text that point at an entry through one relation ('ed:ref', 'ed:who', 'ed:source'),
       in reading order: the keys above, for entry points that use this layer as a package (a key is private to it). -->
  <xsl:function name="ed:pointers" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="key($key, '#' || $entry/@xml:id, root($entry))"/>
  </xsl:function>

  <!-- The paragraphs that point at an entry through one relation, once each, in reading order. -->
  <xsl:function name="ed:paragraphs-by" as="element(tei:p)*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="ed:pointers($entry, $key)/ed:paragraph-of(.)"/>
  </xsl:function>

  <!-- Every paragraph that mentions, quotes or gives voice to an entry, once each, in reading order. -->
  <xsl:function name="ed:entry-paragraphs" as="element(tei:p)*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$ed:relations ! ed:paragraphs-by($entry, ?key) | ()"/>
  </xsl:function>

  <!-- The names an entry is known by besides the one shown (aliases), distinct, in register order. -->
  <xsl:function name="ed:entry-aliases" as="xs:string*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="shown" as="xs:string" select="ed:entry-name($entry)"/>
    <xsl:sequence select="distinct-values(ed:entry-names($entry)[not(@type = 'anonymous')] ! normalize-space())[. ne $shown]"/>
  </xsl:function>

  <!-- Latitude and longitude of a place (decimal degrees, as written), or nothing. -->
  <xsl:function name="ed:coordinates" as="xs:string*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($entry/tei:location/tei:geo[1]), ' ')[position() le 2]"/>
  </xsl:function>

  <!-- The places a place lies in, innermost first, itself included: Kaifeng, Henan, China. -->
  <xsl:function name="ed:place-hierarchy" as="element(tei:place)*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="reverse($entry/ancestor-or-self::tei:place)"/>
  </xsl:function>

  <!-- Dates of an entry as a reader sees them ("1893-12-26 – 1976-09-09", "1966 – 1976", "2004"), or ''. -->
  <xsl:function name="ed:entry-dates" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="from" as="xs:string?" select="($entry/tei:birth/(@when, @from, @notBefore), $entry/(@from, @notBefore), $entry/tei:date/(@from, @notBefore))[1]"/>
    <xsl:variable name="to" as="xs:string?" select="($entry/tei:death/(@when, @to, @notAfter), $entry/(@to, @notAfter), $entry/tei:date/(@to, @notAfter))[1]"/>
    <xsl:variable name="when" as="xs:string?" select="($entry/@when, $entry/tei:date/@when)[1]"/>
    <xsl:sequence select="
      if ($when) then $when
      else if ($from or $to) then
        (if ($entry/tei:birth and not($entry/tei:death)) then 'born ' || $from
         else if ($entry/tei:death and not($entry/tei:birth)) then 'died ' || $to
         else ($from, '?')[1] || ' – ' || ($to, '?')[1])
      else ''"/>
  </xsl:function>

  <!-- Authority identifiers of an entry (idno type wikidata, geonames, viaf): maps {'type', 'id', 'url'}. -->
  <xsl:variable name="ed:authorities" as="map(xs:string, xs:string)*" select="(
    map{'type': 'wikidata', 'label': 'Wikidata', 'base': 'https://www.wikidata.org/wiki/'},
    map{'type': 'geonames', 'label': 'GeoNames', 'base': 'https://www.geonames.org/'},
    map{'type': 'viaf', 'label': 'VIAF', 'base': 'https://viaf.org/viaf/'})"/>

  <xsl:function name="ed:authority-ids" as="map(xs:string, xs:string)*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <!-- Most entries have no identifier at all: they are answered without visiting each authority. -->
    <xsl:for-each select="if ($entry/tei:idno) then $ed:authorities else ()">
      <xsl:variable name="authority" as="map(xs:string, xs:string)" select="."/>
      <xsl:for-each select="$entry/tei:idno[@type = $authority?type][normalize-space()]">
        <xsl:variable name="value" as="xs:string" select="normalize-space(.)"/>
        <xsl:variable name="id" as="xs:string" select="replace($value, '^.*/', '')"/>
        <xsl:sequence select="map{'type': $authority?type, 'label': $authority?label, 'id': $id,
          'url': if (matches($value, '^https?://')) then $value else $authority?base || encode-for-uri($id)}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:function>

  <!-- ================================================================ the text's quotations and figures -->

  <!-- Is a node part of the text proper (body or back), not of an editorial note? -->
  <xsl:function name="ed:in-text" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="exists($e/ancestor::*[self::tei:body or self::tei:back][parent::tei:text[parent::tei:TEI]])
      and empty($e/ancestor-or-self::tei:note)"/>
  </xsl:function>

  <!-- The speakers (register entries) of a said, in @who order. -->
  <xsl:function name="ed:speakers" as="element()*" visibility="public">
    <xsl:param name="said" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($said/@who), ' ') ! ed:entry($said, .)"/>
  </xsl:function>

  <!-- Kind of a figure: money, percentage, people, date, duration, quantity, ordinal or number. -->
  <xsl:variable name="ed:figure-kinds" as="map(xs:string, xs:string)*" select="(
    map{'kind': 'money', 'title': ed:label('figure-kind.money')},
    map{'kind': 'percentage', 'title': ed:label('figure-kind.percentage')},
    map{'kind': 'people', 'title': 'People (headcounts)'},
    map{'kind': 'date', 'title': ed:label('figure-kind.date')},
    map{'kind': 'duration', 'title': ed:label('figure-kind.duration')},
    map{'kind': 'quantity', 'title': ed:label('figure-kind.quantity')},
    map{'kind': 'number', 'title': ed:label('figure-kind.number')},
    map{'kind': 'ordinal', 'title': ed:label('figure-kind.ordinal')})"/>
  <xsl:variable name="ed:people-units" as="xs:string+" select="('person', 'worker', 'peasant', 'migrant', 'student',
    'activist', 'member', 'adult', 'child', 'villager', 'farmer', 'graduate', 'retiree', 'driver', 'leader', 'police')"/>
  <xsl:variable name="ed:time-units" as="xs:string+" select="('year', 'month', 'week', 'day', 'hour', 'minute', 'decade', 'generation')"/>

  <xsl:function name="ed:figure-kind" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
      if ($e/self::tei:date) then 'date'
      else if ($e/@commodity = 'currency' or $e/@type = 'currency' or $e/@unit = ('CNY', 'USD')) then 'money'
      else if ($e/@type = 'percentage' or $e/@unit = 'percent') then 'percentage'
      else if ($e/@unit = $ed:people-units) then 'people'
      else if ($e/@unit = $ed:time-units) then 'duration'
      else if ($e/self::tei:measure) then 'quantity'
      else if ($e/@type = 'ordinal') then 'ordinal'
      else 'number'"/>
  </xsl:function>

  <!-- The figures of the text: every num, measure and dated date, outermost only (a num inside a measure is the measure's). -->
  <xsl:function name="ed:figures" as="element()*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:text/(tei:body | tei:back)//(tei:num | tei:measure
      | tei:date[@when or @from or @to or @notBefore or @notAfter])
      [empty(ancestor::*[self::tei:num or self::tei:measure or self::tei:date or self::tei:note])]"/>
  </xsl:function>

  <!-- A figure's normalised value as (value, at-least, at-most): numbers for num and measure, ISO strings for dates. -->
  <xsl:function name="ed:figure-values" as="map(xs:string, xs:anyAtomicType?)" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/self::tei:date or $e/self::tei:time)
      then map{'value': $e/@when ! string(), 'at_least': ($e/@from, $e/@notBefore)[1] ! string(), 'at_most': ($e/@to, $e/@notAfter)[1] ! string()}
      else map{'value': ($e/@value, $e/@quantity)[1] ! xs:decimal(.), 'at_least': $e/@atLeast ! xs:decimal(.), 'at_most': $e/@atMost ! xs:decimal(.)}"/>
  </xsl:function>

  <!-- The normalised value as a reader sees it: 460, 70–80, at least 100000, at most 750000; dates 1993–1994.
       The one rendering of bounds (the figures page and the reading view's tooltips); $number writes each
       value (the figures page adds thousands separators). -->
  <xsl:function name="ed:figure-display" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:figure-display($e, string#1)"/>
  </xsl:function>
  <xsl:function name="ed:figure-display" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="number" as="function(xs:anyAtomicType) as xs:string"/>
    <xsl:variable name="v" as="map(xs:string, xs:anyAtomicType?)" select="ed:figure-values($e)"/>
    <xsl:sequence select="
      if (exists($v?value)) then $number($v?value)
      else if (exists($v?at_least) and exists($v?at_most)) then $number($v?at_least) || '–' || $number($v?at_most)
      else if (exists($v?at_least)) then 'at least ' || $number($v?at_least)
      else if (exists($v?at_most)) then 'at most ' || $number($v?at_most)
      else ''"/>
  </xsl:function>

  <!-- A number to sort a figure by: its value (else its lower, else its upper bound); a date as YYYYMMDD. -->
  <xsl:function name="ed:figure-sort-key" as="xs:double" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="v" as="map(xs:string, xs:anyAtomicType?)" select="ed:figure-values($e)"/>
    <xsl:variable name="first" as="xs:anyAtomicType?" select="($v?value, $v?at_least, $v?at_most)[1]"/>
    <xsl:sequence select="
      if (empty($first)) then xs:double('INF')
      else if ($e/self::tei:date) then number(substring(replace(string($first), '[^0-9]', '') || '0000', 1, 8))
      else xs:double($first)"/>
  </xsl:function>

  <!-- The block (paragraph, head, closer) a node of the text stands in. -->
  <xsl:function name="ed:block-of" as="element()?" visibility="public">
    <xsl:param name="e" as="node()"/>
    <xsl:sequence select="$e/ancestor::*[self::tei:p or self::tei:head or self::tei:closer][1]"/>
  </xsl:function>

  <!-- The reading text of a block (paragraph, head, closer) before each of its elements, by generate-id, its last
       400 characters: one pass over the block alone (its elements and the text the reading view keeps, declarations.xsl;
       a block nested in it starts afresh), memoised, so that the words before every figure of a paragraph cost one
       walk of the paragraph. -->
  <xsl:function name="ed:block-texts" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="block" as="element()"/>
    <xsl:variable name="omitted" as="xs:string*" select="$ed:view-omissions('reading')"/>
    <xsl:variable name="kept" as="text()*" select="
      if (exists($block/ancestor-or-self::*[local-name() = $omitted])) then ()
      else $block//text() except $block//*[local-name() = $omitted]//text()"/>
    <xsl:iterate select="$block//* | $kept">
      <xsl:param name="text" as="xs:string" select="''"/>
      <xsl:param name="before" as="map(xs:string, xs:string)" select="map{}"/>
      <xsl:on-completion select="$before"/>
      <xsl:choose>
        <xsl:when test="self::text()">
          <xsl:next-iteration>
            <xsl:with-param name="text" select="let $all := $text || . return substring($all, max((1, string-length($all) - 399)))"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="at" as="xs:string" select="if (self::tei:p or self::tei:head or self::tei:closer) then '' else $text"/>
          <xsl:next-iteration>
            <xsl:with-param name="text" select="$at"/>
            <xsl:with-param name="before" select="map:put($before, generate-id(), $at)"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- The last $n words before $e within its block, in the reading view. -->
  <xsl:function name="ed:words-before" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="n" as="xs:integer"/>
    <!-- Outside every block (a list item, a table cell), the element's parent is its block. -->
    <xsl:variable name="block" as="element()" select="(ed:block-of($e), $e/..)[1]"/>
    <xsl:variable name="text" as="xs:string" select="ed:block-texts($block)(generate-id($e))"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize(normalize-space($text), ' ')[.]"/>
    <xsl:sequence select="string-join(subsequence($words, max((1, count($words) - $n + 1))), ' ')"/>
  </xsl:function>

  <!-- ================================================================ data files -->

  <!-- One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
       A text starting with = + - @ (or a tab or carriage return) is neutralised with a leading apostrophe,
       so that a spreadsheet never reads it as a formula; plain numbers (-122.4) are left as they are. -->
  <xsl:function name="ed:csv-cell" as="xs:string" visibility="public">
    <xsl:param name="value" as="xs:anyAtomicType?"/>
    <xsl:variable name="s" as="xs:string" select="string($value)"/>
    <xsl:variable name="safe" as="xs:string" select="
      if (matches($s, '^[=+\-@&#9;&#13;]') and not($value instance of xs:numeric) and not(matches($s, '^[+\-]?[0-9]+(\.[0-9]+)?$')))
      then '''' || $s else $s"/>
    <xsl:sequence select="if (matches($safe, '[,&quot;&#13;&#10;]')) then '&quot;' || replace($safe, '&quot;', '&quot;&quot;') || '&quot;' else $safe"/>
  </xsl:function>

  <!-- A CSV file's text: a header row and one row per item, CRLF line ends (RFC 4180). -->
  <xsl:function name="ed:csv" as="xs:string" visibility="public">
    <xsl:param name="columns" as="xs:string+"/>
    <xsl:param name="rows" as="array(xs:anyAtomicType?)*"/>
    <xsl:sequence select="string-join((string-join($columns ! ed:csv-cell(.), ','),
      $rows ! string-join(array:flatten(array:for-each(., ed:csv-cell#1)), ',')) ! (. || '&#13;&#10;'))"
      xmlns:array="http://www.w3.org/2005/xpath-functions/array"/>
  </xsl:function>

  <!-- An XML-to-JSON value element for an atomic value: number, string or null. (Literal elements, not one
       element of a computed name: the data files write thousands of these.) -->
  <xsl:function name="ed:json-value" as="element()" visibility="public">
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="value" as="xs:anyAtomicType?"/>
    <xsl:choose>
      <xsl:when test="empty($value)">
        <fn:null><xsl:if test="exists($key)"><xsl:attribute name="key" select="$key"/></xsl:if></fn:null>
      </xsl:when>
      <xsl:when test="$value instance of xs:numeric">
        <fn:number><xsl:if test="exists($key)"><xsl:attribute name="key" select="$key"/></xsl:if><xsl:value-of select="$value"/></fn:number>
      </xsl:when>
      <xsl:otherwise>
        <fn:string><xsl:if test="exists($key)"><xsl:attribute name="key" select="$key"/></xsl:if><xsl:value-of select="$value"/></fn:string>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- A JSON object (as xml-to-json XML) from [key, value] pairs (atomic value or empty = null, or an element:
       a nested map or array); [key, values, 'array'] makes an array of any length. -->
  <xsl:function name="ed:json-object" as="element(fn:map)" visibility="public">
    <xsl:param name="pairs" as="array(*)*"/>
    <fn:map>
      <xsl:for-each select="$pairs">
        <xsl:variable name="key" as="xs:string" select="?1"/>
        <xsl:variable name="value" as="item()*" select="?2"/>
        <xsl:choose>
          <xsl:when test="array:size(.) gt 2" xmlns:array="http://www.w3.org/2005/xpath-functions/array">
            <fn:array key="{$key}"><xsl:sequence select="$value ! (if (. instance of element()) then . else ed:json-value((), .))"/></fn:array>
          </xsl:when>
          <xsl:when test="$value instance of element()"><xsl:copy select="$value"><xsl:attribute name="key" select="$key"/><xsl:sequence select="$value/(@* except @key), $value/node()"/></xsl:copy></xsl:when>
          <xsl:otherwise><xsl:sequence select="ed:json-value($key, $value)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </fn:map>
  </xsl:function>

  <!-- Write a JSON file from its xml-to-json XML (stable key order, indented, final newline). -->
  <xsl:template name="ed:write-json" as="empty-sequence()">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="json" as="element()" required="yes"/>
    <xsl:result-document href="{$href}" method="text" encoding="UTF-8">
      <xsl:value-of select="xml-to-json($json, map{'indent': true()})"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:result-document>
  </xsl:template>

  <xsl:template name="ed:write-csv" as="empty-sequence()">
    <xsl:param name="href" as="xs:string" required="yes"/>
    <xsl:param name="columns" as="xs:string+" required="yes"/>
    <xsl:param name="rows" as="array(xs:anyAtomicType?)*" required="yes"/>
    <xsl:result-document href="{$href}" method="text" encoding="UTF-8">
      <xsl:value-of select="ed:csv($columns, $rows)"/>
    </xsl:result-document>
  </xsl:template>

</xsl:stylesheet>
