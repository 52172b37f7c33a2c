<?xml version="1.0" encoding="UTF-8"?>
<!--
  turns.xsl: the turns of the document being transformed, counted once.
  Imported by the page (tei-to-html.xsl, html-glance.xsl) and its record for
  the collection pages (site-record.xsl).

  A page asks for the same figures many times: every turn its number, every
  speaker's entry and chart row its turns and words, the chart every turn's
  length. Asked of the document each time (count(preceding::tei:sp), a filter
  over all turns per speaker), each answer is a walk over the document, and a
  page's cost grows with the square of its length. Here every figure is
  computed in one pass, for the document the transform was given, and then
  looked up.

    key ed:turns-by-speaker     the turns (tei:text//tei:sp) of a speaker id
    ed:turn-number(sp)          the turn's number: 1 for the document's first
                                tei:sp, in document order
    ed:turn-words(sps)          the words of speech (ed:word-count) of one or
                                more turns, each turn counted once
    ed:part-words(e)            the words of speech of a part of the text (the
                                body): its turns' from the figures, the rest counted
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:import href="common.xsl"/>

  <xsl:key name="ed:turns-by-speaker" match="tei:text//tei:sp" use="ed:speaker-id(.)"/>

  <!-- generate-id of each tei:sp → (its number, its words) -->
  <xsl:variable name="ed:turn-figures" as="map(xs:string, xs:integer+)">
    <xsl:map>
      <xsl:for-each select="//tei:text//tei:sp">
        <xsl:map-entry key="generate-id()" select="position(), ed:word-count(.)"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="ed:turn-number" as="xs:integer">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="$ed:turn-figures(generate-id($sp))[1]"/>
  </xsl:function>

  <xsl:function name="ed:turn-words" as="xs:integer">
    <xsl:param name="sps" as="element(tei:sp)*"/>
    <xsl:sequence select="xs:integer(sum(for $sp in $sps return $ed:turn-figures(generate-id($sp))[2]))"/>
  </xsl:function>

  <!-- The words of speech of a whole part of the text (ed:word-count): its turns'
       words are taken from the figures above, not counted a second time. -->
  <xsl:function name="ed:part-words" as="xs:integer">
    <xsl:param name="part" as="element()?"/>
    <xsl:variable name="outside-turns" as="xs:string">
      <xsl:value-of>
        <xsl:apply-templates select="$part" mode="ed:words">
          <xsl:with-param name="turns-counted" tunnel="yes" select="true()"/>
        </xsl:apply-templates>
      </xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="ed:words-in($outside-turns) + ed:turn-words($part//tei:sp)"/>
  </xsl:function>

  <xsl:template match="tei:sp" mode="ed:words">
    <xsl:param name="turns-counted" tunnel="yes" as="xs:boolean" select="false()"/>
    <xsl:choose>
      <xsl:when test="$turns-counted"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="ed:words"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
