<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-apparatus.xsl: the editor's apparatus on a document page (included by
  tei-to-html.xsl). What the register adds to the TEI (see apparatus.py):

    person card    life dates, other spellings, roles with their dates and a
                   short biography, in the participant entry every mention and
                   every turn links to (mode "person-apparatus")
    corrections    the original wording on hover (title) of the corrected reading
    places, orgs   mentions link to an entry in "Places and organisations"

  Every string comes from the TEI as text: nothing here is read as markup.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:key name="ed:entity-by-id" match="tei:place | tei:org" use="@xml:id"/>

  <xsl:function name="ed:period" as="xs:string?">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:sequence select="if ($from and $to) then $from || '–' || $to
                          else if ($from) then 'from ' || $from
                          else if ($to) then 'until ' || $to else ()"/>
  </xsl:function>

  <!-- ===== the person card ===== -->

  <!-- Beside the name: life dates and other spellings. -->
  <xsl:template match="tei:person" mode="person-apparatus-name">
    <xsl:variable name="life" select="ed:life-span(.)"/>
    <xsl:if test="$life">
      <span class="life">
        <xsl:for-each select="tei:birth[@when], tei:death[@when]">
          <xsl:if test="position() = 1 and self::tei:death and not(../tei:birth[@when])">died </xsl:if>
          <xsl:if test="position() = 1 and self::tei:birth and not(../tei:death[@when])">born </xsl:if>
          <xsl:if test="position() = 2">–</xsl:if>
          <time datetime="{@when}"><xsl:value-of select="replace(@when, '^(-?\d{4}).*$', '$1')"/></time>
        </xsl:for-each>
      </span>
    </xsl:if>
    <xsl:if test="tei:persName[@type = 'variant']">
      <span class="spellings">
        <xsl:text>also </xsl:text>
        <xsl:value-of select="string-join(tei:persName[@type = 'variant'] ! normalize-space(.), ', ')"/>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- After the roles the document names: roles with dates, the biography. -->
  <xsl:template match="tei:person" mode="person-apparatus">
    <xsl:for-each select="tei:affiliation[@from or @to]">
      <span class="role">
        <xsl:value-of select="string-join((tei:roleName, tei:orgName) ! normalize-space(.), ', ')"/>
        <xsl:text> (</xsl:text>
        <xsl:value-of select="ed:period(@from, @to)"/>
        <xsl:text>)</xsl:text>
      </span>
    </xsl:for-each>
    <xsl:for-each select="tei:note[@type = 'biography']">
      <span class="biography"><xsl:value-of select="normalize-space(.)"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== corrections: the original on hover ===== -->

  <xsl:template match="tei:choice[tei:sic and tei:corr]" priority="2">
    <span class="correction"
        title="{'As printed: “' || normalize-space(string-join(tei:sic//text()[not(ancestor::tei:note)])) || '”'}">
      <xsl:next-match/>
    </span>
  </xsl:template>

  <!-- ===== places and organisations ===== -->

  <xsl:template match="tei:placeName[starts-with(@ref, '#')] | tei:orgName[starts-with(@ref, '#')]"
      priority="2">
    <xsl:variable name="entity" select="key('ed:entity-by-id', substring(@ref, 2), root(.))[1]"/>
    <xsl:choose>
      <xsl:when test="$entity">
        <a class="{local-name()}" href="#{local-name($entity)}-{ed:safe-id($entity/@xml:id)}"
            title="{normalize-space(($entity/(tei:placeName, tei:orgName))[1])}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="{local-name()}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="places">
    <xsl:param name="tei" as="element(tei:TEI)" required="yes"/>
    <xsl:variable name="entities" select="$tei/tei:standOff/(tei:listPlace/tei:place, tei:listOrg/tei:org)"/>
    <xsl:if test="exists($entities)">
      <section id="places" class="places" aria-labelledby="places-heading">
        <h2 id="places-heading">Places and organisations</h2>
        <ul class="entities">
          <xsl:for-each select="$entities">
            <li class="entity" id="{local-name()}-{ed:safe-id(@xml:id)}">
              <span class="entity-name"><xsl:value-of select="normalize-space((tei:placeName, tei:orgName)[1])"/></span>
              <xsl:variable name="variants" select="(tei:placeName, tei:orgName)[@type = 'variant']"/>
              <xsl:if test="exists($variants)">
                <span class="spellings">also <xsl:value-of select="string-join($variants ! normalize-space(.), ', ')"/></span>
              </xsl:if>
              <xsl:for-each select="tei:note">
                <span class="biography"><xsl:value-of select="normalize-space(.)"/></span>
              </xsl:for-each>
              <xsl:call-template name="ed:authority-links"/>
            </li>
          </xsl:for-each>
        </ul>
      </section>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
