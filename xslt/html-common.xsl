<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-common.xsl: the pieces every page of the HTML edition shares: the
  edition's parameters, the page shell (head, site header, footer) and small
  HTML helpers. Imported by tei-to-html.xsl and the site-*.xsl stylesheets.

  All text from documents reaches the output through xsl:value-of or text
  nodes, so the serialiser escapes it; no stylesheet here ever writes
  disable-output-escaping, and href values come only from ed:safe-url or are
  built from ed:safe-id.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
      include-content-type="no"/>

  <!-- The [edition] table of edition.toml, as strings (html.py fills in defaults). -->
  <xsl:param name="edition-title" as="xs:string" select="'TEI edition'"/>
  <xsl:param name="edition-short-title" as="xs:string" select="$edition-title"/>
  <xsl:param name="edition-editors" as="xs:string" select="''"/>  <!-- joined with '; ' -->
  <xsl:param name="edition-publisher" as="xs:string" select="''"/>
  <xsl:param name="edition-licence" as="xs:string" select="''"/>
  <xsl:param name="edition-licence-url" as="xs:string" select="''"/>
  <xsl:param name="edition-language" as="xs:string" select="''"/>
  <!-- When the edition was published (YYYY, YYYY-MM or YYYY-MM-DD), or ''. -->
  <xsl:param name="edition-published" as="xs:string" select="''"/>
  <!-- Where readers report errors: a mailto: address or an issue form's URL, or ''. -->
  <xsl:param name="edition-errata" as="xs:string" select="''"/>
  <!-- Ends with '/' or is empty (then links stay relative). -->
  <xsl:param name="base-url" as="xs:string" select="''"/>

  <xsl:variable name="ed:base" as="xs:string" select="ed:safe-url($base-url)"/>
  <xsl:variable name="ed:editors" as="xs:string*"
      select="tokenize($edition-editors, ';\s*')[normalize-space()]"/>

  <!-- The absolute address of a page of the site, or the relative one when
       the edition has no base URL. -->
  <xsl:function name="ed:site-url" as="xs:string">
    <xsl:param name="relative" as="xs:string"/>
    <xsl:sequence select="$ed:base || $relative"/>
  </xsl:function>

  <xsl:function name="ed:plural" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="word" as="xs:string"/>
    <xsl:sequence select="format-integer($n, '#,##0') || ' ' || $word || (if ($n eq 1) then '' else 's')"/>
  </xsl:function>

  <!-- A date as a <time> element when it is ISO 8601, else as given. -->
  <xsl:template name="ed:time">
    <xsl:param name="when" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="matches($when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time datetime="{$when}"><xsl:value-of select="ed:date-in-words($when)"/></time>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$when"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The page shell. $head holds page-specific <meta>/<link> elements; the
       inside of <main> is the context node's template in mode ed:page-content,
       written straight into the page (a parameter would build it, then copy it). -->
  <xsl:template name="ed:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string" select="'en'"/>
    <xsl:param name="head" as="node()*" select="()"/>
    <xsl:param name="current" as="xs:string" select="''"/>
    <html lang="{($lang[.], 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <xsl:sequence select="$head"/>
        <link rel="stylesheet" href="assets/edition.css"/>
        <script src="assets/edition.js" defer="defer"></script>
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="site-title" href="index.html"><xsl:value-of select="$edition-short-title"/></a>
            <nav aria-label="Edition">
              <ul>
                <li><a href="index.html">
                  <xsl:if test="$current = 'index'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Documents</xsl:text></a></li>
                <li><a href="persons.html">
                  <xsl:if test="$current = 'persons'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Persons</xsl:text></a></li>
                <li><a href="places.html">
                  <xsl:if test="$current = 'places'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Places</xsl:text></a></li>
                <li><a href="subjects.html">
                  <xsl:if test="$current = 'subjects'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Subjects</xsl:text></a></li>
                <li><a href="search.html">
                  <xsl:if test="$current = 'search'"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
                  <xsl:text>Search</xsl:text></a></li>
              </ul>
            </nav>
            <!-- a plain GET form: it works without script up to the search page -->
            <form class="site-search" role="search" action="search.html" method="get">
              <label for="site-search-q" class="visually-hidden">Search the edition</label>
              <input type="search" id="site-search-q" name="q" placeholder="Search the edition"/>
              <button type="submit">Search</button>
            </form>
          </div>
        </header>
        <main id="main" tabindex="-1">
          <xsl:apply-templates select="." mode="ed:page-content"/>
        </main>
        <footer class="site-footer">
          <p>
            <cite><xsl:value-of select="$edition-title"/></cite>
            <xsl:if test="exists($ed:editors)">
              <xsl:text>, edited by </xsl:text>
              <xsl:value-of select="ed:join-names($ed:editors)"/>
            </xsl:if>
            <xsl:text>.</xsl:text>
            <xsl:if test="normalize-space($edition-publisher)">
              <xsl:text> </xsl:text>
              <xsl:value-of select="$edition-publisher"/>
              <xsl:text>.</xsl:text>
            </xsl:if>
          </p>
          <xsl:if test="normalize-space($edition-licence)">
            <p>
              <xsl:text>Licence: </xsl:text>
              <xsl:call-template name="ed:link">
                <xsl:with-param name="href" select="ed:safe-url($edition-licence-url)"/>
                <xsl:with-param name="text" select="$edition-licence"/>
              </xsl:call-template>
            </p>
          </xsl:if>
          <p class="made-with">Made with tei-edition from TEI P5 sources.</p>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- A link when there is a safe address, else just the text. -->
  <xsl:template name="ed:link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="text" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="$href"><a href="{$href}"><xsl:value-of select="$text"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "A", "A and B", "A, B and C" -->
  <xsl:function name="ed:join-names" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="n" select="count($names)"/>
    <xsl:sequence select="if ($n le 1) then string($names[1])
        else string-join($names[position() lt $n], ', ') || ' and ' || $names[$n]"/>
  </xsl:function>

  <!-- Links to the authority records (Wikidata, VIAF, GND, GeoNames) of a
       person, place or organisation: the schemes are common.xsl's. -->
  <xsl:template name="ed:authority-links">
    <xsl:param name="person" as="element()" select="."/>
    <xsl:variable name="links" as="element()*">
      <xsl:for-each select="$person/tei:idno[ed:authority-url(.)]">
        <a class="authority" href="{ed:authority-url(.)}"><xsl:value-of select="$ed:authorities(string(@type))[1]"/></a>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($links)">
      <span class="authorities">
        <xsl:for-each select="$links">
          <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
          <xsl:sequence select="."/>
        </xsl:for-each>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- The speaker colours are CSS classes who-1 … who-8 (edition.css). -->
  <xsl:function name="ed:colour-class" as="xs:string">
    <xsl:param name="index" as="xs:integer"/>
    <xsl:sequence select="'who-' || (($index - 1) mod 8 + 1)"/>
  </xsl:function>

</xsl:stylesheet>
