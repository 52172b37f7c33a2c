<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-search.xsl: the search page (search.html). The index is Pagefind's,
  written by search.py into pagefind/ at the end of the build; the page's
  script (assets/search.js) asks it. Without script, or opened from a file
  (Pagefind fetches its index, which browsers refuse under file://), the
  page says so. Input: the <ed:collection> the other site pages read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <!-- The facets a reader filters by: Pagefind filter name, label. -->
  <xsl:variable name="filters" as="map(xs:string, xs:string)" select="map {
      'speaker': 'Person speaking', 'mentioned': 'Person mentioned', 'year': 'Year',
      'archive': 'Archive', 'classification': 'Classification', 'subject': 'Subject' }"/>

  <xsl:template match="/ed:collection">
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Search — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="(ed:lang($edition-language), 'en')[.][1]"/>
      <xsl:with-param name="current" select="'search'"/>
      <xsl:with-param name="head">
        <meta name="description" content="Search {$edition-title}."/>
        <script src="assets/search.js" defer="defer"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: ed:page (html-common.xsl) asks for it in this mode,
       so that it is written once into the page, not built and then copied. -->
  <xsl:template match="/ed:collection" mode="ed:page-content">
    <header class="title-block">
      <h1>Search</h1>
      <p class="lede">Every turn of every document. Accents and transliteration marks
            do not matter: <em>Gomulka</em> finds <em>Gomułka</em>.</p>
    </header>
    <form class="search-form" role="search" action="search.html" method="get">
      <p class="search-query">
        <label for="search-q">Words to find</label>
        <input type="search" id="search-q" name="q"/>
        <button type="submit">Search</button>
      </p>
      <fieldset class="search-filters">
        <legend>Only results with</legend>
        <xsl:for-each select="('speaker', 'mentioned', 'year', 'archive', 'classification', 'subject')">
          <p>
            <label for="filter-{.}"><xsl:value-of select="$filters(.)"/></label>
            <select id="filter-{.}" name="{.}" data-filter="{.}">
              <option value="">any</option>
            </select>
          </p>
        </xsl:for-each>
      </fieldset>
    </form>
    <p class="search-status" id="search-status" role="status" aria-live="polite">
      <noscript>Search needs JavaScript: the index is read in the browser. The
            <a href="index.html">documents</a> and the <a href="persons.html">persons index</a>
            work without it.</noscript>
    </p>
    <p class="search-file-note" id="search-file-note" hidden="hidden">Search cannot work on a
          page opened as a file: the browser does not let it read its index. Serve the site
          (<code>make serve</code>, or any web server) and open it over http.</p>
    <ol class="search-results" id="search-results"></ol>
    <p><button type="button" id="search-more" hidden="hidden">More results</button></p>
  </xsl:template>

</xsl:stylesheet>
