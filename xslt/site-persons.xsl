<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-persons.xsl: the persons index (persons.html) across every document.
  Input: <ed:collection> (see site-index.xsl). A person is one xml:id; the
  first document (by date) that describes the person gives name and role.
  For each document: the turns spoken (linking to the first), the mentions.
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

  <!-- keys keep the index linear in the size of the collection -->
  <xsl:key name="turns-by-speaker" match="tei:body//tei:sp" use="ed:speaker-id(.)"/>
  <xsl:key name="mentions" match="tei:text//tei:persName[@ref]" use="replace(normalize-space(@ref), '^#', '')"/>
  <xsl:key name="documents-by-person" match="ed:document"
      use="tei:TEI/(tei:teiHeader/tei:profileDesc/tei:particDesc, tei:standOff)//tei:person/@xml:id"/>

  <xsl:function name="ed:sort-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="(ed:document-date($tei), ed:meeting-date($tei), '9999')[.][1]"/>
  </xsl:function>

  <xsl:template match="/ed:collection">
    <xsl:variable name="docs" as="element(ed:document)*">
      <xsl:perform-sort select="ed:document">
        <xsl:sort select="ed:sort-date(tei:TEI)"/>
        <xsl:sort select="@id"/>
      </xsl:perform-sort>
    </xsl:variable>
    <!-- participants first, so that their description wins over a mention's -->
    <xsl:variable name="persons" select="$docs/tei:TEI/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person[@xml:id],
                                         $docs/tei:TEI/tei:standOff//tei:person[@xml:id]"/>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="'Persons — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="(ed:lang($edition-language), 'en')[.][1]"/>
      <xsl:with-param name="current" select="'persons'"/>
      <xsl:with-param name="head">
        <meta name="description" content="Persons in {$edition-title}."/>
        <xsl:if test="$ed:base"><link rel="canonical" href="{$ed:base}persons.html"/></xsl:if>
      </xsl:with-param>
      <xsl:with-param name="content">
        <header class="title-block">
          <h1>Persons</h1>
          <p class="lede">
            <xsl:value-of select="ed:plural(count(distinct-values($persons/@xml:id)), 'person')"/>
            <xsl:text> in </xsl:text>
            <xsl:value-of select="ed:plural(count($docs), 'document')"/>
            <xsl:text>: where each appears, and how much each says.</xsl:text>
          </p>
        </header>
        <ol class="person-index">
          <xsl:for-each-group select="$persons" group-by="string(@xml:id)">
            <xsl:sort select="lower-case(ed:person-name(current-group()[1]))"/>
            <xsl:sort select="current-grouping-key()"/>
            <xsl:call-template name="person">
              <xsl:with-param name="pid" select="current-grouping-key()"/>
              <xsl:with-param name="described" select="current-group()"/>
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:call-template>
          </xsl:for-each-group>
        </ol>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="person">
    <xsl:param name="pid" as="xs:string"/>
    <xsl:param name="described" as="element(tei:person)+"/>
    <xsl:param name="docs" as="element(ed:document)*"/>
    <xsl:variable name="first" select="$described[1]"/>
    <xsl:variable name="all-turns" select="key('turns-by-speaker', $pid, root($first))"/>
    <xsl:variable name="appears-in" as="element(ed:document)*">
      <xsl:perform-sort select="key('documents-by-person', $pid, root($first))">
        <xsl:sort select="ed:sort-date(tei:TEI)"/>
        <xsl:sort select="@id"/>
      </xsl:perform-sort>
    </xsl:variable>
    <li class="person-card" id="{ed:safe-id($pid)}">
      <h2><xsl:value-of select="ed:person-name($first)"/></h2>
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
          <xsl:when test="exists($all-turns)">
            <xsl:value-of select="ed:plural(count($all-turns), 'turn')"/>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="ed:plural(if (every $t in $all-turns satisfies $t/@ed:words)
                                            then xs:integer(sum($all-turns/@ed:words))
                                            else ed:word-count($all-turns), 'word')"/>
            <xsl:text> in </xsl:text>
          </xsl:when>
          <xsl:otherwise>named in </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="ed:plural(count($appears-in), 'document')"/>
      </p>
      <ul class="appearances">
        <xsl:for-each select="$appears-in">
          <xsl:variable name="id" select="ed:safe-id(@id)"/>
          <xsl:variable name="tei" select="tei:TEI"/>
          <xsl:variable name="turns" select="$all-turns intersect $tei//tei:sp"/>
          <xsl:variable name="mentions" select="key('mentions', $pid, root($tei)) intersect $tei//tei:persName"/>
          <xsl:variable name="date" select="(ed:document-date($tei), ed:meeting-date($tei))[.][1]"/>
          <li>
            <a href="{$id}.html#person-{ed:safe-id($pid)}"><xsl:value-of select="ed:title($tei)"/></a>
            <xsl:if test="$date">
              <xsl:text> (</xsl:text>
              <xsl:call-template name="ed:time"><xsl:with-param name="when" select="$date"/></xsl:call-template>
              <xsl:text>)</xsl:text>
            </xsl:if>
            <xsl:text>: </xsl:text>
            <xsl:choose>
              <xsl:when test="exists($turns)">
                <xsl:value-of select="ed:plural(count($turns), 'turn')"/>
                <xsl:text>, first at </xsl:text>
                <!-- turns are numbered within their own document, not the collection -->
                <xsl:variable name="number" select="count($turns[1]/preceding::tei:sp intersect $tei//tei:sp) + 1"/>
                <a href="{$id}.html#{ed:safe-id(($turns[1]/@xml:id, 'turn-' || $number)[1])}">
                  <xsl:text>turn </xsl:text>
                  <xsl:value-of select="replace(($turns[1]/@xml:id, string($number))[1], '^turn-', '')"/>
                  <span class="visually-hidden"> of <xsl:value-of select="ed:title($tei)"/></span>
                </a>
              </xsl:when>
              <xsl:otherwise>no turns</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="exists($mentions)">
              <xsl:text>; named </xsl:text>
              <xsl:value-of select="if (count($mentions) eq 1) then 'once' else count($mentions) || ' times'"/>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </li>
  </xsl:template>

</xsl:stylesheet>
