<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI back to plain text, by the convention the converter reads (README,
  "Nothing lost"): every bracket kind is written back as a bracket, speaker
  labels as printed, paragraphs separated by blank lines. Text from the
  transcript that the converter moved into the header (summary, citation,
  translation credit, rights) follows the text, in that order. Used by the
  round-trip tests: text(TEI(transcript)) = transcript, modulo whitespace and
  the dropped page furniture.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode name="inline" on-no-match="text-only-copy"/>

  <xsl:variable name="blank" select="'&#10;&#10;'"/>

  <xsl:template match="/">
    <xsl:variable name="blocks" as="xs:string*">
      <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@subtype = 'opening']"/>
      <xsl:apply-templates select="tei:TEI/tei:text/tei:front/*"/>
      <xsl:apply-templates select="tei:TEI/tei:text/tei:body/*"/>
      <xsl:apply-templates select="tei:TEI/tei:text/tei:back//tei:note[@place = 'foot']"/>
      <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract/tei:p"/>
      <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl[@type = ('source', 'translation')][not(@subtype = 'opening')]"/>
      <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability/tei:p"/>
    </xsl:variable>
    <xsl:value-of select="string-join($blocks[normalize-space()], $blank)"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- Blocks: each returns one string. -->
  <xsl:template match="tei:docTitle">
    <xsl:value-of select="string-join(tei:titlePart ! tei:inline-text(.), ' ')"/>
  </xsl:template>

  <xsl:template match="tei:docDate | tei:ab | tei:p | tei:head | tei:bibl | tei:signed">
    <xsl:value-of><xsl:apply-templates mode="inline"/></xsl:value-of>
  </xsl:template>

  <xsl:template match="tei:pb">[Page <xsl:value-of select="@n"/>]</xsl:template>

  <xsl:template match="tei:div">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="tei:closer">
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="tei:sp">
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="tei:speaker | tei:stage | tei:p | tei:pb">
        <!-- a page break stands for itself; the others for their content -->
        <xsl:value-of><xsl:apply-templates select="if (self::tei:pb) then . else node()" mode="inline"/></xsl:value-of>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-join($parts, ' ')"/>
  </xsl:template>

  <xsl:template match="tei:list">
    <xsl:variable name="lines" as="xs:string*">
      <xsl:for-each select="tei:head">
        <xsl:value-of><xsl:apply-templates mode="inline"/></xsl:value-of>
      </xsl:for-each>
      <xsl:for-each select="tei:item">
        <xsl:choose>
          <xsl:when test="tei:list"><xsl:apply-templates select="tei:list"/></xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="string-join((@n, string-join(node() ! tei:inline-text(.))), ' ')"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="string-join($lines, '&#10;')"/>
  </xsl:template>

  <xsl:template match="tei:note[@place = 'foot']">
    <!-- A numbered note is printed "1. …"; its marker in the text is the bare number. -->
    <xsl:value-of select="(if (@rend = 'number') then @n || '.' else tei:marker(@rend, @n))
                          || ' ' || string-join(node() ! tei:inline-text(.))"/>
  </xsl:template>

  <xsl:function name="tei:inline-text" as="xs:string">
    <xsl:param name="node" as="node()"/>
    <xsl:value-of><xsl:apply-templates select="$node" mode="inline"/></xsl:value-of>
  </xsl:function>

  <xsl:function name="tei:marker" as="xs:string">
    <xsl:param name="rend" as="xs:string?"/>
    <xsl:param name="n" as="xs:string"/>
    <xsl:sequence select="if ($rend = 'caret') then '^' || $n
                          else if ($rend = 'number') then $n
                          else if ($rend = 'slash') then '/' || $n || '/'
                          else if ($rend = 'superscript') then translate($n, '1234567890', '¹²³⁴⁵⁶⁷⁸⁹⁰')
                          else '[' || $n || ']'"/>
  </xsl:function>

  <!-- Inline: the bracket syntax each element came from. -->
  <xsl:template mode="inline" match="tei:add">[inserted: <xsl:apply-templates mode="inline"/>]</xsl:template>
  <xsl:template mode="inline" match="tei:del">[crossed out: <xsl:apply-templates mode="inline"/>]</xsl:template>
  <xsl:template mode="inline" match="tei:supplied">[<xsl:apply-templates mode="inline"/>]</xsl:template>
  <xsl:template mode="inline" match="tei:note[@type = 'query']">[?]</xsl:template>
  <xsl:template mode="inline" match="tei:note[@type = 'editorial']"/>
  <xsl:template mode="inline" match="tei:gap | tei:vocal | tei:incident">[<xsl:value-of select="tei:desc"/>]</xsl:template>
  <xsl:template mode="inline" match="tei:sic">
    <xsl:apply-templates mode="inline"/>
    <xsl:text> [sic]</xsl:text>
  </xsl:template>
  <!-- A correction keeps the wording as printed; " [sic]" only where the source
       itself printed that marker (the register's rend="marked"). -->
  <xsl:template mode="inline" match="tei:choice/tei:sic">
    <xsl:apply-templates mode="inline"/>
    <xsl:if test="@rend = 'marked'"> [sic]</xsl:if>
  </xsl:template>
  <xsl:template mode="inline" match="tei:choice">
    <xsl:apply-templates select="tei:sic | tei:orig" mode="inline"/>
  </xsl:template>
  <xsl:template mode="inline" match="tei:choice/tei:orig">
    <xsl:apply-templates mode="inline"/>
  </xsl:template>
  <xsl:template mode="inline" match="tei:pb">[Page <xsl:value-of select="@n"/>]</xsl:template>
  <xsl:template mode="inline" match="tei:ref[@type = 'footnote']">
    <xsl:value-of select="tei:marker(@rend, @n)"/>
  </xsl:template>
  <!-- A spoken event printed in parentheses on the tape transcript: "(Laughter.)". -->
  <xsl:template mode="inline" priority="2"
      match="tei:*[@rend = 'parentheses'][self::tei:gap or self::tei:vocal or self::tei:incident]">(<xsl:value-of select="tei:desc"/>)</xsl:template>
</xsl:stylesheet>
