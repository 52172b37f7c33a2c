<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-index.xsl: the collection page (index.html). Input: <ed:collection>
  holding one <ed:document> record per document (site-summary.xsl), in the
  collection's order: by number (TEI/@n), date (document date, else meeting date), then id.
  The page reads chronologically: one section per year, the years in order,
  each year's documents in the collection's order; undated documents last,
  under their own heading. Parameter volume: 'yes' when pdf/volume.pdf was built.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>

  <xsl:param name="volume" as="xs:string" select="''"/>

  <!-- The year a record is filed under, or '' when it has no date. -->
  <xsl:function name="ed:year" as="xs:string">
    <xsl:param name="record" as="element(ed:document)"/>
    <xsl:sequence select="string(replace($record/@date, '^(\d{4}).*$', '$1')[matches(., '^\d{4}$')])"/>
  </xsl:function>

  <xsl:template match="/ed:collection">
    <xsl:variable name="docs" select="ed:document"/>
    <xsl:variable name="turns" select="xs:integer(sum($docs/@turns))"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$edition-title"/>
      <xsl:with-param name="lang" select="(ed:lang($edition-language), 'en')[.][1]"/>
      <xsl:with-param name="current" select="'index'"/>
      <xsl:with-param name="head">
        <meta name="description" content="{$edition-title}: {count($docs)} documents."/>
        <xsl:if test="$ed:base"><link rel="canonical" href="{$ed:base}index.html"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: ed:page (html-common.xsl) asks for it in this mode,
       so that it is written once into the page, not built and then copied. -->
  <xsl:template match="/ed:collection" mode="ed:page-content">
    <xsl:variable name="docs" select="ed:document"/>
    <xsl:variable name="turns" select="xs:integer(sum($docs/@turns))"/>
    <header class="title-block">
      <h1><xsl:value-of select="$edition-title"/></h1>
      <p class="lede">
        <xsl:value-of select="ed:plural(count($docs), 'document')"/>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="ed:plural($turns, 'turn')"/>
        <xsl:text> of conversation, </xsl:text>
        <xsl:value-of select="ed:plural(count(distinct-values($docs/ed:person/@ref)), 'person')"/>
        <xsl:text>.</xsl:text>
        <xsl:if test="exists($ed:editors)">
          <xsl:text> Edited by </xsl:text>
          <xsl:value-of select="ed:join-names($ed:editors)"/>
          <xsl:text>.</xsl:text>
        </xsl:if>
      </p>
      <ul class="downloads">
        <li><a href="persons.html">Persons index</a></li>
        <!-- only when it was built: a build without the volume has none -->
        <xsl:if test="$volume = 'yes'">
          <li><a href="pdf/volume.pdf" type="application/pdf">The whole edition as PDF</a></li>
        </xsl:if>
      </ul>
    </header>
    <!-- a section per year (h2), its documents (h3) -->
    <xsl:variable name="years" as="xs:string*"
            select="sort(distinct-values($docs ! ed:year(.)[.])), ('undated')[$docs[not(ed:year(.))]]"/>
    <xsl:if test="count($years) gt 1">
      <nav class="year-nav" aria-label="Years">
        <ul>
          <xsl:for-each select="$years">
            <li><a href="#year-{.}"><xsl:value-of select="if (. = 'undated') then 'Undated' else ."/></a></li>
          </xsl:for-each>
        </ul>
      </nav>
    </xsl:if>
    <xsl:for-each select="$years">
      <xsl:variable name="year" select="."/>
      <section class="year" aria-labelledby="year-{$year}">
        <h2 class="year-heading" id="year-{$year}">
          <xsl:value-of select="if ($year = 'undated') then 'Undated' else $year"/>
        </h2>
        <ol class="document-list">
          <xsl:apply-templates select="$docs[(ed:year(.), 'undated')[.][1] = $year]"/>
        </ol>
      </section>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="ed:document">
    <xsl:variable name="id" select="ed:safe-id(@id)"/>
    <xsl:variable name="title" select="string(@title)"/>
    <li class="document-entry">
      <article>
        <xsl:if test="@lang != ''"><xsl:attribute name="lang" select="@lang"/></xsl:if>
        <p class="entry-date">
          <xsl:choose>
            <xsl:when test="@date != ''">
              <xsl:call-template name="ed:time"><xsl:with-param name="when" select="string(@date)"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>Undated</xsl:otherwise>
          </xsl:choose>
          <xsl:if test="@classification != ''">
            <xsl:text> </xsl:text><span class="classification-tag"><xsl:value-of select="@classification"/></span>
          </xsl:if>
        </p>
        <h3><a href="{$id}.html"><xsl:value-of select="$title"/></a></h3>
        <dl class="facts">
          <xsl:for-each select="ed:group">
            <div>
              <dt><xsl:value-of select="@head"/></dt>
              <dd>
                <xsl:for-each select="ed:member">
                  <xsl:if test="position() gt 1">, </xsl:if>
                  <a href="persons.html#{ed:safe-id(@ref)}"><xsl:value-of select="@name"/></a>
                </xsl:for-each>
              </dd>
            </div>
          </xsl:for-each>
          <xsl:if test="@citation != ''">
            <div><dt>Archive</dt><dd><xsl:value-of select="@citation"/></dd></div>
          </xsl:if>
          <div><dt>Extent</dt><dd>
            <xsl:if test="xs:integer(@turns) gt 0"><xsl:value-of select="ed:plural(xs:integer(@turns), 'turn')"/>, </xsl:if>
            <xsl:value-of select="ed:plural(xs:integer(@words), 'word')"/>
          </dd></div>
        </dl>
        <p class="entry-links">
          <a href="{$id}.html">Read<span class="visually-hidden">: <xsl:value-of select="$title"/></span></a>
          <xsl:text> · </xsl:text>
          <a href="pdf/{$id}.pdf" type="application/pdf">PDF<span class="visually-hidden">: <xsl:value-of select="$title"/></span></a>
          <xsl:text> · </xsl:text>
          <a href="tei/{$id}.xml" type="application/tei+xml">TEI<span class="visually-hidden">: <xsl:value-of select="$title"/></span></a>
        </p>
      </article>
    </li>
  </xsl:template>

</xsl:stylesheet>
