<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-apparatus.xsl: the collection's places index (places.html, places and
  organisations) and subjects index (subjects.html), from the editor's
  register as written into each document by apparatus.py.
  Input: <ed:collection> of <ed:document> records in date order (see
  site-index.xsl); $index says which page.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>
  <xsl:include href="html-apparatus.xsl"/>

  <xsl:param name="index" as="xs:string" select="'places'"/>

  <xsl:template match="/ed:collection">
    <xsl:variable name="docs" select="ed:document"/>
    <xsl:variable name="places" select="$index = 'places'"/>
    <xsl:variable name="heading" select="if ($places) then 'Places and organisations' else 'Subjects'"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$heading || ' — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="(ed:lang($edition-language), 'en')[.][1]"/>
      <xsl:with-param name="current" select="$index"/>
      <xsl:with-param name="head">
        <meta name="description" content="{$heading} in {$edition-title}."/>
        <xsl:if test="$ed:base"><link rel="canonical" href="{$ed:base}{$index}.html"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: ed:page (html-common.xsl) asks for it in this mode,
       so that it is written once into the page, not built and then copied. -->
  <xsl:template match="/ed:collection" mode="ed:page-content">
    <xsl:variable name="docs" select="ed:document"/>
    <xsl:variable name="places" select="$index = 'places'"/>
    <xsl:variable name="heading" select="if ($places) then 'Places and organisations' else 'Subjects'"/>
    <header class="title-block">
      <h1><xsl:value-of select="$heading"/></h1>
    </header>
    <xsl:choose>
      <xsl:when test="$places"><xsl:call-template name="places-index"><xsl:with-param name="docs" select="$docs"/></xsl:call-template></xsl:when>
      <xsl:otherwise><xsl:call-template name="subjects-index"><xsl:with-param name="docs" select="$docs"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="places-index">
    <xsl:param name="docs" as="element(ed:document)*"/>
    <xsl:variable name="entities" select="$docs/ed:entity"/>
    <p class="lede">
      <xsl:value-of select="if (exists($entities))
          then (let $n := count(distinct-values($entities/@ref)) return $n || (if ($n eq 1) then ' entry' else ' entries')) || ' in ' || ed:plural(count($docs), 'document') || '.'
          else 'The register names no places or organisations yet.'"/>
    </p>
    <ol class="person-index">
      <xsl:for-each-group select="$entities" group-by="string(@ref)">
        <xsl:sort select="lower-case(normalize-space(current-group()[1]/*/(tei:placeName, tei:orgName)[1]))"/>
        <xsl:variable name="first" select="current-group()[1]/*"/>
        <xsl:variable name="eid" select="current-grouping-key()"/>
        <li class="person-card" id="{ed:safe-id($eid)}">
          <h2><xsl:value-of select="normalize-space(($first/tei:placeName, $first/tei:orgName)[1])"/></h2>
          <p class="person-facts">
            <span class="role"><xsl:value-of select="if ($first/self::tei:place) then 'Place' else 'Organisation'"/></span>
            <xsl:for-each select="$first/tei:note">
              <span class="biography"><xsl:value-of select="normalize-space(.)"/></span>
            </xsl:for-each>
            <xsl:for-each select="$first"><xsl:call-template name="ed:authority-links"/></xsl:for-each>
          </p>
          <ul class="appearances">
            <xsl:for-each select="current-group()">
              <xsl:variable name="mentions" select="xs:integer(@mentions)"/>
              <li>
                <a href="{ed:safe-id(../@id)}.html#{local-name($first)}-{ed:safe-id($eid)}"><xsl:value-of select="../@title"/></a>
                <xsl:text>: </xsl:text>
                <xsl:value-of select="if ($mentions eq 0) then 'through a person''s role'
                                      else if ($mentions eq 1) then 'named once'
                                      else 'named ' || $mentions || ' times'"/>
              </li>
            </xsl:for-each>
          </ul>
        </li>
      </xsl:for-each-group>
    </ol>
  </xsl:template>

  <xsl:template name="subjects-index">
    <xsl:param name="docs" as="element(ed:document)*"/>
    <xsl:variable name="terms" select="$docs/ed:subject"/>
    <p class="lede">
      <xsl:value-of select="if (exists($terms))
          then ed:plural(count(distinct-values($terms ! string(.))), 'subject') || ' in ' || ed:plural(count($docs), 'document') || '.'
          else 'The register names no subjects yet.'"/>
    </p>
    <ol class="person-index">
      <xsl:for-each-group select="$terms" group-by="string(.)">
        <xsl:sort select="lower-case(current-grouping-key())"/>
        <xsl:variable name="term" select="current-grouping-key()"/>
        <li class="person-card" id="subject-{position()}">
          <h2><xsl:value-of select="$term"/></h2>
          <xsl:variable name="url" select="ed:safe-url((current-group()/@ref)[1])"/>
          <xsl:if test="$url and starts-with($url, 'http')">
            <p class="person-facts"><span class="authorities"><a class="authority" href="{$url}">Authority record</a></span></p>
          </xsl:if>
          <ul class="appearances">
            <xsl:for-each select="current-group()/..">
              <li>
                <a href="{ed:safe-id(@id)}.html"><xsl:value-of select="@title"/></a>
                <xsl:if test="@date != ''">
                  <xsl:text> (</xsl:text>
                  <xsl:call-template name="ed:time"><xsl:with-param name="when" select="string(@date)"/></xsl:call-template>
                  <xsl:text>)</xsl:text>
                </xsl:if>
              </li>
            </xsl:for-each>
          </ul>
        </li>
      </xsl:for-each-group>
    </ol>
  </xsl:template>

</xsl:stylesheet>
