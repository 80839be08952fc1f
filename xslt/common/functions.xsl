<?xml version="1.0" encoding="UTF-8"?>
<!-- Shared functions: which paragraphs are citable, their numbers and sections,
     the witness's quotation marks, links to register entries.
     Every output computes these through here, so they agree. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns:map="http://www.w3.org/2005/xpath-functions/map" exclude-result-prefixes="#all">

  <!-- The citable paragraphs of a document, in reading order: essay, then comments. -->
  <xsl:function name="ed:paragraphs" as="element(tei:p)*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:text/(tei:body | tei:back)//tei:div/tei:p"/>
  </xsl:function>

  <!-- Running numbers, computed once per document (never by counting what precedes a node): citable
       paragraphs per part, editorial interventions, notes of the text, each a map from the node's generate-id
       to its number. A memoised function of the document rather than accumulators or global variables: the
       layers are packages (common-package.xsl), and a package can neither lend an entry point its
       accumulators nor read the global context item. -->
  <xsl:function name="ed:running-numbers" as="map(xs:string, map(xs:string, xs:integer))" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="map{
      'essay': ed:numbered($doc/tei:TEI/tei:text/tei:body//tei:div/tei:p),
      'comment': ed:numbered($doc/tei:TEI/tei:text/tei:back//tei:div/tei:p),
      'introduction': ed:numbered($doc/tei:TEI/tei:text/tei:front/tei:div/tei:p),
      'intervention': ed:numbered(ed:interventions($doc)),
      'note': ed:numbered($doc/tei:TEI/tei:text//tei:note)}"/>
  </xsl:function>

  <!-- The anchor of a page break of the source: its xml:id, else page-N (N its @n made a name), else page-at-K
       (its place among the page breaks). -->
  <xsl:function name="ed:page-anchor" as="xs:string" visibility="public">
    <xsl:param name="pb" as="element(tei:pb)"/>
    <xsl:sequence select="($pb/@xml:id, $pb/@n[matches(., '^[A-Za-z0-9]+$')] ! ('page-' || .),
      'page-at-' || count($pb/preceding::tei:pb) + 1)[1]"/>
  </xsl:function>

  <!-- Each node's position in $nodes, by generate-id. -->
  <xsl:function name="ed:numbered" as="map(xs:string, xs:integer)">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="map:merge($nodes ! map{generate-id(.): position()})"/>
  </xsl:function>

  <!-- Is an element of the text an editorial intervention listed in the apparatus: a correction (sic and corr,
       or a bare corr), a regularisation (the writer's orig and the editors' reg), a word supplied in a paragraph?
       The one definition of the pattern: the HTML and the numbering use it (those two select choice, corr and
       supplied by name first: a definition that admits another element names it there too). -->
  <xsl:function name="ed:is-intervention" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <!-- The element's name is asked first: every element of the document is asked, few are any of these. -->
    <xsl:sequence select="exists($e[self::tei:choice or self::tei:corr or self::tei:supplied][
      self::tei:choice[tei:sic and tei:corr] or self::tei:choice[tei:orig and tei:reg]
      or self::tei:corr[not(parent::tei:choice)] or self::tei:supplied[ancestor::tei:p]][ancestor::tei:text])"/>
  </xsl:function>

  <!-- Does an element's @cert say the editors are not sure (medium, low or unknown certainty)? -->
  <xsl:function name="ed:uncertain" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="$e/@cert = ('medium', 'low', 'unknown')"/>
  </xsl:function>

  <!-- The editorial interventions of the text, in document order: the apparatus of every output that has one. -->
  <xsl:function name="ed:interventions" as="element()*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)/tei:TEI/tei:text//(tei:choice | tei:corr | tei:supplied)[ed:is-intervention(.)]"/>
  </xsl:function>

  <!-- Number of an editorial intervention in document order. -->
  <xsl:function name="ed:intervention-number" as="xs:integer" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:running-numbers(root($e))?intervention(generate-id($e))"/>
  </xsl:function>

  <!-- Number of a note of the text in document order. -->
  <xsl:function name="ed:note-number" as="xs:integer" visibility="public">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="ed:running-numbers(root($note))?note(generate-id($note))"/>
  </xsl:function>

  <!-- "essay", "comment" or "introduction" (the editors' own, in front): paragraphs are numbered within their part. -->
  <xsl:function name="ed:part" as="xs:string" visibility="public">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="if ($p/ancestor::tei:back) then 'comment' else if ($p/ancestor::tei:front) then 'introduction' else 'essay'"/>
  </xsl:function>

  <!-- The paragraph's number within its part (¶ 1 …); computed, never stored. -->
  <xsl:function name="ed:paragraph-number" as="xs:integer" visibility="public">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="ed:running-numbers(root($p))(ed:part($p))(generate-id($p))"/>
  </xsl:function>

  <!-- The division a paragraph belongs to (its innermost div). -->
  <xsl:function name="ed:section" as="element(tei:div)" visibility="public">
    <xsl:param name="p" as="element()"/>
    <xsl:sequence select="$p/ancestor::tei:div[1]"/>
  </xsl:function>

  <!-- A reader comment's label, "comment 1" (its @n), capitalised for a heading ("Comment 1"): the one label the
       comment's heading, its paragraphs' markers and their citations share. -->
  <xsl:function name="ed:comment-label" as="xs:string" visibility="public">
    <xsl:param name="div" as="element(tei:div)"/>
    <xsl:param name="heading" as="xs:boolean"/>
    <xsl:sequence select="ed:label(if ($heading) then 'comment.heading' else 'comment.label', string(($div/@n, '1')[1]))"/>
  </xsl:function>

  <!-- Label for a paragraph in citations: "¶ 12", or "comment 1, ¶ 1". Memoised: pointers, cite controls, apparatus
       and index entries ask it of the same few paragraphs many times. -->
  <xsl:function name="ed:paragraph-label" as="xs:string" visibility="public" cache="yes">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="if (ed:part($p) = 'comment')
      then ed:comment-label(ed:section($p), false()) || ', ¶ ' || ed:paragraph-number($p)
      else if (ed:part($p) = 'introduction') then 'introduction ¶ ' || ed:paragraph-number($p)
      else '¶ ' || ed:paragraph-number($p)"/>
  </xsl:function>

  <!-- The source's dating note (sourceDesc), where a title page shows it: the dating is said once, so none when the
       title page's date carries a dating note of its own. -->
  <xsl:function name="ed:source-dating" as="element(tei:note)*" visibility="public">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" as="element(tei:TEI)" select="root($doc)/tei:TEI"/>
    <xsl:sequence select="if ($tei/tei:text/tei:front//tei:note[@type = 'dating']) then ()
      else $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[1]/tei:note[@type = 'dating']"/>
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

  <!-- The pointers to the renditions in force on an element: its own @rendition, else its element's default in
       tagsDecl (one key lookup for most elements, which have neither). -->
  <xsl:function name="ed:rendition-pointers" as="attribute()?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="($e/@rendition, key('ed:tag-usage', local-name($e), root($e))/@rendition)[1]"/>
  </xsl:function>

  <!-- The witness's quotation marks. Every element the text views and the HTML visit is asked whether it is quoted
       (some more than once), so the question costs one key lookup for most elements (no rendition in force), and
       for the others a memoised lookup by their pointer list (a document has a handful): the renditions are read
       once per list. The functions return no map per element: checking a map's type on every call costs more
       than the lookup. -->
  <xsl:function name="ed:marks" as="map(xs:string, xs:string)" cache="yes">
    <xsl:param name="pointers" as="xs:string"/>
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="renditions" as="element(tei:rendition)*" select="tokenize($pointers, '\s+')[. ne ''] ! key('ed:rendition', substring-after(., '#'), $root)"/>
    <xsl:sequence select="map:merge(distinct-values($renditions/@scope ! string()) ! (let $scope := . return map{$scope: string-join(
      for $r in $renditions[@scope = $scope] return replace($r, '^\s*content:\s*([''&quot;])(.*)\1;?\s*$', '$2'))}))"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
  </xsl:function>
  <xsl:function name="ed:marks-quote" as="xs:boolean" cache="yes">
    <xsl:param name="pointers" as="xs:string"/>
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="marks" as="map(xs:string, xs:string)" select="ed:marks($pointers, $root)"/>
    <xsl:sequence select="exists(($marks?before, $marks?after)[. ne ''])"/>
  </xsl:function>

  <!-- The witness's quotation mark before ('before') or after ('after') an element, or ''. -->
  <xsl:function name="ed:witness-mark" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:variable name="pointers" as="attribute()?" select="ed:rendition-pointers($e)"/>
    <xsl:sequence select="if (empty($pointers)) then '' else (ed:marks(string($pointers), root($e))($scope), '')[1]"/>
  </xsl:function>

  <!-- Did the witness mark this element with quotation marks? -->
  <xsl:function name="ed:is-quoted" as="xs:boolean" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="pointers" as="attribute()?" select="ed:rendition-pointers($e)"/>
    <xsl:sequence select="exists($pointers) and ed:marks-quote(string($pointers), root($e))"/>
  </xsl:function>

  <!-- How many quotations the witness marked around an element (its quoted ancestors): its marks alternate with it. -->
  <xsl:function name="ed:quote-depth" as="xs:integer" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="count($e/ancestor::*[ed:is-quoted(.)])"/>
  </xsl:function>

  <!-- Typographic marks for the reading text: “ ” outside, ‘ ’ one level in, alternating. -->
  <xsl:function name="ed:typographic-mark" as="xs:string" visibility="public">
    <xsl:param name="e" as="element()"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:sequence select="ed:typographic-mark-at(ed:quote-depth($e), $scope)"/>
  </xsl:function>

  <!-- The typographic mark at a depth of quotation (ed:quote-depth): a quotation's templates ask the depth once
       for both its marks. -->
  <xsl:function name="ed:typographic-mark-at" as="xs:string" visibility="public">
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:param name="scope" as="xs:string"/>
    <xsl:sequence select="if ($depth mod 2 = 0)
      then (if ($scope = 'before') then '“' else '”')
      else (if ($scope = 'before') then '‘' else '’')"/>
  </xsl:function>

  <!-- The register entry a pointer ("#id") designates, or nothing (looked up by identifier, never searched). -->
  <xsl:function name="ed:entry" as="element()?" visibility="public">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="id(substring-after(normalize-space($pointer), '#'), root($context))[ancestor::tei:standOff][1]"/>
  </xsl:function>

  <!-- The register entries a pointer attribute designates, one per pointer, in the attribute's order
       (ref="#kaifeng #henan" designates two). -->
  <xsl:function name="ed:entries-of" as="element()*" visibility="public">
    <xsl:param name="pointers" as="attribute()?"/>
    <xsl:sequence select="tokenize(normalize-space($pointers)) ! ed:entry($pointers, .)"/>
  </xsl:function>

  <!-- The register kind (declarations.xsl) an entry belongs to. -->
  <xsl:function name="ed:register-kind" as="map(xs:string, item()*)" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$ed:kind-of-element(local-name($entry))"/>
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

  <!-- The names an entry records, in the order of the declaration's name elements, without the names in an
       original script or romanisation (declarations.xsl), which are shown beside the display name, never as it;
       an entry named only in those (a glossary headword in pinyin) keeps them. -->
  <xsl:function name="ed:entry-names" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <!-- The entry's children are read once, then put in the declaration's order (most entries have one name). -->
    <xsl:variable name="names" as="element()*" select="$entry/tei:*[local-name() = $ed:name-elements]"/>
    <xsl:variable name="all" as="element()*" select="if (count($names) le 1) then $names else for $name in $ed:name-elements return $names[local-name() = $name]"/>
    <xsl:variable name="translated" as="element()*" select="$all[not(@xml:lang = $ed:original-script)]"/>
    <xsl:sequence select="if (exists($translated)) then $translated else $all"/>
  </xsl:function>

  <!-- An entry's names in an original script or romanisation, shown beside its display name, in the
       declaration's language order (characters, then tonal pinyin, then Wade-Giles). -->
  <xsl:function name="ed:original-names" as="element()*" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <!-- The children are read once; most entries have no such name, and then the languages are not looped over. -->
    <xsl:variable name="original" as="element()*" select="$entry/tei:*[@xml:lang = $ed:original-script][local-name() = $ed:name-elements]"/>
    <xsl:variable name="shown" as="element()*" select="if (exists($original)) then ed:entry-names($entry) else ()"/>
    <xsl:sequence select="for $lang in $ed:original-script[exists($original)] return $original[@xml:lang = $lang] except $shown"/>
  </xsl:function>

  <!-- The element of an entry's preferred name (or label, title, term). -->
  <xsl:function name="ed:display-name" as="element()?" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" as="element()*" select="ed:entry-names($entry)"/>
    <xsl:sequence select="($names[@type = ('preferred', 'anonymous')], $names)[1]"/>
  </xsl:function>

  <!-- "下岗 xiàgǎng": an entry's names in original scripts and romanisations, as one string ('' if none). -->
  <xsl:function name="ed:original-names-label" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="string-join(distinct-values(ed:original-names($entry) ! normalize-space()), ' ')"/>
  </xsl:function>

  <!-- An entry's preferred name (or label, title, term); memoised, since every mention of the entry asks. -->
  <xsl:function name="ed:entry-name" as="xs:string" visibility="public" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="normalize-space(string(ed:display-name($entry)))"/>
  </xsl:function>

  <!-- The element holding an entry's description: note type description, or a glossary item's gloss. -->
  <xsl:function name="ed:description-of" as="element()?" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:note[@type = 'description'], $entry/tei:gloss)[1]"/>
  </xsl:function>

  <!-- An entry's one-sentence description, as plain text (pointers to paragraphs as "¶ N"). -->
  <xsl:function name="ed:entry-description" as="xs:string" visibility="public">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:plain(ed:description-of($entry)/node(), 'reading')"/>
  </xsl:function>

  <!-- The paragraph or section a pointer ("#p-…") designates, or nothing. -->
  <xsl:function name="ed:target" as="element()?" visibility="public">
    <xsl:param name="ptr" as="element()"/>
    <xsl:sequence select="id(substring-after(normalize-space($ptr/@target), '#'), root($ptr))[self::tei:p or self::tei:div][ancestor::tei:text][1]"/>
  </xsl:function>

  <!-- How a pointer to the text reads: "¶ 12", "comment 1, ¶ 1", a section's title; the identifier if it is lost. -->
  <xsl:function name="ed:target-label" as="xs:string" visibility="public">
    <xsl:param name="ptr" as="element()"/>
    <xsl:variable name="target" as="element()?" select="ed:target($ptr)"/>
    <xsl:sequence select="
      if ($target/self::tei:p[parent::tei:div]) then ed:paragraph-label($target)
      else if ($target/self::tei:div[tei:head]) then ed:plain($target/tei:head[1], 'reading')
      else string($ptr/@target)"/>
  </xsl:function>

  <!-- The retired identifiers that now lead to $id (directly or through a chain of retirements). -->
  <xsl:function name="ed:predecessors" as="xs:string*" visibility="public">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="retired" as="xs:string"/>
    <xsl:variable name="direct" as="xs:string*" select="ed:retirements($retired)($id)"/>
    <xsl:sequence select="$direct, $direct ! ed:predecessors(., $retired)"/>
  </xsl:function>

  <!-- "OLD SUCCESSOR" lines as a map from each successor to its direct predecessors (memoised: the
       parameter is the same string for every element of a build, so the map is built once, not once per element). -->
  <xsl:function name="ed:retirements" as="map(xs:string, xs:string*)" cache="yes">
    <xsl:param name="retired" as="xs:string"/>
    <xsl:sequence select="map:merge(tokenize($retired, '\n')[normalize-space()] ! (let $pair := tokenize(normalize-space(.), ' ')
      return map{$pair[2]: $pair[1]}), map{'duplicates': 'combine'})"
      xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
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
