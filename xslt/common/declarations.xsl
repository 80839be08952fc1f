<?xml version="1.0" encoding="UTF-8"?>
<!-- What the pipeline knows about the TEI it reads, declared once: the kinds of register entry, the names
     that are not display names (original scripts), the two text views, the citation formats.
     Every stylesheet reads these through the variables below; the Python library reads the same
     <ed:declarations> element from this file (edition.declarations), so nothing here is restated elsewhere.
     To add a register kind: add one <ed:kind> (and, for the schema, the element to edition.rnc/.sch). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt"
  exclude-result-prefixes="#all">

  <xsl:variable name="ed:declarations" as="element(ed:declarations)">
    <ed:declarations>
      <!-- Register kinds, in site order.
           name         the kind's token (CSS class k-{name}, "kind" in the data files);
           list         the register's list element in its TEI file (an XPath step; the Schematron's entry rules
                        and the encoding manual read it);
           nests        "yes": an entry may hold entries of its kind (a city within its province);
           elements     the TEI elements that are entries of this kind (in standOff);
           schema-types the schema.org type of each of those elements, in the same order (the pages' JSON-LD and
                        the RDF; a Thing that is a group of people gets CIDOC-CRM's E74 Group as additionalType);
           page, title  the index page and its heading (a label key, common/labels.xsl; a register with no entries
                        has no page and no link);
           highlight    a colour: the reading view's highlight switch offers this kind (key = the page's name);
           figure       an illustration the page shows above its entries (a named template of maps.xsl);
           search-part  the search part its entries are filed under (ed:search-part below);
           index        "yes": the print edition's index lists the kind's entries;
           ed:group     the ordered groups of the page ('' or none = one group), each a token (its heading: the label
                        group.TOKEN); @element: the entries of that
                        element form the group; @anonymous="yes": entries with an anonymous name and no preferred
                        one; a kind whose groups have neither is grouped by the entry's @type. -->
      <ed:kind name="person" list="listPerson" elements="person personGrp" schema-types="Person Thing" page="persons.html" search-part="registers" index="yes" title="kind.person" highlight="#ffe08a">
        <ed:group element="person">named-persons</ed:group><ed:group element="personGrp">groups</ed:group><ed:group element="person" anonymous="yes">anonymous-persons</ed:group>
      </ed:kind>
      <ed:kind name="place" list="listPlace" nests="yes" elements="place" schema-types="Place" page="places.html" search-part="registers" index="yes" title="kind.place" highlight="#bfe8c4" figure="place-map">
        <ed:group>continent</ed:group><ed:group>region</ed:group><ed:group>country</ed:group><ed:group>state</ed:group>
        <ed:group>province</ed:group><ed:group>district</ed:group><ed:group>city</ed:group><ed:group>town</ed:group>
        <ed:group>village</ed:group><ed:group>site</ed:group>
      </ed:kind>
      <ed:kind name="org" list="listOrg" elements="org" schema-types="Organization" page="organisations.html" search-part="registers" index="yes" title="kind.org" highlight="#c8dcff"/>
      <ed:kind name="event" list="listEvent" elements="event" schema-types="Event" page="events.html" search-part="registers" index="yes" title="kind.event" figure="event-timeline"/>
      <ed:kind name="work" list="listBibl" elements="bibl" schema-types="CreativeWork" page="works.html" search-part="registers" index="yes" title="kind.work"/>
      <ed:kind name="term" list="list[@type='glossary']" elements="item" schema-types="DefinedTerm" page="glossary.html" search-part="registers" index="yes" title="kind.term"/>

      <!-- The site's other pages (file, title (a label key), the search part their records are filed under) and the site
           navigation: the pages with nav="yes" in this order, the register pages (those with entries) where
           ed:register-pages stands. A page that names no search part is filed under the part that no page and
           no kind names. -->
      <ed:page file="index.html" title="nav.reading-text" search-part="essay" nav="yes"/>
      <ed:register-pages/>
      <ed:page file="voices.html" title="nav.voices" search-part="voices" nav="yes"/>
      <ed:page file="figures.html" title="nav.figures" search-part="figures" nav="yes"/>
      <ed:page file="search.html" title="search.heading" nav="no"/>
      <ed:page file="encoding.html" title="encoding.title" nav="no"/>
      <ed:page file="changes.html" title="changes.title" nav="no"/>

      <!-- Search parts, in the order the search page lists them and searches them (search-records.xsl):
           name   the part's token (its index is html/pagefind/{name}/);  label  what the search page calls it (a label key).
           A page (ed:page) and a register kind name their part (search-part); the one part that no page and
           no kind names takes every page that names none. -->
      <ed:search-part name="essay" label="search-part.essay"/>
      <ed:search-part name="registers" label="search-part.registers"/>
      <ed:search-part name="voices" label="search-part.voices"/>
      <ed:search-part name="figures" label="search-part.figures"/>
      <ed:search-part name="about" label="search-part.about"/>

      <!-- The children of an entry that record its names, in the order a display name is chosen. -->
      <ed:names elements="persName placeName orgName name label title term"/>
      <!-- Names in these languages are shown beside the heading (characters, romanisations); they are never
           the display name and never searched for in the English text. -->
      <ed:original-script languages="zh-Hans zh-Hant zh-Latn-pinyin zh-Latn-wadegile"/>

      <!-- The text views: the elements each leaves out, with their content. In both, a choice of the writer's
           form (orig) and a regularised one (reg) shows the writer's form. -->
      <ed:view name="reading" omits="note sic abbr reg"/>
      <ed:view name="diplomatic" omits="note corr supplied reg expan"/>

      <!-- Citation formats (ed:citation in cite.xsl; the format option of `edition cite`): name, label, and
           where the build writes the edition's citation in it, the file (under html/) and its media type. -->
      <ed:format name="text" label="Plain text" media-type="text/plain"/>
      <ed:format name="chicago" label="Chicago" media-type="text/plain"/>
      <ed:format name="mla" label="MLA" media-type="text/plain"/>
      <ed:format name="apa" label="APA" media-type="text/plain"/>
      <ed:format name="bibtex" label="BibTeX" file="cite/edition.bib" media-type="application/x-bibtex"/>
      <ed:format name="ris" label="RIS" file="cite/edition.ris" media-type="application/x-research-info-systems"/>
      <ed:format name="csl-json" label="CSL-JSON" file="cite/edition.json" media-type="application/vnd.citationstyles.csl+json"/>
    </ed:declarations>
  </xsl:variable>

  <!-- The register kinds as maps: {'kind', 'elements', 'page', 'title', 'groups', 'highlight', 'figure', 'index',
       'search-part'}. -->
  <xsl:variable name="ed:register-kinds" as="map(xs:string, item()*)*" select="$ed:declarations/ed:kind ! map{
    'kind': string(@name), 'elements': tokenize(@elements), 'page': string(@page), 'title': ed:label(@title),
    'groups': if (ed:group) then ed:group ! string() else '', 'highlight': string(@highlight), 'figure': string(@figure),
    'index': @index = 'yes', 'search-part': string(@search-part)}"/>

  <!-- The kinds the print edition's index lists. -->
  <xsl:variable name="ed:index-kinds" as="xs:string*" select="$ed:declarations/ed:kind[@index = 'yes']/@name ! string()"/>

  <!-- The schema.org type of each entry element (by local name). -->
  <xsl:variable name="ed:schema-types" as="map(xs:string, xs:string)" select="map:merge(
    $ed:declarations/ed:kind ! (for-each-pair(tokenize(@elements), tokenize(@schema-types), function($e, $t) { map{$e: $t} })))"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <!-- The site's pages other than the registers: {'file', 'title', 'search-part', 'nav'}. -->
  <xsl:variable name="ed:pages" as="map(xs:string, item())*" select="$ed:declarations/ed:page ! map{
    'file': string(@file), 'title': ed:label(@title), 'search-part': string(@search-part), 'nav': @nav = 'yes'}"/>

  <!-- The register kind of each entry element (by local name): ed:register-kind is asked of every link. -->
  <xsl:variable name="ed:kind-of-element" as="map(xs:string, map(xs:string, item()*))" select="map:merge(
    $ed:register-kinds ! (let $kind := . return ?elements ! map{.: $kind}))" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <xsl:variable name="ed:name-elements" as="xs:string+" select="tokenize($ed:declarations/ed:names/@elements)"/>
  <xsl:variable name="ed:original-script" as="xs:string+" select="tokenize($ed:declarations/ed:original-script/@languages)"/>
  <xsl:variable name="ed:formats" as="xs:string+" select="$ed:declarations/ed:format/@name ! string()"/>
  <!-- The formats the build writes the edition's citation in: {'name', 'label', 'file', 'media-type'}. -->
  <xsl:variable name="ed:format-files" as="map(xs:string, xs:string)*" select="$ed:declarations/ed:format[@file] ! map{
    'name': string(@name), 'label': string(@label), 'file': string(@file), 'media-type': string(@media-type)}"/>

  <!-- The elements each view leaves out, by view name (a map built once: patterns ask it of every element). -->
  <xsl:variable name="ed:view-omissions" as="map(xs:string, xs:string*)" select="map:merge(
    $ed:declarations/ed:view ! map{string(@name): tokenize(@omits)})" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

</xsl:stylesheet>
