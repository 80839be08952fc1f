<?xml version="1.0" encoding="UTF-8"?>
<!-- All stylesheet parameters, one place, each with its meaning.
     Entry stylesheets include this module; the build sets the values. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="#all">

  <!-- Absolute URL the edition is published at (with trailing slash); empty: links stay relative. -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <!-- Prefix each paragraph of the plain-text outputs with its identifier. -->
  <xsl:param name="ids" as="xs:boolean" select="false()"/>

  <!-- Retired identifiers from edition/ids.lock, as "OLD SUCCESSOR" pairs, one a line: old links keep working. -->
  <xsl:param name="retired" as="xs:string" select="''"/>

  <!-- The base map of the places page: SVG shapes projected by the build from an offline data package. -->
  <xsl:param name="basemap" as="xs:string" select="''"/>

  <!-- Every citable unit's citations, rendered once by the build from its CSL-JSON record (edition.citations), as JSON:
       {"": {format: text, …} for the edition, ID: {"chicago": note} for each section and paragraph}. -->
  <xsl:param name="citations" as="xs:string" select="'{}'"/>

  <!-- The build also lays out the PDF and EPUB editions (build/pdf/, build/epub/): pages link them. -->
  <xsl:param name="books" as="xs:boolean" select="false()"/>

  <!-- The text's language (xml:lang of the main document): the labels' language (common/labels.xsl). -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>
  <!-- The edition's own labels, key → label, as a JSON object (the header's taxonomy xml:id="labels"). -->
  <xsl:param name="label-overrides" as="xs:string" select="'{}'"/>

  <!-- A kept release rendered under html/v/N/ (edition.releases): its version N, the date it was released and the
       current edition's version; the pages then carry a banner saying so. '' = the current edition. -->
  <xsl:param name="release" as="xs:string" select="''"/>
  <xsl:param name="release-date" as="xs:string" select="''"/>
  <xsl:param name="current-version" as="xs:string" select="''"/>

</xsl:stylesheet>
