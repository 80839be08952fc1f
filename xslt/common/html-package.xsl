<?xml version="1.0" encoding="UTF-8"?>
<!-- The HTML layer (html-layer.xsl, with the common layer) as an XSLT package, so that Saxon compiles it once for every entry point that uses it
     (xsl:use-package name="urn:weil-edition:html-layer"); an xsl:import would compile the whole layer again for each one.
     Every component of the layer is public: an entry point calls its functions and named templates and
     applies its modes. An entry point that overrides a template rule of a layer mode says so in an
     xsl:override of its xsl:use-package. The book stylesheets (print.xsl, epub.xsl), which replace
     functions of the layer, import html-layer.xsl instead. -->
<xsl:package name="urn:weil-edition:html-layer" package-version="1.0" version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:expose component="*" names="*" visibility="public"/>
  <xsl:import href="html-layer.xsl"/>
</xsl:package>
