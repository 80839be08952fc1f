<?xml version="1.0" encoding="UTF-8"?>
<!-- The map of places and the timeline of events, drawn as static SVG at build time.
     ed:place-map (on the places page) and ed:event-timeline (on the events page) take the
     assembled edition's document node as context. The base map's shapes come from the build
     (parameter basemap), projected from an offline data package; nothing is fetched at run time. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:template name="ed:place-map"/>

  <xsl:template name="ed:event-timeline"/>

</xsl:stylesheet>
