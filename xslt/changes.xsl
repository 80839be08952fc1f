<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: html/changes.html, the edition's revisions as the header's revisionDesc records them,
     newest first: the version a change released (change/@n), its date, who made it and what it did.
     A citation names a version; this page says what that version holds. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0"/>

  <xsl:output method="text"/>

  <!-- The versions kept readable at versioned addresses (html/v/N/), space-separated; computed by the build
       from edition/releases/ (edition.outputs.releases). -->
  <xsl:param name="releases" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:variable name="header" as="element(tei:teiHeader)" select="tei:TEI/tei:teiHeader"/>
    <xsl:variable name="revisions" as="element(tei:revisionDesc)?" select="$header/tei:revisionDesc"/>
    <xsl:variable name="current" as="xs:string" select="ed:work(.)?version"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="."/>
      <xsl:with-param name="href" select="'changes.html'"/>
      <xsl:with-param name="title" select="ed:label('changes.title')"/>
      <xsl:with-param name="description" select="ed:label('changes.description')"/>
      <xsl:with-param name="content" as="node()*">
        <h1>{ed:label('changes.title')}</h1>
        <p class="changes-intro">
          <xsl:if test="$current">{ed:label('changes.this-version', $current)}</xsl:if>
          <xsl:value-of select="ed:label('changes.intro')"/>
          <xsl:if test="exists(tokenize($releases))">{ed:label('changes.releases')}</xsl:if>
        </p>
        <ol class="changes" reversed="">
          <xsl:for-each select="ed:changes-newest-first($revisions)">
            <li>
              <xsl:if test="@n"><xsl:attribute name="id" select="'version-' || @n"/></xsl:if>
              <p class="change-head">
                <xsl:if test="@n"><strong class="change-version">{ed:label('changes.version', string(@n))}</strong>{if (@n = $current) then ed:label('changes.current') else ''} · </xsl:if>
                <time datetime="{@when}">{ed:change-date(@when)}</time>
                <xsl:variable name="who" as="xs:string*" select="tokenize(@who) ! ed:responsible(root(current()), .)"/>
                <xsl:if test="exists($who)"> · {string-join($who, ', ')}</xsl:if>
              </p>
              <p class="change-text"><xsl:apply-templates mode="ed:header"/></p>
              <xsl:if test="@n = tokenize($releases)">
                <p class="change-read"><xsl:sequence select="ed:label-nodes('changes.read-version', (string(@n),
                  ed:link('v/' || @n || '/index.html', ed:label('changes.read-text')),
                  ed:link('v/' || @n || '/' || $ed:register-kinds[1]?page, ed:label('changes.read-registers'))))"/></p>
              </xsl:if>
            </li>
          </xsl:for-each>
        </ol>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:search-records">
      <xsl:with-param name="name" select="'changes'"/>
      <xsl:with-param name="records" select="ed:changes-newest-first($revisions)[@n] ! ed:search-record(., 'changes.html#version-' || @n, ed:label('changes.version', string(@n)),
        (ed:label('changes.version', string(@n)), ed:change-date(@when), ed:plain(node(), 'reading')), ed:search-part-of-page('changes.html'), ed:label('changes.title'), map{})"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Revisions newest first: by date, and in the header's own order (newest first, as TEI advises) for equal dates
       (the sort is stable, so equal dates keep document order). -->
  <xsl:function name="ed:changes-newest-first" as="element(tei:change)*" visibility="public">
    <xsl:param name="revisions" as="element(tei:revisionDesc)?"/>
    <xsl:perform-sort select="$revisions//tei:change">
      <xsl:sort select="string(@when)" order="descending" stable="yes"/>
    </xsl:perform-sort>
  </xsl:function>

  <xsl:function name="ed:change-date" as="xs:string" visibility="public">
    <xsl:param name="when" as="xs:string?"/>
    <xsl:sequence select="ed:date-in-words($when)"/>
  </xsl:function>

  <!-- The name a @who pointer stands for in the header (or the pointer itself). -->
  <xsl:function name="ed:responsible" as="xs:string">
    <xsl:param name="doc" as="document-node()"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="target" as="element()?" select="id(substring-after($pointer, '#'), $doc)[1]"/>
    <xsl:sequence select="if ($target) then normalize-space($target) else $pointer"/>
  </xsl:function>

</xsl:stylesheet>
