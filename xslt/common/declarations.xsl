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
           name        the kind's token (CSS class k-{name}, "kind" in the data files);
           list        the register's list element in its TEI file (an XPath step; for the schema's rules);
           nests       "yes": an entry may hold entries of its kind (a city within its province);
           elements    the TEI elements that are entries of this kind (in standOff);
           page, title the index page and its heading (a label key, common/labels.xsl);
           highlight   a colour: the reading view's highlight switch offers this kind (key = the page's name);
           figure      an illustration the page shows above its entries (a named template of maps.xsl);
           search-part the search part its entries are filed under (ed:search-part below);
           ed:group    the ordered groups of the page ('' or none = one group). -->
      <ed:kind name="person" list="listPerson" elements="person personGrp" page="persons.html" search-part="registers" title="kind.person" highlight="#ffe08a">
        <ed:group>named-persons</ed:group><ed:group>groups</ed:group><ed:group>anonymous-persons</ed:group>
      </ed:kind>
      <ed:kind name="place" list="listPlace" nests="yes" elements="place" page="places.html" search-part="registers" title="kind.place" highlight="#bfe8c4" figure="place-map">
        <ed:group>continent</ed:group><ed:group>region</ed:group><ed:group>country</ed:group><ed:group>state</ed:group>
        <ed:group>province</ed:group><ed:group>district</ed:group><ed:group>city</ed:group><ed:group>town</ed:group>
        <ed:group>village</ed:group><ed:group>site</ed:group>
      </ed:kind>
      <ed:kind name="org" list="listOrg" elements="org" page="organisations.html" search-part="registers" title="kind.org" highlight="#c8dcff"/>
      <ed:kind name="event" list="listEvent" elements="event" page="events.html" search-part="registers" title="kind.event" figure="event-timeline"/>
      <ed:kind name="work" list="listBibl" elements="bibl" page="works.html" search-part="registers" title="kind.work"/>
      <ed:kind name="term" list="list[@type='glossary']" elements="item" page="glossary.html" search-part="registers" title="kind.term"/>

      <!-- Search parts, in the order the search page lists them and searches them (search-records.xsl):
           name   the part's token (its index is html/pagefind/{name}/);  label  what the search page calls it (a label key);
           pages  the pages filed under it; a register kind names its part (search-part); the one part that
                  names no page and no kind takes every other page. -->
      <ed:search-part name="essay" label="search-part.essay" pages="index.html"/>
      <ed:search-part name="registers" label="search-part.registers"/>
      <ed:search-part name="voices" label="search-part.voices" pages="voices.html"/>
      <ed:search-part name="figures" label="search-part.figures" pages="figures.html"/>
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

      <!-- Citation formats (ed:citation in cite.xsl; the format option of `edition cite`). -->
      <ed:format name="text"/>
      <ed:format name="chicago"/>
      <ed:format name="mla"/>
      <ed:format name="bibtex"/>
      <ed:format name="csl-json"/>
    </ed:declarations>
  </xsl:variable>

  <!-- The register kinds as maps: {'kind', 'elements', 'page', 'title', 'groups', 'highlight', 'figure'}. -->
  <xsl:variable name="ed:register-kinds" as="map(xs:string, item()*)*" select="$ed:declarations/ed:kind ! map{
    'kind': string(@name), 'elements': tokenize(@elements), 'page': string(@page), 'title': ed:label(@title),
    'groups': if (ed:group) then ed:group ! string() else '', 'highlight': string(@highlight), 'figure': string(@figure)}"/>

  <!-- The register kind of each entry element (by local name): ed:register-kind is asked of every link. -->
  <xsl:variable name="ed:kind-of-element" as="map(xs:string, map(xs:string, item()*))" select="map:merge(
    $ed:register-kinds ! (let $kind := . return ?elements ! map{.: $kind}))" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

  <xsl:variable name="ed:name-elements" as="xs:string+" select="tokenize($ed:declarations/ed:names/@elements)"/>
  <xsl:variable name="ed:original-script" as="xs:string+" select="tokenize($ed:declarations/ed:original-script/@languages)"/>
  <xsl:variable name="ed:formats" as="xs:string+" select="$ed:declarations/ed:format/@name ! string()"/>

  <!-- The elements each view leaves out, by view name (a map built once: patterns ask it of every element). -->
  <xsl:variable name="ed:view-omissions" as="map(xs:string, xs:string*)" select="map:merge(
    $ed:declarations/ed:view ! map{string(@name): tokenize(@omits)})" xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>

</xsl:stylesheet>
