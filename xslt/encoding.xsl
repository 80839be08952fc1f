<?xml version="1.0" encoding="UTF-8"?>
<!-- Entry point: the encoding manual, html/encoding.html, generated so that it stays true.
     For each element the edition uses (in the text and the registers): what it means here (the
     RelaxNG schema's documentation), its attributes with their allowed values (from the schema) and
     the values the edition gives them, how often it occurs, and one real example linked to its
     paragraph (or register entry); then every Schematron rule with its severity and message.

     Saxon reads no file at run time (the build seals it), so the schema and the rules arrive as
     stylesheet parameters: $schema-rng and $schema-sch, each the text of the file. Without them the
     page says that the schema was not supplied. -->
<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tei="http://www.tei-c.org/ns/1.0"
  xmlns:rng="http://relaxng.org/ns/structure/1.0" xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0"
  xmlns:sch="http://purl.oclc.org/dsdl/schematron"
  xmlns:ed="urn:weil-edition:xslt" xmlns="http://www.w3.org/1999/xhtml"
  exclude-result-prefixes="#all" expand-text="yes">

  <xsl:use-package name="urn:weil-edition:html-layer" package-version="1.0">
    <xsl:override>
      <!-- The header's principles name elements: in the manual, in italics. -->
    <xsl:template match="tei:mentioned" mode="ed:header"><i><xsl:apply-templates mode="#current"/></i></xsl:template>
    </xsl:override>
  </xsl:use-package>

  <!-- The text of the RelaxNG schema (XML syntax) and of the Schematron rules; '' = not supplied. -->
  <xsl:param name="schema-rng" as="xs:string" select="''"/>
  <xsl:param name="schema-sch" as="xs:string" select="''"/>

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode name="ed:manual-rule" on-no-match="shallow-skip"/>

  <!-- The schema's definitions and element patterns by name (every reference is resolved through these). -->
  <xsl:key name="ed:rng-define" match="rng:define" use="@name"/>
  <xsl:key name="ed:rng-element" match="rng:element" use="@name"/>

  <!-- The language of the schema's documentation and the rules' messages: they are printed as written, marked with it. -->
  <xsl:variable name="ed:schema-lang" as="xs:string" select="'en'"/>
  <xsl:function name="ed:schema-words" as="element()">
    <xsl:param name="text" as="xs:string"/>
    <span lang="{$ed:schema-lang}">{$text}</span>
  </xsl:function>

  <!-- How long an example may be, in characters of its XML. -->
  <xsl:variable name="ed:example-length" as="xs:integer" select="400"/>

  <xsl:template match="/">
    <xsl:variable name="doc" as="document-node()" select="."/>
    <xsl:variable name="rng" as="document-node()?" select="if ($schema-rng) then parse-xml($schema-rng) else ()"/>
    <xsl:variable name="sch" as="document-node()?" select="if ($schema-sch) then parse-xml($schema-sch) else ()"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="doc" select="$doc"/>
      <xsl:with-param name="href" select="'encoding.html'"/>
      <xsl:with-param name="title" select="ed:label('encoding.title')"/>
      <xsl:with-param name="description" select="ed:label('encoding.description')"/>
      <xsl:with-param name="content" as="element()*">
        <article class="encoding-manual">
          <h1>{ed:label('encoding.title')}</h1>
          <xsl:choose>
            <xsl:when test="empty($rng)">
              <p class="not-supplied">{ed:label('encoding.not-supplied')}</p>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="ed:manual">
                <xsl:with-param name="doc" select="$doc"/>
                <xsl:with-param name="rng" select="$rng"/>
                <xsl:with-param name="sch" select="$sch"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </article>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:call-template name="ed:search-records">
      <xsl:with-param name="name" select="'encoding'"/>
      <xsl:with-param name="records" select="ed:search-record($doc, 'encoding.html', ed:label('encoding.title'), (ed:label('encoding.title'),
        $rng//*:element/@name ! string(), $rng//*:documentation ! string(), $sch//*:assert ! string()), ed:search-part-of-page('encoding.html'), ed:label('encoding.title'), map{})"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="ed:manual" as="element()*">
    <xsl:param name="doc" as="document-node()" required="yes"/>
    <xsl:param name="rng" as="document-node()" required="yes"/>
    <xsl:param name="sch" as="document-node()?" required="yes"/>
    <xsl:variable name="used" as="element()*" select="$doc//tei:*[not(self::tei:standOff)]"/>
    <xsl:variable name="names" as="xs:string*" select="sort(distinct-values($used ! local-name()), (), function($n) { lower-case($n) })"/>
    <p class="register-summary"><xsl:sequence select="ed:label-nodes('encoding.summary', (string(count($names)), string(count($used)),
      ed:code('schema/edition.rnc'), ed:code('schema/edition.sch'), ed:code('edition validate')))"/></p>
    <nav class="toc" aria-labelledby="manual-toc">
      <h2 id="manual-toc">{ed:label('encoding.elements')}</h2>
      <ul class="element-index">
        <xsl:for-each select="$names">
          <li><a href="#element-{.}"><code>&lt;{.}&gt;</code></a></li>
        </xsl:for-each>
        <xsl:if test="exists($sch)"><li><a href="#rules">{ed:label('encoding.rules')}</a></li></xsl:if>
      </ul>
    </nav>
    <xsl:variable name="principles" as="element()*" select="$doc/tei:TEI/tei:teiHeader/tei:encodingDesc/tei:editorialDecl/*[tei:p]"/>
    <xsl:if test="exists($principles)">
      <!-- The editorial principles as the header states them, with the elements they name: the reader's
           "About this edition" says the same in plain words. -->
      <section id="principles" aria-labelledby="principles-heading">
        <h2 id="principles-heading">{ed:label('encoding.principles')}</h2>
        <xsl:for-each select="$principles">
          <h3 id="principle-{local-name()}"><code>&lt;{local-name()}&gt;</code></h3>
          <xsl:for-each select="tei:p"><p><xsl:apply-templates mode="ed:header"/></p></xsl:for-each>
        </xsl:for-each>
      </section>
    </xsl:if>
    <!-- The register kinds as declarations.xsl declares them: what the pipeline makes of each list. -->
    <section id="registers" aria-labelledby="registers-heading">
      <h2 id="registers-heading">{ed:label('encoding.registers')}</h2>
      <table class="register-kinds">
        <thead><tr><th scope="col">{ed:label('encoding.col.register')}</th><th scope="col">{ed:label('encoding.col.list')}</th><th scope="col">{ed:label('encoding.col.entries')}</th><th scope="col">schema.org</th><th scope="col">{ed:label('encoding.col.page')}</th></tr></thead>
        <tbody>
          <xsl:for-each select="$ed:declarations/ed:kind">
            <tr id="kind-{@name}">
              <th scope="row">{ed:label(@title)}</th>
              <td><code>&lt;{replace(@list, '\[.*', '')}&gt;</code></td>
              <td><xsl:for-each select="tokenize(@elements)"><xsl:if test="position() gt 1">, </xsl:if><code>&lt;{.}&gt;</code></xsl:for-each></td>
              <td>{string-join(distinct-values(tokenize(@schema-types)), ', ')}</td>
              <td><xsl:choose><xsl:when test="@name = ed:kinds-with-entries($doc)?kind"><a href="{@page}">{@page}</a></xsl:when><xsl:otherwise>{@page}</xsl:otherwise></xsl:choose></td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
    <section id="elements" aria-labelledby="elements-heading">
      <h2 id="elements-heading">{ed:label('encoding.elements-attributes')}</h2>
      <xsl:for-each-group select="$used" group-by="local-name()">
        <xsl:sort select="lower-case(current-grouping-key())"/>
        <xsl:call-template name="ed:element-entry">
          <xsl:with-param name="name" select="current-grouping-key()"/>
          <xsl:with-param name="occurrences" select="current-group()"/>
          <xsl:with-param name="rng" select="$rng"/>
        </xsl:call-template>
      </xsl:for-each-group>
    </section>
    <xsl:if test="exists($sch)">
      <section id="rules" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{ed:label('encoding.rules')}</h2>
        <p><xsl:sequence select="ed:label-nodes('encoding.rules-intro', (ed:code('edition validate'), ed:em(ed:label('encoding.severity.error')),
          ed:em(ed:label('encoding.severity.warning')), ed:code('--strict')))"/></p>
        <xsl:apply-templates select="$sch/sch:schema/sch:pattern" mode="ed:manual-rule"/>
      </section>
    </xsl:if>
  </xsl:template>


  <!-- One element: meaning, count, attributes, example. -->
  <xsl:template name="ed:element-entry" as="element()">
    <xsl:param name="name" as="xs:string" required="yes"/>
    <xsl:param name="occurrences" as="element()+" required="yes"/>
    <xsl:param name="rng" as="document-node()" required="yes"/>
    <xsl:variable name="definitions" as="element(rng:element)*" select="key('ed:rng-element', $name, $rng)"/>
    <xsl:variable name="meanings" as="xs:string*" select="distinct-values($definitions ! ed:rng-documentation(.))"/>
    <xsl:variable name="attributes" as="element(rng:attribute)*" select="$definitions ! ed:rng-attributes(., $rng, ())"/>
    <xsl:variable name="example" as="element()" select="($occurrences[ancestor::tei:p[@xml:id] and ancestor::tei:text], $occurrences)[1]"/>
    <!-- The attributes the edition gives these elements, by name (one pass, not one per attribute the schema allows). -->
    <xsl:variable name="given" as="map(xs:string, attribute()*)">
      <xsl:map>
        <xsl:for-each-group select="$occurrences/@*" group-by="name()">
          <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
        </xsl:for-each-group>
      </xsl:map>
    </xsl:variable>
    <section class="element" id="element-{$name}" aria-labelledby="element-{$name}-heading">
      <h3 id="element-{$name}-heading"><code>&lt;{$name}&gt;</code></h3>
      <xsl:choose>
        <xsl:when test="exists($meanings)"><p class="meaning" lang="{$ed:schema-lang}">{string-join($meanings, ' ')}</p></xsl:when>
        <xsl:otherwise><p class="meaning">{ed:label('encoding.no-description')}</p></xsl:otherwise>
      </xsl:choose>
      <p class="frequency">{ed:label(if (count($occurrences) = 1) then 'encoding.occurs-once' else 'encoding.occurs', string(count($occurrences)))}</p>
      <xsl:if test="exists($attributes)">
        <table class="attributes">
          <thead><tr><th scope="col">{ed:label('encoding.col.attribute')}</th><th scope="col">{ed:label('encoding.col.allowed')}</th><th scope="col">{ed:label('encoding.col.used')}</th></tr></thead>
          <tbody>
            <xsl:for-each-group select="$attributes" group-by="@name">
              <xsl:sort select="current-grouping-key()"/>
              <xsl:variable name="attribute" as="xs:string" select="current-grouping-key()"/>
              <xsl:variable name="values" as="attribute()*" select="$given($attribute)"/>
              <tr>
                <th scope="row"><code>@{$attribute}</code></th>
                <td>
                  <xsl:for-each-group select="current-group()" group-by="string-join(ed:rng-allowed(., $rng))">
                    <xsl:if test="position() gt 1">{ed:label('encoding.or-else')}</xsl:if>
                    <xsl:sequence select="ed:rng-allowed(., $rng)"/>
                  </xsl:for-each-group>
                </td>
                <td>
                  <xsl:choose>
                    <xsl:when test="empty($values)">{ed:label('encoding.never')}</xsl:when>
                    <xsl:otherwise>
                      <xsl:value-of select="ed:label(if (count($values) = 1) then 'encoding.time' else 'encoding.times', string(count($values)))"/>
                      <xsl:variable name="distinct" as="xs:string*" select="distinct-values($values ! string())"/>
                      <xsl:if test="count($distinct) le 12 and $attribute ne 'xml:id' and not(some $v in $distinct satisfies starts-with($v, '#') and count($distinct) gt 6)">
                        <xsl:text>: </xsl:text>
                        <xsl:for-each select="sort($distinct)">
                          <xsl:variable name="value" as="xs:string" select="."/>
                          <code>{$value}</code> ({count($values[. = $value])})<xsl:if test="position() ne last()">, </xsl:if>
                        </xsl:for-each>
                      </xsl:if>
                    </xsl:otherwise>
                  </xsl:choose>
                </td>
              </tr>
            </xsl:for-each-group>
          </tbody>
        </table>
      </xsl:if>
      <xsl:variable name="paragraph" as="element()?" select="$example/ancestor::tei:p[@xml:id][ancestor::tei:text][1]"/>
      <xsl:variable name="entry" as="element()?" select="$example/ancestor-or-self::*[@xml:id][local-name() = $ed:register-kinds?elements][ancestor::tei:standOff][1]"/>
      <figure class="example">
        <pre><code>{ed:example($example)}</code></pre>
        <figcaption>
          <xsl:choose>
            <xsl:when test="exists($paragraph)"><xsl:sequence select="ed:label-nodes('encoding.example-paragraph', ed:link('index.html#' || $paragraph/@xml:id, ed:paragraph-label($paragraph)))"/></xsl:when>
            <xsl:when test="exists($entry)"><xsl:sequence select="ed:label-nodes('encoding.example-entry', ed:link(ed:entity-href($entry), string($entry/@xml:id)))"/></xsl:when>
            <xsl:otherwise>{ed:label('encoding.example-header')}</xsl:otherwise>
          </xsl:choose>
        </figcaption>
      </figure>
    </section>
  </xsl:template>

  <!-- A pattern of the Schematron: its rules, each assertion with severity and message. -->
  <xsl:template match="sch:pattern" mode="ed:manual-rule">
    <section class="rule-pattern" id="rules-{@id}" aria-labelledby="rules-{@id}-heading">
      <h3 id="rules-{@id}-heading" lang="{$ed:schema-lang}">{translate(@id, '-', ' ')}</h3>
      <table class="rules">
        <thead><tr><th scope="col">{ed:label('encoding.col.context')}</th><th scope="col">{ed:label('encoding.col.severity')}</th><th scope="col">{ed:label('encoding.col.message')}</th></tr></thead>
        <tbody>
          <xsl:for-each select="sch:rule/(sch:assert | sch:report)">
            <tr>
              <td><code>{../@context}</code></td>
              <td>{ed:label('encoding.severity.' || (@role, 'error')[1])}</td>
              <td lang="{$ed:schema-lang}">{normalize-space(string-join(node() ! (if (self::sch:value-of or self::sch:name) then '…' else string(.)), ''))}</td>
            </tr>
          </xsl:for-each>
        </tbody>
      </table>
    </section>
  </xsl:template>

  <!-- ======================================================= reading the RelaxNG schema -->

  <!-- An element definition's documentation: its own, or that of the define it is the content of. -->
  <xsl:function name="ed:rng-documentation" as="xs:string*">
    <xsl:param name="element" as="element(rng:element)"/>
    <xsl:sequence select="($element/a:documentation, $element/parent::rng:define/a:documentation)[1] ! normalize-space()"/>
  </xsl:function>

  <!-- The attributes an element definition allows, through references, not into child elements. -->
  <xsl:function name="ed:rng-attributes" as="element(rng:attribute)*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="rng" as="document-node()"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:for-each select="$node/*">
      <xsl:choose>
        <xsl:when test="self::rng:attribute"><xsl:sequence select="."/></xsl:when>
        <xsl:when test="self::rng:element"/>
        <xsl:when test="self::rng:ref[not(@name = $seen)]">
          <xsl:sequence select="key('ed:rng-define', @name, $rng) ! ed:rng-attributes(., $rng, ($seen, current()/@name))"/>
        </xsl:when>
        <xsl:when test="self::rng:ref"/>
        <xsl:otherwise><xsl:sequence select="ed:rng-attributes(., $rng, $seen)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- What an attribute allows, in words: its list of values, or its datatype's documentation (in the schema's
       language, marked as such) or pattern. -->
  <xsl:function name="ed:rng-allowed" as="item()*">
    <xsl:param name="attribute" as="element(rng:attribute)"/>
    <xsl:param name="rng" as="document-node()"/>
    <xsl:variable name="content" as="element()*" select="ed:rng-value-patterns($attribute, $rng, ())"/>
    <xsl:variable name="values" as="xs:string*" select="$content[self::rng:value] ! string()"/>
    <xsl:variable name="documented" as="xs:string*" select="($attribute/a:documentation, $content[self::a:documentation]) ! normalize-space()"/>
    <xsl:variable name="data" as="element(rng:data)*" select="$content[self::rng:data]"/>
    <xsl:variable name="list" as="xs:boolean" select="exists($content[self::rng:list])"/>
    <xsl:variable name="parts" as="item()*" select="(
      if (exists($values)) then ed:label('encoding.one-of', string-join($values ! ('&quot;' || . || '&quot;'), ', ')) else (),
      if (exists($documented)) then ed:schema-words($documented[1])
      else if (exists($data)) then string-join(distinct-values($data ! (if (rng:param[@name = 'pattern']) then ed:label('encoding.matching', (string(@type), string(rng:param[@name = 'pattern'][1]))) else string(@type))), ed:label('encoding.or'))
      else if (empty($values)) then ed:label('encoding.any-text') else (),
      if ($list) then ed:label('encoding.several') else ())"/>
    <xsl:for-each select="$parts">
      <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:choose>
        <xsl:when test=". instance of xs:string"><xsl:value-of select="."/></xsl:when>
        <xsl:otherwise><xsl:sequence select="."/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- The value patterns under an attribute (values, data, lists) and the documentation of the defines they come from. -->
  <xsl:function name="ed:rng-value-patterns" as="element()*">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="rng" as="document-node()"/>
    <xsl:param name="seen" as="xs:string*"/>
    <xsl:for-each select="$node/*">
      <xsl:choose>
        <xsl:when test="self::rng:value or self::rng:data"><xsl:sequence select="."/></xsl:when>
        <xsl:when test="self::rng:list"><xsl:sequence select="(., ed:rng-value-patterns(., $rng, $seen))"/></xsl:when>
        <xsl:when test="self::rng:ref[not(@name = $seen)]">
          <xsl:variable name="define" as="element(rng:define)*" select="key('ed:rng-define', @name, $rng)"/>
          <xsl:sequence select="($define/a:documentation, $define ! ed:rng-value-patterns(., $rng, ($seen, current()/@name)))"/>
        </xsl:when>
        <xsl:when test="self::a:documentation or self::rng:ref"/>
        <xsl:otherwise><xsl:sequence select="ed:rng-value-patterns(., $rng, $seen)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:function>

  <!-- An element as it is typed, shortened: the example of the manual. -->
  <xsl:function name="ed:example" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="xml" as="xs:string" select="replace(serialize(ed:example-prefix($element), map{'method': 'xml', 'omit-xml-declaration': true()}), $ed:tei-namespace-declaration, '', 'q')"/>
    <!-- Shortened at a space: a word cut in two reads as another word ("Executive Man …"). -->
    <xsl:variable name="at-space" as="xs:string" select="replace(substring($xml, 1, $ed:example-length + 1), '\s+\S*$', '')"/>
    <xsl:sequence select="if (string-length($xml) le $ed:example-length) then $xml
      else ($at-space[.], substring($xml, 1, $ed:example-length))[1] || ' …'"/>
  </xsl:function>

  <xsl:variable name="ed:tei-namespace-declaration" as="xs:string" select="' xmlns=&quot;http://www.tei-c.org/ns/1.0&quot;'"/>

  <!-- As much of an element as its example shows: the element itself when short, else a copy of its nodes up to
       the one where the example is surely long enough (the whole header or text would otherwise be serialized
       for its first lines). Nodes are counted in document order at what they surely add to the example: a start
       tag at least its name and two brackets, a text its characters (escaping only lengthens it). Once that
       passes $ed:example-length, the copy's text and the element's agree on the first $ed:example-length
       characters and both are longer, so the shortened examples are the same. -->
  <xsl:function name="ed:example-prefix" as="element()">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="last" as="node()?">
      <xsl:iterate select="$element/descendant-or-self::node()">
        <xsl:param name="length" as="xs:integer" select="0"/>
        <xsl:variable name="length" as="xs:integer" select="$length + (
          if (self::element()) then string-length(name()) + 2
          else if (self::text()) then string-length(replace(., $ed:tei-namespace-declaration, '', 'q'))
          else 0)"/>
        <xsl:if test="$length gt $ed:example-length">
          <xsl:break select="."/>
        </xsl:if>
      </xsl:iterate>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="empty($last)"><xsl:sequence select="$element"/></xsl:when>
      <xsl:otherwise><xsl:apply-templates select="$element" mode="ed:example-prefix"><xsl:with-param name="last" select="$last" tunnel="yes"/></xsl:apply-templates></xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:mode name="ed:example-prefix" on-no-match="fail"/>
  <xsl:template match="node()" mode="ed:example-prefix">
    <xsl:param name="last" as="node()" tunnel="yes"/>
    <xsl:if test="not($last &lt;&lt; .)">
      <xsl:copy>
        <xsl:copy-of select="@*"/>
        <xsl:apply-templates mode="#current"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
