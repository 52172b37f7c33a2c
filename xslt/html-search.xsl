<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-search.xsl: the reader's tools on a document page: the "report an
  error" link, and what the page tells the search index (search.py
  reads it from the built page): the facets a reader filters by, as <meta>
  tags in the head. Dublin Core's DC.subject for the register's subjects;
  edition.archive and edition.classification for the rest. The year comes
  from DC.date, the speakers and persons mentioned from the text itself.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="search-facets">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="repository" select="normalize-space(string((
        $tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier/(tei:repository, tei:institution))[1]))"/>
    <xsl:if test="$repository"><meta name="edition.archive" content="{$repository}"/></xsl:if>
    <xsl:if test="ed:classification($tei)">
      <meta name="edition.classification" content="{ed:classification($tei)}"/>
    </xsl:if>
    <xsl:for-each select="distinct-values($tei/tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term/normalize-space()[.])">
      <meta name="DC.subject" content="{.}"/>
    </xsl:for-each>
  </xsl:template>

  <!-- "Report an error in this document": a mail (subject) or a new issue (title)
       naming the document; edition.js adds the turn the reader is at. -->
  <xsl:template name="report-error">
    <xsl:param name="id" as="xs:string"/>
    <xsl:param name="title" as="xs:string"/>
    <xsl:variable name="to" select="normalize-space($edition-errata)"/>
    <xsl:variable name="about" select="'Error in ' || $id || ' (' || $title || ')'"/>
    <xsl:variable name="href" select="
        if (matches($to, '^mailto:[^\s?&quot;&lt;&gt;]+@[^\s?&quot;&lt;&gt;]+$', 'i'))
        then $to || '?subject=' || encode-for-uri($about)
        else if (ed:safe-url($to)) then $to || (if (contains($to, '?')) then '&amp;' else '?')
             || 'title=' || encode-for-uri($about)
        else ''"/>
    <xsl:if test="$href">
      <p class="report-error"><a href="{$href}" data-report-error="{$about}">Report an error in this document</a></p>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
