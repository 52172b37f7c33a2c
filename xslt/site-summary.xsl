<?xml version="1.0" encoding="UTF-8"?>
<!--
  site-summary.xsl: what the collection pages need of one document, as a
  small <ed:document> record (html.py makes it once per document and caches
  it; the collection pages then read the records of every document, never
  the documents themselves, so their cost per document stays the same as
  the collection grows).

  Input: a TEI document. Turns, their numbers and words come from
  turns.xsl, counted once per document. Parameter doc-id: the document's id (its xml:id, else its file name).

  Output (template ed:record-text): the record serialised. The page
  (tei-to-html.xsl) writes it as a second result of its own transform, so a
  document is parsed and walked once for both; run alone, this stylesheet
  writes it as its only result. The record:
    <ed:document id sort date title classification citation lang turns words>
      <ed:group head>                     a participants list, in order
        <ed:member ref name/>
      <ed:person ref participant turns words mentions [first-turn first-label]>
        <tei:person>                      the document's description of the person
      <ed:entity ref mentions>            a place or organisation of the register
        <tei:place> | <tei:org>
      <ed:subject ref>term</ed:subject>   a subject of the register
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="xs">


  <xsl:import href="html-common.xsl"/>
  <xsl:import href="turns.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="doc-id" as="xs:string" select="''"/>
  <!-- 'yes': only the document's place in the collection (id, sort, title), which
       the collection's order needs before any page is made (html.py's entry()) -->
  <xsl:param name="entry-only" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:call-template name="ed:record-text"/>
  </xsl:template>

  <xsl:template name="ed:record-text">
    <xsl:variable name="record" as="element(ed:document)">
      <xsl:apply-templates select="/tei:TEI" mode="ed:record"/>
    </xsl:variable>
    <xsl:value-of select="serialize($record, map { 'method': 'xml', 'omit-xml-declaration': true() })"/>
  </xsl:template>

  <xsl:template match="tei:TEI[$entry-only = 'yes']" mode="ed:record" priority="2">
    <ed:document id="{$doc-id}" sort="{ed:collection-sort-key(.)}" title="{ed:title(.)}"/>
  </xsl:template>

  <xsl:key name="person-mentions" match="tei:text//tei:persName[@ref]"
      use="replace(normalize-space(@ref), '^#', '')"/>
  <xsl:key name="name-mentions" match="tei:text//tei:placeName[@ref] | tei:text//tei:orgName[@ref]"
      use="replace(normalize-space(@ref), '^#', '')"/>

  <xsl:template match="tei:TEI" mode="ed:record">
    <xsl:variable name="date" select="ed:principal-date(.)[.]"/>
    <xsl:variable name="participants" select="tei:teiHeader/tei:profileDesc/tei:particDesc//tei:person[@xml:id]"/>
    <!-- the collection's order: this key, then (html.py) the id -->
    <ed:document id="{$doc-id}" sort="{ed:collection-sort-key(.)}" date="{$date}" title="{ed:title(.)}"
        classification="{ed:classification(.)}" citation="{ed:archival-citation(.)}"
        lang="{(ed:lang(tei:text/@xml:lang), ed:lang(@xml:lang))[.][1]}"
        turns="{count(tei:text/tei:body//tei:sp)}"
        words="{ed:part-words(tei:text/tei:body)}">
      <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:particDesc/tei:listPerson[tei:person]">
        <ed:group head="{(normalize-space(tei:head)[.], 'Participants')[1]}">
          <xsl:for-each select="tei:person">
            <ed:member ref="{@xml:id}" name="{ed:person-name(.)}"/>
          </xsl:for-each>
        </ed:group>
      </xsl:for-each>
      <!-- participants first, so that their own description wins over the register's -->
      <xsl:for-each-group select="$participants, tei:standOff//tei:person[@xml:id]" group-by="string(@xml:id)">
        <xsl:variable name="pid" select="current-grouping-key()"/>
        <xsl:variable name="turns" select="key('ed:turns-by-speaker', $pid)"/>
        <ed:person ref="{$pid}" participant="{exists(current-group()[1] intersect $participants)}"
            turns="{count($turns)}" words="{ed:turn-words($turns)}"
            mentions="{count(key('person-mentions', $pid))}">
          <xsl:if test="exists($turns)">
            <!-- turns are numbered within the document, as its page numbers them -->
            <xsl:variable name="number" select="ed:turn-number($turns[1])"/>
            <xsl:attribute name="first-turn" select="($turns[1]/@xml:id, 'turn-' || $number)[1]"/>
            <xsl:attribute name="first-label" select="replace(($turns[1]/@xml:id, string($number))[1], '^turn-', '')"/>
          </xsl:if>
          <xsl:copy-of select="current-group()[1]"/>
        </ed:person>
      </xsl:for-each-group>
      <xsl:for-each-group select="tei:standOff/(tei:listPlace/tei:place, tei:listOrg/tei:org)[@xml:id]"
          group-by="string(@xml:id)">
        <ed:entity ref="{current-grouping-key()}"
            mentions="{count(key('name-mentions', current-grouping-key()))}">
          <xsl:copy-of select="current-group()[1]"/>
        </ed:entity>
      </xsl:for-each-group>
      <xsl:for-each-group select="tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords/tei:term[normalize-space()]"
          group-by="normalize-space(.)">
        <ed:subject>
          <xsl:if test="current-group()/@ref">
            <xsl:attribute name="ref" select="(current-group()/@ref)[1]"/>
          </xsl:if>
          <xsl:value-of select="current-grouping-key()"/>
        </ed:subject>
      </xsl:for-each-group>
    </ed:document>
  </xsl:template>

</xsl:stylesheet>
