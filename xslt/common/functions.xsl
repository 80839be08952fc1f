<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared functions: which paragraphs are citable, their numbers and sections,
     the witness's quotation marks, links to register entries.
     Every output computes these through here, so they agree. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all">

  <!-- The citable paragraphs of a document, in reading order: essay, then comments. -->
  <xsl:function name="ed:paragraphs" as="element(tei:p)*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:text/(tei:body | tei:back)//tei:div/tei:p"/>
  </xsl:function>

  <!-- "essay" or "comment": paragraphs are numbered within their part. -->
  <xsl:function name="ed:part" as="xs:string" visibility="public">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="if ($p/ancestor::tei:back) then 'comment' else 'essay'"/>
  </xsl:function>

  <!-- The paragraph's number within its part (¶ 1 …); computed, never stored. -->
  <xsl:function name="ed:paragraph-number" as="xs:integer" visibility="public">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:variable name="part" as="element()" select="$p/ancestor::*[self::tei:body or self::tei:back][1]"/>
    <xsl:sequence select="count($part//tei:div/tei:p[. &lt;&lt; $p]) + 1"/>
  </xsl:function>

  <!-- The division a paragraph belongs to (its innermost div). -->
  <xsl:function name="ed:section" as="element(tei:div)" visibility="public">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p/ancestor::tei:div[1]"/>
  </xsl:function>

  <!-- Label for a paragraph in citations: "¶ 12", or "comment 1, ¶ 1". -->
  <xsl:function name="ed:paragraph-label" as="xs:string" visibility="public">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="if (ed:part($p) = 'comment')
      then 'comment ' || (ed:section($p)/@n, '1')[1] || ', ¶ ' || ed:paragraph-number($p)
      else '¶ ' || ed:paragraph-number($p)"/>
  </xsl:function>

  <!-- The first words of a text (about eight), for incipits. -->
  <xsl:function name="ed:incipit" as="xs:string" visibility="public">
    <xsl:param name="text" as="xs:string"/>
    <xsl:variable name="words" as="xs:string*" select="tokenize(normalize-space($text), ' ')"/>
    <xsl:sequence select="string-join(subsequence($words, 1, 8), ' ') || (if (count($words) gt 8) then ' …' else '')"/>
  </xsl:function>

  <!-- The header's renditions and default renditions, looked up by key: ed:is-quoted is asked of
       every element the text views and the HTML visit. -->
  <xsl:key name="ed:rendition" match="tei:teiHeader//tei:rendition" use="@xml:id"/>
  <xsl:key name="ed:tag-usage" match="tei:teiHeader//tei:tagsDecl/tei:namespace/tei:tagUsage" use="@gi"/>

  <!-- The renditions in force on an element: its own @rendition, else its element's default in tagsDecl. -->
  <xsl:function name="ed:renditions" as="element(tei:rendition)*" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="pointers" as="xs:string*" select="tokenize(
      ($e/@rendition, key('ed:tag-usage', local-name($e), root($e))/@rendition)[1], '\s+')"/>
    <xsl:sequence select="$pointers[. ne ''] ! key('ed:rendition', substring-after(., '#'), root($e))"/>
  </xsl:function>

  <!-- The witness's quotation mark before ('before') or after ('after') an element, or ''. -->
  <xsl:function name="ed:witness-mark" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:sequence select="string-join(
      for $r in ed:renditions($e)[@scope = $scope]
      return replace($r, '^\s*content:\s*([''&quot;])(.*)\1;?\s*$', '$2'))"/>
  </xsl:function>

  <!-- Did the witness mark this element with quotation marks? -->
  <xsl:function name="ed:is-quoted" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:witness-mark($e, 'before') ne '' or ed:witness-mark($e, 'after') ne ''"/>
  </xsl:function>

  <!-- Typographic marks for the reading text: “ ” outside, ‘ ’ one level in, alternating. -->
  <xsl:function name="ed:typographic-mark" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:variable name="depth" as="xs:integer" select="count($e/ancestor::*[ed:is-quoted(.)])"/>
    <xsl:sequence select="if ($depth mod 2 = 0)
      then (if ($scope = 'before') then '“' else '”')
      else (if ($scope = 'before') then '‘' else '’')"/>
  </xsl:function>

  <!-- The register entry a pointer ("#id") designates, or nothing. -->
  <xsl:function name="ed:entry" as="element()?" visibility="public">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="root($context)/tei:TEI/tei:standOff//*[@xml:id = substring-after($pointer, '#')][1]"/>
  </xsl:function>

  <!-- The kinds of register entry, in site order: the TEI elements of the kind, its kind token (CSS class,
       data), its index page and title, and the ordered groups the page is divided into ('' = one group).
       Every rule about kinds reads this table: no branch per kind anywhere else. -->
  <xsl:variable name="ed:register-kinds" as="map(xs:string, item()*)*" select="(
    map{'elements': ('person', 'personGrp'), 'kind': 'person', 'page': 'persons.html', 'title': 'Persons',
        'groups': ('Named persons', 'Groups', 'Anonymous persons')},
    map{'elements': 'place', 'kind': 'place', 'page': 'places.html', 'title': 'Places',
        'groups': ('continent', 'region', 'country', 'state', 'province', 'district', 'city', 'town', 'village', 'site')},
    map{'elements': 'org', 'kind': 'org', 'page': 'organisations.html', 'title': 'Organisations', 'groups': ''},
    map{'elements': 'event', 'kind': 'event', 'page': 'events.html', 'title': 'Events', 'groups': ''},
    map{'elements': 'bibl', 'kind': 'work', 'page': 'works.html', 'title': 'Works', 'groups': ''},
    map{'elements': 'item', 'kind': 'term', 'page': 'glossary.html', 'title': 'Glossary', 'groups': ''})"/>

  <!-- The row of the table above that an entry belongs to. -->
  <xsl:function name="ed:register-kind" as="map(xs:string, item()*)" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$ed:register-kinds[local-name($entry) = ?elements]"/>
  </xsl:function>

  <!-- Which index page lists a register entry. -->
  <xsl:function name="ed:index-page" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:register-kind($entry)?page"/>
  </xsl:function>

  <!-- The link to a register entry's index entry. -->
  <xsl:function name="ed:entity-href" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:index-page($entry) || '#' || $entry/@xml:id"/>
  </xsl:function>

  <!-- An entry's preferred name (or label, title, term). -->
  <xsl:function name="ed:entry-name" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(($entry/(tei:persName, tei:placeName, tei:orgName, tei:name)[@type = ('preferred', 'anonymous')],
      $entry/(tei:persName, tei:placeName, tei:orgName, tei:name, tei:label, tei:title, tei:term))[1]))"/>
  </xsl:function>

  <!-- An entry's one-sentence description. -->
  <xsl:function name="ed:entry-description" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(($entry/tei:note[@type = 'description'], $entry/tei:gloss)[1]))"/>
  </xsl:function>

  <!-- The retired identifiers that now lead to $id (directly or through a chain of retirements). -->
  <xsl:function name="ed:predecessors" as="xs:string*" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="retired" as="xs:string"/>
    <xsl:variable name="pairs" as="xs:string*" select="tokenize($retired, '\n')[normalize-space()]"/>
    <xsl:variable name="direct" as="xs:string*" select="$pairs[tokenize(normalize-space(.), ' ')[2] = $id] ! tokenize(normalize-space(.), ' ')[1]"/>
    <xsl:sequence select="$direct, $direct ! ed:predecessors(., $retired)"/>
  </xsl:function>

  <!-- Empty anchors for an element's retired identifiers, so that links to them land on it. -->
  <xsl:function name="ed:retired-anchors" as="element()*" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="retired" as="xs:string"/>
    <xsl:for-each select="ed:predecessors($id, $retired)">
      <span xmlns="http://www.w3.org/1999/xhtml" id="{.}" class="retired-id"/>
    </xsl:for-each>
  </xsl:function>

</xsl:stylesheet>
