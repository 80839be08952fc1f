<?xml version="1.0" encoding="UTF-8"?>
<!-- The words the outputs print, in the edition's language: one labels file per language (xslt/labels/LANG.xml,
     one <label key="…"> each, as the TEI Consortium's stylesheets keep their i18n file), read when the
     stylesheets are compiled (no file is read at run time). The language is the text's xml:lang (the build's
     parameter $lang); a language without a file, or a key its file lacks, falls back to English (tests list the
     keys a language lacks). Placeholders {1}, {2} … stand for numbers, names or whole elements. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:ed="urn:weil-edition:xslt"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map" exclude-result-prefixes="#all">

  <!-- Every labels file of xslt/labels/, by language: key → label element. -->
  <xsl:variable name="ed:label-files" static="yes" as="document-node()*"
    select="('en', 'de') ! doc('../labels/' || . || '.xml')"/>
  <xsl:variable name="ed:labels" as="map(xs:string, map(xs:string, element()))"
    select="map:merge($ed:label-files ! map{string(*/@xml:lang): map:merge(*/*:label ! map{string(@key): .})})"/>

  <!-- The language the labels are printed in: the text's primary language subtag, if a labels file exists. -->
  <xsl:function name="ed:lang" as="xs:string" visibility="public">
    <xsl:variable name="primary" as="xs:string" select="lower-case(tokenize($lang, '-')[1])"/>
    <xsl:sequence select="if (map:contains($ed:labels, $primary)) then $primary else 'en'"/>
  </xsl:function>

  <!-- The edition's own wording for some keys (the build's parameter $label-overrides, a JSON object read from
       the header's taxonomy xml:id="labels": category n="KEY", its catDesc the label). -->
  <xsl:variable name="ed:label-overrides" as="map(*)" select="parse-json($label-overrides)"/>

  <!-- The label for a key: the edition's, else the language's, else English's; an unknown key is a stylesheet
       error (also when only the edition names it: a typo is not printed silently). -->
  <xsl:function name="ed:label-text" as="xs:string" cache="yes">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="($ed:label-overrides($key), $ed:labels(ed:lang())($key), $ed:labels('en')($key),
      error(xs:QName('ed:label'), 'no label ' || $key || ' in xslt/labels/en.xml'))[1] ! string()"/>
  </xsl:function>

  <xsl:function name="ed:label" as="xs:string" visibility="public">
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="ed:label-text($key)"/>
  </xsl:function>

  <!-- A label with its placeholders {1}, {2} … replaced by the strings given. -->
  <xsl:function name="ed:label" as="xs:string" visibility="public">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="xs:string*"/>
    <xsl:sequence select="string-join(ed:label-nodes($key, $args) ! string())"/>
  </xsl:function>

  <!-- A label as a sequence of text and the items given for its placeholders (links, emphasis, names). -->
  <xsl:function name="ed:label-nodes" as="item()*" visibility="public">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="args" as="item()*"/>
    <xsl:analyze-string select="ed:label-text($key)" regex="\{{([0-9]+)\}}">
      <xsl:matching-substring><xsl:sequence select="$args[xs:integer(regex-group(1))]"/></xsl:matching-substring>
      <xsl:non-matching-substring><xsl:value-of select="."/></xsl:non-matching-substring>
    </xsl:analyze-string>
  </xsl:function>

  <!-- "30 November 2026" for a full date, in the labels' language (date.picture); a year or year-month as written. -->
  <xsl:function name="ed:date-in-words" as="xs:string" visibility="public">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:sequence select="if ($when castable as xs:date) then format-date(xs:date($when), ed:label('date.picture'), ed:lang(), (), ()) else string($when)"/>
  </xsl:function>

  <!-- Every key of the English labels file (the complete one), in its order. -->
  <xsl:function name="ed:label-keys" as="xs:string*" visibility="public">
    <xsl:sequence select="$ed:label-files[*/@xml:lang = 'en']/*/*:label/@key ! string()"/>
  </xsl:function>

  <!-- The labels a script needs, as one JSON object (key → label), for a page's data-labels attribute: written
       member by member in the order the keys are given (a serialised map has no stable order, and two builds
       must be byte-identical). -->
  <xsl:function name="ed:labels-json" as="xs:string" visibility="public">
    <xsl:param name="keys" as="xs:string*"/>
    <xsl:sequence select="'{' || string-join(distinct-values($keys) ! (serialize(., map{'method': 'json'}) || ':'
      || serialize(ed:label(.), map{'method': 'json'})), ',') || '}'"/>
  </xsl:function>

  <!-- The edition's label for a value it declares in its header (the catDesc of the category n="$value" of
       taxonomy xml:id="$taxonomy"), '' when it declares the value with an empty catDesc, () when it does not. -->
  <xsl:function name="ed:declared-label" as="xs:string?" visibility="public">
    <xsl:param name="node" as="node()"/>
    <xsl:param name="taxonomy" as="xs:string"/>
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="(root($node)//*:taxonomy[@xml:id = $taxonomy]/*:category[@n = $value])[1] ! normalize-space(*:catDesc)"/>
  </xsl:function>

  <!-- A division's title where the text gives it none of its own words: its head (unless only a number),
       else the label the edition declares for its type (the catDesc of its category in the header's taxonomy
       xml:id="div-type"), else "Introduction" before the first heading of the body, or the back matter's label. -->
  <xsl:function name="ed:division-label" as="xs:string" visibility="public">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="head" as="xs:string" select="normalize-space(string-join($div/*:head[not(@type = 'number')][1]//text()))"/>
    <xsl:variable name="declared" as="xs:string" select="normalize-space(root($div)//*:taxonomy[@xml:id = 'div-type']/*:category[@n = $div/@type][1]/*:catDesc)"/>
    <xsl:sequence select="($head[.], $declared[.], ed:label(if ($div/ancestor::*:back) then 'reading.back' else 'reading.introduction'))[1]"/>
  </xsl:function>

</xsl:stylesheet>
