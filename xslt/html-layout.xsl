<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-layout.xsl: the document page puts the text first. Under the title
  block, one line names the participants; the apparatus (summary,
  participants, places, the glance chart) stands in closed <details> panels:
  beside the text on a wide screen (edition.css; edition.js opens them
  there), above it and closed on a narrow one. A link into a closed panel
  opens it (browsers do so for fragment navigation).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- "Participants: A, B, C and 9 more · all participants": who speaks first. -->
  <xsl:template name="participants-line">
    <xsl:variable name="people" select="$tei/tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person[@xml:id]"/>
    <xsl:if test="exists($people)">
      <xsl:variable name="speaking" select="$people[@xml:id = $speakers]"/>
      <xsl:variable name="ordered" select="$speaking, $people except $speaking"/>
      <xsl:variable name="shown" select="$ordered[position() le 3]"/>
      <p class="participants-line">
        <span class="participants-label">Participants: </span>
        <xsl:value-of select="string-join($shown ! ed:person-name(.), ', ')"/>
        <xsl:if test="count($ordered) gt count($shown)">
          <xsl:text> and </xsl:text><xsl:value-of select="count($ordered) - count($shown)"/><xsl:text> more</xsl:text>
        </xsl:if>
        <xsl:text> · </xsl:text>
        <a href="#participants">all participants</a>
      </p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
