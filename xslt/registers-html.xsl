<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the index pages html/persons.html, places.html, organisations.html, events.html,
     works.html and glossary.html. Each entry (anchor = its xml:id) shows its name, other names, type,
     dates, place hierarchy and coordinates, authority links, description, and one link per paragraph
     that mentions it, quotes it or gives it voice, in reading order. One rule renders every kind. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0"/>

  <xsl:output method="text"/>
  <xsl:mode on-no-match="shallow-skip" on-multiple-match="fail"/>
  <xsl:mode name="ed:register-entry" on-no-match="fail" on-multiple-match="fail"/>
  <xsl:mode name="ed:entry-name" on-no-match="fail" on-multiple-match="fail"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="first" as="map(xs:string, xs:integer)" select="ed:first-appearances($doc)"/>
    <!-- A register with no entries has no page (nor a link: ed:site-pages). -->
    <xsl:for-each select="ed:kinds-with-entries($doc)">
      <xsl:variable name="kind" as="map(xs:string, item()*)" select="."/>
      <xsl:variable name="entries" as="element()*" select="ed:sorted-entries($doc, $kind)"/>
      <xsl:variable name="sections" as="map(xs:string, item()*)*" select="ed:page-sections($entries, $first)"/>
      <!-- The A–Z list serves a page whose entries (outside the places' sections) run in one alphabetical order. -->
      <xsl:variable name="alphabetical" as="element()*" select="$sections[?alphabetical]?entries"/>
      <xsl:call-template name="ed:page">
        <xsl:with-param name="doc" select="$doc"/>
        <xsl:with-param name="href" select="$kind?page"/>
        <xsl:with-param name="title" select="$kind?title"/>
        <xsl:with-param name="description" select="ed:label('register.description', $kind?title)"/>
        <xsl:with-param name="head-extra" as="element()*">
          <xsl:if test="$kind?figure"><link rel="stylesheet" href="assets/maps.css"/></xsl:if>
          <link rel="stylesheet" href="assets/registers.css"/>
          <script src="assets/registers.js" defer=""></script>
        </xsl:with-param>
        <xsl:with-param name="content" as="element()*">
          <article class="register register-{$kind?kind}">
            <h1>{$kind?title}</h1>
            <p class="register-summary">{ed:label('register.summary', string(count($entries)))}<xsl:if
              test="exists($sections[?place])"> {ed:label('register.by-place')}</xsl:if></p>
            <nav class="register-nav" aria-label="{ed:label('register.find')}">
              <xsl:if test="count($alphabetical) gt 12">
                <xsl:variable name="initials" as="map(xs:string, item()*)*" select="ed:initials($alphabetical)"/>
                <p class="az"><span class="label" id="az-label">{if (count($sections) gt 1) then $sections[?alphabetical][1]?title || ', A–Z' else 'A–Z'}:</span>
                  <xsl:text> </xsl:text>
                </p>
                <ul class="az-letters" aria-labelledby="az-label">
                  <xsl:for-each select="$initials">
                    <li><a href="#{?entry/@xml:id}" aria-label="{ed:label('register.from', (?letter, ed:entry-name(?entry)))}">{?letter}</a></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
              <xsl:if test="count($sections) gt 1">
                <p class="sections"><span class="label" id="sections-label">{ed:label('register.sections')}</span></p>
                <ul class="register-sections" aria-labelledby="sections-label">
                  <xsl:for-each select="$sections">
                    <li><a href="#{?id}">{?title}</a><xsl:text> </xsl:text><span class="count">({count(?entries)})</span></li>
                  </xsl:for-each>
                </ul>
              </xsl:if>
              <!-- The filter needs the script: it stays hidden without it (registers.js shows it). -->
              <div class="register-filter" hidden="">
                <label for="register-filter-input">{ed:label('register.filter')}</label>
                <input type="search" id="register-filter-input" autocomplete="off" spellcheck="false"
                  aria-describedby="register-filter-status" placeholder="a name, a place, a word"/>
                <p class="filter-status" id="register-filter-status" aria-live="polite"></p>
              </div>
            </nav>
            <!-- The kind's illustration (declarations.xsl @figure): a named template of maps.xsl, on the edition. -->
            <xsl:for-each select="$doc">
              <xsl:choose>
                <xsl:when test="$kind?figure = 'place-map'"><xsl:call-template name="ed:place-map"/></xsl:when>
                <xsl:when test="$kind?figure = 'event-timeline'"><xsl:call-template name="ed:event-timeline"/></xsl:when>
              </xsl:choose>
            </xsl:for-each>
            <xsl:for-each select="$sections">
              <xsl:choose>
                <xsl:when test="?title">
                  <section class="register-group" id="{?id}" aria-labelledby="{?id}-heading">
                    <h2 id="{?id}-heading"><xsl:if test="?place"><span class="eyebrow">{ed:label('register.unnamed')}</span></xsl:if>{?title} <span class="count">({count(?entries)})</span></h2>
                    <xsl:apply-templates select="?entries" mode="ed:register-entry"/>
                  </section>
                </xsl:when>
                <xsl:otherwise>
                  <div class="register-group" id="{?id}">
                    <xsl:apply-templates select="?entries" mode="ed:register-entry"/>
                  </div>
                </xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
            <p class="no-match" hidden="">{ed:label('register.no-match')}</p>
          </article>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:call-template name="ed:search-records"><xsl:with-param name="name" select="'registers'"/><xsl:with-param name="records" select="ed:register-records(.)"/></xsl:call-template>
  </xsl:template>

  <!-- The sections of a register page, in order, as maps {'id', 'title', 'entries', 'alphabetical', 'place'}:
       first the kind's groups (named persons, places by type …) in index order (ed:sorted-entries); then every
       list of the register that has a head (the persons the text does not name, by the place the text sets
       them in), in the register's order, its entries in the order of their first mention in the text. -->
  <xsl:function name="ed:page-sections" as="map(xs:string, item()*)*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:param name="first" as="map(xs:string, xs:integer)"/>
    <xsl:variable name="unheaded" as="element()*" select="$entries[empty(parent::*/tei:head)]"/>
    <xsl:for-each-group select="$unheaded" group-adjacent="ed:entry-group(.)">
      <xsl:variable name="key" as="xs:string" select="current-grouping-key()"/>
      <xsl:sequence select="map{'id': if ($key) then 'group-' || ed:slug($key) else 'entries',
        'title': if ($key) then ed:group-title($key) else '', 'entries': current-group(),
        'alphabetical': count(distinct-values($unheaded ! ed:entry-group(.))) = 1, 'place': false()}"/>
    </xsl:for-each-group>
    <!-- "| ()" puts the entries back in document order (the register's), so that the lists come in its order. -->
    <xsl:for-each-group select="$entries[exists(parent::*/tei:head)] | ()" group-by="generate-id(parent::*)">
      <xsl:variable name="title" as="xs:string" select="normalize-space(parent::*/tei:head[1])"/>
      <xsl:sequence select="map{'id': 'group-' || ed:slug($title), 'title': $title, 'alphabetical': false(), 'place': true(),
        'entries': sort(current-group(), (), function($e) { ($first(string($e/@xml:id)), 999999)[1] })}"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Where each entry is first pointed at in the text (@ref, @who, @source), as the pointer's position in
       reading order: one pass over the text. -->
  <xsl:function name="ed:first-appearances" as="map(xs:string, xs:integer)">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="pointers" as="element()*" select="$doc/tei:TEI/tei:text//*[@ref or @who or @source]"/>
    <xsl:sequence select="map:merge(
      for $i in 1 to count($pointers) return let $e := $pointers[$i] return (($e/@ref, $e/@who, $e/@source) ! tokenize(normalize-space(.), ' '))[starts-with(., '#')] ! map{substring(., 2): $i},
      map{'duplicates': 'use-first'})" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>

  <!-- The A–Z list: each initial (of the sort key) with the first entry that has it, in page order. -->
  <xsl:function name="ed:initials" as="map(xs:string, item()*)*">
    <xsl:param name="entries" as="element()*"/>
    <xsl:for-each-group select="$entries" group-adjacent="upper-case(substring(ed:sort-key(.), 1, 1))">
      <xsl:sequence select="map{'letter': current-grouping-key(), 'entry': current-group()[1]}"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- An identifier-safe form of a heading: "Washington or Boston (the text …)" → "washington-or-boston-the-text-…". -->
  <xsl:function name="ed:slug" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace(ed:fold($s), '[^a-z0-9]+', '-'), '^-|-$', '')"/>
  </xsl:function>

  <!-- A group heading: persons' groups as they are, place types in the plural ("Cities"). -->
  <xsl:function name="ed:group-title" as="xs:string">
    <xsl:param name="group" as="xs:string"/>
    <xsl:variable name="plural" as="map(xs:string, xs:string)" select="map:merge(('city', 'country', 'province', 'region', 'continent', 'district',
      'village', 'town', 'state', 'site') ! map{.: ed:label('group.' || .)})" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:sequence select="($plural($group), $group)[1]"/>
  </xsl:function>

  <!-- The readable label of an entry's type or role ('' when it says nothing to a reader: "other").
       Persons' and groups' roles say how the text knows them; other kinds' types are words ("study group"). -->
  <!-- The edition declares its roles' labels in its header (taxonomy xml:id="person-role", the catDesc of each
       category; an empty one prints nothing); an undeclared role is printed as it is, hyphens as spaces. -->
  <xsl:function name="ed:role-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:variable name="declared" as="element()?" select="(root($entry)//tei:taxonomy[@xml:id = 'person-role']/tei:category[@n = $role])[1]"/>
    <xsl:sequence select="if ($declared) then normalize-space($declared/tei:catDesc) else replace($role, '-', ' ')"/>
  </xsl:function>
  <xsl:variable name="ed:type-words" as="map(xs:string, xs:string)" select="map{'ngo': 'NGO'}"/>

  <xsl:function name="ed:type-label" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string-join((
      $entry/@type ! tokenize(.) ! (($ed:type-words(.), replace(., '-', ' '))[1]),
      $entry/@role ! tokenize(.) ! ed:role-label($entry, .))[.], '; '))"/>
  </xsl:function>

  <!-- One entry, whatever its kind: what does not apply to a kind is simply empty. -->
  <xsl:template match="*[local-name() = $ed:register-kinds?elements]" mode="ed:register-entry">
    <xsl:variable name="kind" as="map(xs:string, item()*)" select="ed:register-kind(.)"/>
    <xsl:variable name="aliases" as="xs:string*" select="ed:entry-aliases(.)"/>
    <xsl:variable name="dates" as="xs:string" select="ed:entry-dates(.)"/>
    <xsl:variable name="type" as="xs:string" select="ed:type-label(.)"/>
    <xsl:variable name="coordinates" as="xs:string*" select="ed:coordinates(.)"/>
    <xsl:variable name="authorities" as="map(xs:string, xs:string)*" select="ed:authority-ids(.)"/>
    <xsl:variable name="description" as="element()?" select="ed:description-of(.)[normalize-space()]"/>
    <!-- The places it lies in, innermost first: never itself (its own chain starts with it). -->
    <xsl:variable name="hierarchy" as="element(tei:place)*" select="ed:place-hierarchy(.)[position() gt 1][not(@xml:id = current()/@xml:id)]"/>
    <article id="{@xml:id}" class="entry k-{$kind?kind}{@type ! (' ' || .)}" data-initial="{upper-case(substring(ed:sort-key(.), 1, 1))}">
      <xsl:sequence select="ed:retired-anchors(@xml:id, $retired)"/>
      <h3 class="entry-name">
        <xsl:apply-templates select="ed:display-name(.)" mode="ed:entry-name"/>
        <xsl:call-template name="ed:original-names"/>
      </h3>
      <xsl:variable name="facts" as="element()*">
        <xsl:if test="exists($aliases)"><dt>{ed:label('register.also-named')}</dt><dd>{string-join($aliases, '; ')}</dd></xsl:if>
        <xsl:if test="$type"><dt>{ed:label(if (@role) then 'register.role' else 'register.type')}</dt><dd>{$type}</dd></xsl:if>
        <xsl:if test="$dates"><dt>{ed:label('register.dates')}</dt><dd>{$dates}</dd></xsl:if>
        <xsl:if test="tei:author[normalize-space()]"><dt>{ed:label('register.author')}</dt><dd>{string-join(tei:author ! normalize-space(), '; ')}</dd></xsl:if>
        <xsl:if test="exists($hierarchy)">
          <dt>{ed:label('register.located-in')}</dt>
          <dd class="hierarchy">
            <xsl:for-each select="$hierarchy">
              <xsl:if test="position() gt 1"> › </xsl:if>
              <a href="#{@xml:id}">{ed:entry-name(.)}</a>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="count($coordinates) = 2">
          <dt>{ed:label('register.coordinates')}</dt>
          <dd><a class="geo" href="https://www.openstreetmap.org/?mlat={$coordinates[1]}&amp;mlon={$coordinates[2]}#map=9/{$coordinates[1]}/{$coordinates[2]}">{$coordinates[1]}, {$coordinates[2]}</a></dd>
        </xsl:if>
        <xsl:if test="exists($authorities)">
          <dt>{ed:label('register.authorities')}</dt>
          <dd class="authorities">
            <xsl:for-each select="$authorities">
              <xsl:if test="position() gt 1">, </xsl:if>
              <a href="{?url}" rel="external">{?label} {?id}</a>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <!-- Members as the register records them, each linked to its own entry; no field when none is recorded. -->
        <xsl:variable name="members" as="element(tei:note)*" select="tei:note[@type = 'members'][normalize-space()]"/>
        <xsl:if test="exists($members)">
          <dt>{ed:label('register.members')}</dt>
          <dd class="members"><xsl:for-each select="$members"><xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if><xsl:apply-templates mode="ed:html"/></xsl:for-each></dd>
        </xsl:if>
      </xsl:variable>
      <xsl:if test="exists($facts)"><dl class="entry-facts"><xsl:sequence select="$facts"/></dl></xsl:if>
      <xsl:if test="$description"><p class="description"><xsl:apply-templates select="$description/node()" mode="ed:html"/></p></xsl:if>
      <xsl:for-each select="tei:note[@type = 'editorial'][normalize-space()]">
        <p class="editorial-note"><span class="label">{ed:label('register.editors-note')}</span><xsl:text> </xsl:text><xsl:apply-templates mode="ed:html"/></p>
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

  <!-- The paragraphs pointing at the context entry, one list per relation (mentioned, speaks, quoted); a name
       outside the paragraphs (a heading, a letter's dateline or salutation) is named in the text as well, listed
       with the paragraphs by the part of the text it stands in; a signature is listed as the signer's. -->
  <xsl:template name="ed:entry-links" as="element()+">
    <xsl:variable name="entry" as="element()" select="."/>
    <xsl:variable name="lists" as="element()*">
      <xsl:for-each select="$ed:relations">
        <xsl:variable name="pointers" as="element()*" select="ed:pointers($entry, ?key)"/>
        <xsl:variable name="paragraphs" as="element(tei:p)*" select="$pointers/ed:paragraph-of(.)"/>
        <!-- Outside the paragraphs, in the text (not a note), and not a signature: the division it stands in. -->
        <xsl:variable name="outside" as="element()*" select="$pointers[empty(ed:paragraph-of(.))][empty(ancestor::tei:signed)][ed:in-text(.)]"/>
        <xsl:variable name="places" as="element()*" select="($paragraphs | $outside/ed:text-part(.))"/>
        <xsl:if test="exists($places)">
          <p class="mentions {substring-after(?key, ':')}">
            <span class="label">{?label}:</span>
            <xsl:text> </xsl:text>
            <xsl:for-each select="$places">
              <xsl:if test="position() gt 1">, </xsl:if>
              <xsl:choose>
                <xsl:when test="self::tei:p"><a href="index.html#{@xml:id}">{ed:paragraph-label(.)}</a></xsl:when>
                <xsl:otherwise><a href="index.html#{ancestor-or-self::*[@xml:id][1]/@xml:id}">{ed:text-part-label(.)}</a></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </p>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <!-- A signature is the writer's: the signer's entry lists what they signed (the division, by its label). -->
    <xsl:variable name="signed" as="element()*" select="ed:pointers($entry, 'ed:ref')[ancestor::tei:signed][empty(ed:paragraph-of(.))]"/>
    <xsl:variable name="signatures" as="element()*">
      <xsl:if test="exists($signed)">
        <p class="mentions signed">
          <span class="label">{ed:label('register.signs')}</span>
          <xsl:text> </xsl:text>
          <xsl:for-each select="$signed/ancestor::tei:div[1]">
            <xsl:if test="position() gt 1">, </xsl:if>
            <a href="index.html#{@xml:id}">{ed:division-as-found(.)}</a>
          </xsl:for-each>
        </p>
      </xsl:if>
    </xsl:variable>
    <xsl:sequence select="if (exists(($lists, $signatures))) then ($signatures, $lists) else ed:no-mentions()"/>
  </xsl:template>

  <!-- The part of the text a name outside the paragraphs stands in: a heading, or a letter's opener or closer line
       (dateline, salutation) or the opener or closer itself. -->
  <xsl:function name="ed:text-part" as="element()">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/ancestor::*[self::tei:head or parent::tei:opener or parent::tei:closer or self::tei:opener or self::tei:closer or self::tei:div][1], $e/..)[1]"/>
  </xsl:function>

  <!-- How the register names a part of the text outside the paragraphs: a heading by its words, any other part by
       its division ("comment 1", a heading, else the text's title). -->
  <xsl:function name="ed:text-part-label" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="if ($part/self::tei:head) then ed:plain($part, 'reading') else ed:division-as-found($part)"/>
  </xsl:function>

  <!-- A division as a reader finds it: a comment by its number, another division by its heading, else the text's title. -->
  <xsl:function name="ed:division-as-found" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="div" as="element()?" select="$e/ancestor-or-self::tei:div[1]"/>
    <xsl:sequence select="if ($div/@type = 'comment') then ed:comment-label($div, false())
      else (($div/tei:head[1] ! ed:plain(., 'reading'))[normalize-space()], ed:work(root($e))?title)[1]"/>
  </xsl:function>

  <xsl:function name="ed:no-mentions" as="element()">
    <p class="mentions none">{ed:label('register.not-named')}</p>
  </xsl:function>

</xsl:stylesheet>
