<?xml version="1.0" encoding="UTF-8"?>
<!-- The citation tree of the edition, read from the header's refsDecl: every citable unit with its
     identifier, level, parent, type and element, in document order, and the indexes a Navigation
     response is answered from (a unit by identifier, the units under a parent, the units below an
     ancestor), each built in one pass so that no response searches the whole tree. Included by xslt/dts.xsl.

     One tree only: refsDecl as written (e.g. sections › paragraphs, comments › paragraphs). A Level 0
     server must answer every valid call of every tree it offers, among them down=0 (a unit's siblings) for
     every unit; in a flat tree of every paragraph each of the n paragraphs has the n paragraphs for
     siblings, n² entries written in all, so the edition offers no flat tree (down=-1 from the root lists
     every paragraph with its citeType). -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map" xmlns:ed="urn:weil-edition:xslt" exclude-result-prefixes="#all" expand-text="yes">

  <!-- The trees: map{'id': '' for the default tree, 'description', 'structures': the top citeStructure
       elements, 'units': map()* in document order, 'by-id': map{id: unit}, 'children': map{parent id, or ''
       for the root: units*}, 'descendants': map{id: units* below it}}. Empty when refsDecl declares nothing. -->
  <xsl:function name="ed:citation-trees" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:variable name="structures" as="element(tei:citeStructure)*"
      select="$doc/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:refsDecl[1]/tei:citeStructure"/>
    <xsl:variable name="units" as="map(xs:string, item()*)*" select="ed:tree-units($doc, $structures)"/>
    <xsl:variable name="leaves" as="map(xs:string, item()*)*" select="$units[not(?structure/tei:citeStructure)]"/>
    <xsl:sequence select="
      if (empty($units)) then ()
      else ed:indexed(map{'id': '', 'description': 'The edition''s divisions and their ' || string-join(distinct-values($leaves ! ?type), ', ') || 's, as the header''s refsDecl declares them',
            'units': $units, 'structures': $structures})"/>
  </xsl:function>

  <!-- A tree with its indexes (see ed:citation-trees). -->
  <xsl:function name="ed:indexed" as="map(xs:string, item()*)">
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:variable name="units" as="map(xs:string, item()*)*" select="$tree?units"/>
    <xsl:sequence select="map:merge(($tree, map{
      'by-id': map:merge($units ! map{?id: .}, map{'duplicates': 'use-first'}),
      'children': map:merge($units ! map{string(?parent): .}, map{'duplicates': 'combine'}),
      'descendants': map:merge($units ! (let $unit := . return $unit?ancestors ! map{.: $unit}), map{'duplicates': 'combine'})}))"/>
  </xsl:function>

  <!-- Every unit of the citeStructures under $structures, in document order. -->
  <xsl:function name="ed:tree-units" as="map(xs:string, item()*)*">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="structures" as="element(tei:citeStructure)*"/>
    <xsl:variable name="all" as="map(xs:string, item()*)*"
      select="$structures ! ed:structure-units(., $doc, (), 1)"/>
    <!-- Ordered by the units' elements in the document (pre-order, depth first), whatever the order of
         structures: the union sorts the elements once, and each finds its unit by its generated identifier. -->
    <xsl:variable name="by-node" as="map(xs:string, map(xs:string, item()*))"
      select="map:merge($all ! map{generate-id(?node): .}, map{'duplicates': 'use-first'})"/>
    <xsl:sequence select="(($all ! ?node) | ()) ! $by-node(generate-id(.))"/>
  </xsl:function>

  <!-- The units one citeStructure matches in $context, each followed by its own sub-units. -->
  <xsl:function name="ed:structure-units" as="map(xs:string, item()*)*">
    <xsl:param name="structure" as="element(tei:citeStructure)"/>
    <xsl:param name="context" as="node()"/>
    <xsl:param name="parent" as="map(xs:string, item()*)?"/>
    <xsl:param name="level" as="xs:integer"/>
    <xsl:variable name="matched" as="node()*">
      <xsl:evaluate xpath="string($structure/@match)" context-item="$context" namespace-context="$structure"/>
    </xsl:variable>
    <xsl:for-each select="$matched">
      <xsl:variable name="node" as="node()" select="."/>
      <xsl:variable name="ref" as="xs:string">
        <xsl:evaluate xpath="'string(' || $structure/@use || ')'" context-item="." namespace-context="$structure"/>
      </xsl:variable>
      <xsl:variable name="title" as="xs:string?">
        <xsl:for-each select="$structure/tei:citeData[@property = ('dc:title', 'http://purl.org/dc/terms/title')][1]">
          <xsl:variable name="value" as="item()*">
            <xsl:evaluate xpath="string(@use)" context-item="$node" namespace-context="$structure"/>
          </xsl:variable>
          <xsl:sequence select="normalize-space(if ($value[1] instance of element()) then ed:plain($value[1], 'reading') else string($value[1]))[.]"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:variable name="unit" as="map(xs:string, item()*)" select="map{
        'id': $ref, 'level': $level, 'parent': $parent?id, 'type': string($structure/@unit),
        'node': ., 'structure': $structure, 'title': $title,
        'ancestors': ($parent?ancestors, $parent?id)}"/>
      <xsl:sequence select="$unit, $structure/tei:citeStructure ! ed:structure-units(., $unit?node, $unit, $level + 1)"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The units a Navigation request answers with (DTS 1.0, "Usage of down, ref"):
       $ref absent = from the root; $down -1 = to the bottom, 0 = the siblings of $ref, n = n levels down.
       Each is one look-up in the tree's indexes, then a filter of what it holds. -->
  <xsl:function name="ed:navigation-members" as="map(xs:string, item()*)*" visibility="public">
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:param name="ref" as="map(xs:string, item()*)?"/>
    <xsl:param name="down" as="xs:integer"/>
    <xsl:variable name="below" as="map(xs:string, item()*)*" select="
      if ($down = 0) then map:get($tree?children, string($ref?parent))
      else if (empty($ref)) then $tree?units[$down lt 0 or ?level le $down]
      else map:get($tree?descendants, $ref?id)[$down lt 0 or ?level - $ref?level le $down]"/>
    <!-- A ref with nothing below it answers with itself. -->
    <xsl:sequence select="if (exists($ref) and empty($below)) then $ref else $below"/>
  </xsl:function>

  <!-- How deep a tree goes. -->
  <xsl:function name="ed:tree-depth" as="xs:integer" visibility="public">
    <xsl:param name="tree" as="map(xs:string, item()*)"/>
    <xsl:sequence select="max(($tree?units ! ?level, 0))"/>
  </xsl:function>

</xsl:stylesheet>
