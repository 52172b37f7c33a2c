<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-persons.xsl: the persons index (persons.html) across every document.
  Input: <ed:collection> of <ed:document> records in the collection's order (see
  site-index.xsl), sorted by surname, with "see" entries from other spellings.
  A person is one xml:id; the earliest document that has
  the person among its participants describes the person (else the earliest
  that names the person from the register). For each document: the turns
  spoken (linking to the first), the mentions.
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

  <!-- The description of a person: from the first record that has the person
       among the participants, else from the first. -->
  <xsl:function name="ed:description" as="element(tei:person)">
    <xsl:param name="records" as="element(ed:person)+"/>
    <xsl:sequence select="($records[@participant = 'true'], $records)[1]/tei:person"/>
  </xsl:function>

  <xsl:template match="/ed:collection">
    <xsl:variable name="docs" select="ed:document"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Persons — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="(ed:lang($edition-language), 'en')[.][1]"/>
      <xsl:with-param name="current" select="'persons'"/>
      <xsl:with-param name="head">
        <meta name="description" content="Persons in {$edition-title}."/>
        <xsl:if test="$ed:base"><link rel="canonical" href="{$ed:base}persons.html"/></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: ed:page (html-common.xsl) asks for it in this mode,
       so that it is written once into the page, not built and then copied. -->
  <xsl:template match="/ed:collection" mode="ed:page-content">
    <xsl:variable name="docs" select="ed:document"/>
    <header class="title-block">
      <h1>Persons</h1>
      <p class="lede">
        <xsl:value-of select="ed:plural(count(distinct-values($docs/ed:person/@ref)), 'person')"/>
        <xsl:text> in </xsl:text>
        <xsl:value-of select="ed:plural(count($docs), 'document')"/>
        <xsl:text>: where each appears, and how much each says.</xsl:text>
      </p>
    </header>
    <!-- each person once, and a cross-reference from each other spelling, sorted
         together: by surname (ed:person-sort-key, ed:variant-sort-key) -->
    <xsl:variable name="by-ref" as="map(xs:string, element(ed:person)+)">
      <xsl:map>
        <xsl:for-each-group select="$docs/ed:person" group-by="string(@ref)">
          <xsl:map-entry key="current-grouping-key()" select="current-group()"/>
        </xsl:for-each-group>
      </xsl:map>
    </xsl:variable>
    <xsl:variable name="entries" as="element()*">
      <xsl:for-each-group select="$docs/ed:person" group-by="string(@ref)">
        <xsl:variable name="first" select="ed:description(current-group())"/>
        <ed:entry key="{ed:person-sort-key($first)}" ref="{current-grouping-key()}"/>
        <xsl:for-each select="distinct-values($first/tei:persName[@type = 'variant'] ! normalize-space(.))
                                  [. ne ed:person-name($first)]">
          <ed:see key="{ed:variant-sort-key($first, .)}" ref="{current-grouping-key()}" name="{.}"
                  target="{ed:person-name($first)}"/>
        </xsl:for-each>
      </xsl:for-each-group>
    </xsl:variable>
    <ol class="person-index">
      <xsl:for-each select="$entries">
        <xsl:sort select="@key"/>
        <xsl:sort select="@ref"/>
        <xsl:choose>
          <xsl:when test="self::ed:see">
            <li class="see-also">
              <xsl:value-of select="@name"/>
              <xsl:text>, </xsl:text><i>see</i><xsl:text> </xsl:text>
              <a href="#{ed:safe-id(@ref)}"><xsl:value-of select="@target"/></a>
            </li>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="appearances" select="$by-ref(string(@ref))"/>
            <xsl:call-template name="person">
              <xsl:with-param name="pid" select="string(@ref)"/>
              <xsl:with-param name="first" select="ed:description($appearances)"/>
              <xsl:with-param name="appearances" select="$appearances"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </ol>
  </xsl:template>

  <xsl:template name="person">
    <xsl:param name="pid" as="xs:string"/>
    <xsl:param name="first" as="element(tei:person)"/>
    <xsl:param name="appearances" as="element(ed:person)+"/>
    <xsl:variable name="turns" select="xs:integer(sum($appearances/@turns))"/>
    <li class="person-card" id="{ed:safe-id($pid)}">
      <h2><xsl:value-of select="ed:index-name($first)"/></h2>
      <p class="person-facts">
        <xsl:for-each select="($first/tei:affiliation/tei:roleName, $first/tei:roleName)[1],
                              ($first/tei:affiliation/tei:orgName, $first/tei:affiliation[not(*)])[1]">
          <span class="{if (self::tei:roleName) then 'role' else 'org'}"><xsl:value-of select="normalize-space(.)"/></span>
        </xsl:for-each>
        <xsl:apply-templates select="$first" mode="person-apparatus-name"/>
        <xsl:apply-templates select="$first" mode="person-apparatus"/>
        <xsl:call-template name="ed:authority-links"><xsl:with-param name="person" select="$first"/></xsl:call-template>
      </p>
      <p class="person-total">
        <xsl:choose>
          <xsl:when test="$turns gt 0">
            <xsl:value-of select="ed:plural($turns, 'turn')"/>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="ed:plural(xs:integer(sum($appearances/@words)), 'word')"/>
            <xsl:text> in </xsl:text>
          </xsl:when>
          <xsl:otherwise>named in </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="ed:plural(count($appearances), 'document')"/>
      </p>
      <p class="appearances-label" id="documents-{ed:safe-id($pid)}">Documents with this person</p>
      <ul class="appearances" aria-labelledby="documents-{ed:safe-id($pid)}">
        <xsl:for-each select="$appearances">
          <xsl:variable name="doc" select=".."/>
          <xsl:variable name="id" select="ed:safe-id($doc/@id)"/>
          <xsl:variable name="mentions" select="xs:integer(@mentions)"/>
          <li>
            <a href="{$id}.html#person-{ed:safe-id($pid)}"><xsl:value-of select="$doc/@title"/></a>
            <xsl:if test="$doc/@date != ''">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="ed:time"><xsl:with-param name="when" select="string($doc/@date)"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:choose>
              <xsl:when test="xs:integer(@turns) gt 0">
                <xsl:value-of select="ed:plural(xs:integer(@turns), 'turn')"/>
                <xsl:text>, first at </xsl:text>
                <a href="{$id}.html#{ed:safe-id(@first-turn)}">
                  <xsl:text>turn </xsl:text>
                  <xsl:value-of select="@first-label"/>
                  <span class="visually-hidden"> of <xsl:value-of select="$doc/@title"/></span>
                </a>
              </xsl:when>
              <xsl:otherwise>no turns</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="$mentions gt 0">
              <xsl:text>; named </xsl:text>
              <xsl:value-of select="if ($mentions eq 1) then 'once' else $mentions || ' times'"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </li>
  </xsl:template>

</xsl:stylesheet>
