<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: output-neutral helpers shared by every stylesheet (HTML, Typst, …).

  Nothing here writes markup: every function returns strings, numbers or TEI
  nodes, so an HTML or a Typst stylesheet can import it alike. The signatures
  are kept stable; add new functions rather than changing old ones.

  Functions (namespace prefix ed = "urn:tei-edition"):
    ed:date-in-words(iso)            '1956-09-16' → '16 September 1956'
    ed:speaker-name(speaker)         label as printed without its separator
    ed:speaker-id(sp)                the first id in @who, without '#'
    ed:person(ref, context)          the tei:person a '#id' (or 'id') names
    ed:person-name(person)           the person's display name
    ed:word-count(nodes)             words of speech (no labels, stage, notes, gaps)
    ed:title(tei)                    the main title
    ed:document-date(tei)            docDate/@when (the date the document bears)
    ed:meeting-date(tei)             creation/date/@when (when it happened)
    ed:classification(tei)           the original security classification
    ed:translators(tei)              names in a "Translated by" respStmt
    ed:archival-citation(tei)        the source citation as a single line
    ed:speaker-ids(tei)              ids of speakers, in order of first turn
    ed:safe-id(s)                    s reduced to characters safe in an id or URL fragment
    ed:safe-url(s)                   s if it is an http(s) URL, else ''
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:months" as="xs:string+"
      select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
               'August', 'September', 'October', 'November', 'December')"/>

  <xsl:key name="ed:person-by-id" match="tei:person" use="@xml:id"/>

  <!-- ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD) in words; anything else as given. -->
  <xsl:function name="ed:date-in-words" as="xs:string">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="s" select="normalize-space($iso)"/>
    <xsl:choose>
      <xsl:when test="matches($s, '^\d{4}-\d{2}-\d{2}$')">
        <xsl:variable name="m" select="xs:integer(substring($s, 6, 2))"/>
        <xsl:sequence select="if ($m ge 1 and $m le 12)
            then string(xs:integer(substring($s, 9, 2))) || ' ' || $ed:months[$m] || ' ' || substring($s, 1, 4)
            else $s"/>
      </xsl:when>
      <xsl:when test="matches($s, '^\d{4}-\d{2}$')">
        <xsl:variable name="m" select="xs:integer(substring($s, 6, 2))"/>
        <xsl:sequence select="if ($m ge 1 and $m le 12)
            then $ed:months[$m] || ' ' || substring($s, 1, 4) else $s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The label as printed ("Cde. Mikoyan -", "Q:", "SMITH.") without the
       separator that ends it; an empty label stays empty. -->
  <xsl:function name="ed:speaker-name" as="xs:string">
    <xsl:param name="speaker" as="element()?"/>
    <xsl:sequence select="replace(normalize-space(string($speaker)), '\s*[\-–—:.]$', '')"/>
  </xsl:function>

  <xsl:function name="ed:speaker-id" as="xs:string">
    <xsl:param name="sp" as="element()"/>
    <xsl:sequence select="replace(string((tokenize(normalize-space($sp/@who), ' '))[1]), '^#', '')"/>
  </xsl:function>

  <!-- The person a pointer names, looked up in the document that holds $context. -->
  <xsl:function name="ed:person" as="element(tei:person)?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="id" select="replace(normalize-space($ref), '^#', '')"/>
    <xsl:sequence select="if ($id) then key('ed:person-by-id', $id, root($context))[1] else ()"/>
  </xsl:function>

  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:sequence select="normalize-space(string(($person/tei:persName)[1]))"/>
  </xsl:function>

  <!-- Words of speech: the text a reader reads as the document's words, so
       speaker labels, stage directions, editorial notes and queries, gaps and
       the erroneous half of a choice do not count. A word has a letter or a
       digit. Each node is visited once (mode ed:words), and the words are
       found without a regular expression over the whole text: both matter on
       a long document. -->
  <xsl:function name="ed:word-count" as="xs:integer">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="text" as="xs:string">
      <xsl:value-of><xsl:apply-templates select="$nodes" mode="ed:words"/></xsl:value-of>
    </xsl:variable>
    <xsl:sequence select="count(tokenize(normalize-space($text))[matches(., '[\p{L}\p{N}]')])"/>
  </xsl:function>

  <xsl:template match="tei:speaker | tei:stage | tei:note | tei:gap | tei:choice/tei:sic" mode="ed:words"/>

  <!-- a block starts a new word, so that paragraphs never run together -->
  <xsl:template match="tei:p | tei:ab | tei:head | tei:item | tei:l" mode="ed:words">
    <xsl:text> </xsl:text>
    <xsl:apply-templates mode="ed:words"/>
  </xsl:template>

  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="stmt" select="$tei/tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
    <xsl:sequence select="normalize-space(string((
        $stmt/tei:title[@type = 'main'], $stmt/tei:title,
        $tei/tei:text/tei:front/tei:docTitle, 'Untitled document')[1]))"/>
  </xsl:function>

  <xsl:function name="ed:document-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string(($tei/tei:text/tei:front/tei:docDate/@when)[1]))"/>
  </xsl:function>

  <xsl:function name="ed:meeting-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string(
        ($tei/tei:teiHeader/tei:profileDesc/tei:creation/tei:date/(@when, @from))[1]))"/>
  </xsl:function>

  <xsl:function name="ed:classification" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="normalize-space(string((
        $tei/tei:teiHeader/tei:profileDesc/tei:textClass/tei:classCode[@scheme = '#security-classification'],
        $tei/tei:text/tei:front/tei:ab[@type = 'classification'])[1]))"/>
  </xsl:function>

  <xsl:function name="ed:translators" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="for $n in $tei/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt
        [starts-with(lower-case(normalize-space(tei:resp)), 'transl')]/(tei:persName, tei:name, tei:orgName)
        return normalize-space($n)"/>
  </xsl:function>

  <!-- The citation as printed (bibl type="source", without the translator
       sentence, which is shown on its own), else one built from msIdentifier. -->
  <xsl:function name="ed:archival-citation" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="source" select="$tei/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="bibl" select="normalize-space(string(($source/tei:bibl[@type = 'source'])[1]))"/>
    <xsl:variable name="ms" select="($source/tei:msDesc)[1]"/>
    <xsl:choose>
      <xsl:when test="$bibl">
        <xsl:sequence select="normalize-space(replace($bibl, '\s*Translated by\s.*$', ''))"/>
      </xsl:when>
      <xsl:when test="$ms">
        <xsl:variable name="parts" as="xs:string*" select="
            $ms/tei:msIdentifier/(tei:institution, tei:repository)/normalize-space(),
            for $c in $ms/tei:msIdentifier/(tei:collection, tei:idno)
              return normalize-space(ed:capitalise(string($c/@type)) || ' ' || $c),
            ($ms/tei:msContents/tei:msItem/tei:locus)[1]/normalize-space()"/>
        <xsl:sequence select="string-join($parts[. ne ''], ', ')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="''"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:capitalise" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <xsl:function name="ed:speaker-ids" as="xs:string*">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="distinct-values(for $sp in $tei/tei:text/tei:body//tei:sp return ed:speaker-id($sp))[. ne '']"/>
  </xsl:function>

  <!-- Identifiers come from the document; only these characters may reach an
       id attribute or a URL fragment. -->
  <xsl:function name="ed:safe-id" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-space($s), '[^A-Za-z0-9_.\-]', '-')"/>
  </xsl:function>

  <!-- Only plain web links leave the stylesheet as href values: never
       javascript:, data: or anything else a document might smuggle in. -->
  <xsl:function name="ed:safe-url" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($s)"/>
    <xsl:sequence select="if (matches($u, '^https?://[^\s&quot;&lt;&gt;]+$', 'i')) then $u else ''"/>
  </xsl:function>

</xsl:stylesheet>
