<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: one TEI document → one page of the HTML edition.

  Push style: a template per TEI element in the default mode (the text) and
  in mode "header" (title block and source note); the page shell and shared
  helpers come from html-common.xsl and common.xsl.

  Editorial marks carry class "mark mark-KIND", are focusable and point to
  their legend entry (aria-describedby) so that hover, keyboard focus and
  screen readers all get the explanation. Pieces shown only in one view are
  wrapped in .edition-only / .reading-only; edition.css hides them by the
  state of the view switch (a radio pair, so it works without script).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:ed="urn:tei-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- first, so that its output method (text) is the one the page overrides -->
  <xsl:import href="site-summary.xsl"/>
  <xsl:import href="html-common.xsl"/>
  <xsl:import href="html-glance.xsl"/>
  <xsl:include href="html-apparatus.xsl"/>
  <xsl:include href="html-search.xsl"/>
  <xsl:include href="html-layout.xsl"/>

  <!-- $doc-id (declared in site-summary.xsl): the document's id, which names its
       page, PDF and TEI (html.py passes it: the rule is ids.py's); the root's
       xml:id only when the stylesheet is run alone. -->
  <!-- The previous and next documents in the collection's order (html.py's
       neighbours(): ids and titles), '' at either end or when unknown. -->
  <xsl:param name="prev-id" as="xs:string" select="''"/>
  <xsl:param name="prev-title" as="xs:string" select="''"/>
  <xsl:param name="next-id" as="xs:string" select="''"/>
  <xsl:param name="next-title" as="xs:string" select="''"/>

  <xsl:variable name="tei" select="/tei:TEI"/>
  <xsl:variable name="id" as="xs:string"
      select="ed:safe-id(($doc-id, /tei:TEI/@xml:id, 'document')[normalize-space()][1])"/>
  <xsl:variable name="page" as="xs:string" select="$id || '.html'"/>
  <xsl:variable name="stable-url" as="xs:string" select="ed:site-url($page)"/>
  <xsl:variable name="title" as="xs:string" select="ed:title($tei)"/>
  <xsl:variable name="text-lang" as="xs:string"
      select="(ed:text-lang($tei), ed:lang($edition-language), 'en')[.][1]"/>
  <xsl:variable name="page-lang" as="xs:string"
      select="(ed:lang($edition-language), $text-lang)[.][1]"/>
  <xsl:variable name="speakers" as="xs:string*" select="ed:speaker-ids($tei)"/>
  <xsl:variable name="turns" as="element(tei:sp)*" select="$tei/tei:text//tei:sp"/>

  <xsl:variable name="kinds-present" as="xs:string*" select="ed:mark-kinds($tei)"/>

  <!-- Numbers of notes and apparatus entries (turns: turns.xsl), counted once (a count of
       preceding:: elements per element would make long plays quadratic). -->
  <xsl:variable name="notes" as="element(tei:note)*"
      select="$tei/tei:text//tei:note[not(@type = 'query')]"/>
  <xsl:variable name="note-numbers" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($notes) return map { generate-id($notes[$i]): $i })"/>
  <xsl:variable name="apps" as="element(tei:app)*" select="$tei/tei:text//tei:app"/>
  <xsl:variable name="app-numbers" as="map(xs:string, xs:integer)"
      select="map:merge(for $i in 1 to count($apps) return map { generate-id($apps[$i]): $i })"/>

  <!-- ===== the page ===== -->

  <xsl:template match="/">
    <xsl:if test="not(tei:TEI)">
      <xsl:message terminate="yes">not a TEI document: the root element is not TEI</xsl:message>
    </xsl:if>
    <!-- The document's record for the collection pages (site-summary.xsl), from
         this same transform: html.py keeps it in its cache, never a file here. -->
    <xsl:result-document href="record" method="text">
      <xsl:call-template name="ed:record-text"/>
    </xsl:result-document>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="$page-lang"/>
      <xsl:with-param name="head"><xsl:call-template name="meta"/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The page's content: ed:page (html-common.xsl) asks for it in this mode,
       so that it is written once into the page, not built and then copied. -->
  <xsl:template match="/" mode="ed:page-content">
    <!-- The text first: the title block, one line of participants, then the
         text; the apparatus (summary, participants, places, the glance
         chart) in closed panels, a side column on a wide screen (html-layout.xsl). -->
    <article class="document" lang="{$text-lang}">
      <xsl:if test="ed:is-rtl($text-lang)"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
      <xsl:apply-templates select="tei:TEI" mode="title-block"/>
      <xsl:call-template name="participants-line"/>
      <div class="document-body">
        <aside class="document-aside" aria-label="About this document">
          <!-- a panel of the side column only when it has something to show -->
          <xsl:where-populated>
            <details class="aside-panel">
              <xsl:on-non-empty><summary>Summary</summary></xsl:on-non-empty>
              <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract"/>
            </details>
          </xsl:where-populated>
          <xsl:where-populated>
            <details class="aside-panel">
              <xsl:on-non-empty><summary>Participants</summary></xsl:on-non-empty>
              <xsl:call-template name="participants"/>
            </details>
          </xsl:where-populated>
          <xsl:where-populated>
            <details class="aside-panel">
              <xsl:on-non-empty><summary>Places and organisations</summary></xsl:on-non-empty>
              <xsl:call-template name="places"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
            </details>
          </xsl:where-populated>
          <xsl:if test="exists($turns)">
            <details class="aside-panel">
              <summary>The conversation at a glance</summary>
              <xsl:call-template name="ed:glance"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
            </details>
          </xsl:if>
          <xsl:call-template name="contents"/>
        </aside>
        <div class="document-main">
          <xsl:apply-templates select="tei:TEI/tei:text"/>
          <xsl:call-template name="notes"/>
          <xsl:call-template name="apparatus"/>
          <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:fileDesc" mode="source"/>
          <xsl:call-template name="how-to-cite"/>
        </div>
      </div>
      <xsl:call-template name="previous-next"/>
    </article>
  </xsl:template>

  <!-- From one document to the next, in the collection's order: plain links. -->
  <xsl:template name="previous-next">
    <xsl:if test="normalize-space($prev-id) or normalize-space($next-id)">
      <nav class="document-nav" aria-label="Previous and next documents" lang="{$page-lang}">
        <xsl:if test="normalize-space($prev-id)">
          <a class="previous" rel="prev" href="{ed:safe-id($prev-id)}.html">
            <span class="nav-label">Previous document</span>
            <span class="nav-title"><xsl:value-of select="$prev-title"/></span>
          </a>
        </xsl:if>
        <xsl:if test="normalize-space($next-id)">
          <a class="next" rel="next" href="{ed:safe-id($next-id)}.html">
            <span class="nav-label">Next document</span>
            <span class="nav-title"><xsl:value-of select="$next-title"/></span>
          </a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- Highwire Press (citation_*) and Dublin Core tags: what Zotero and
       Google Scholar read. -->
  <xsl:template name="meta">
    <xsl:variable name="date" select="ed:principal-date($tei)[.]"/>
    <xsl:variable name="abstract" select="normalize-space($tei/tei:teiHeader/tei:profileDesc/tei:abstract)"/>
    <xsl:variable name="authors" select="$tei/tei:text/tei:body/tei:closer/tei:signed/tei:persName/normalize-space()"/>
    <xsl:if test="$abstract"><meta name="description" content="{$abstract}"/></xsl:if>
    <xsl:if test="normalize-space($prev-id)"><link rel="prev" href="{ed:safe-id($prev-id)}.html"/></xsl:if>
    <xsl:if test="normalize-space($next-id)"><link rel="next" href="{ed:safe-id($next-id)}.html"/></xsl:if>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$authors"><meta name="citation_author" content="{.}"/></xsl:for-each>
    <xsl:if test="$date">
      <meta name="citation_date" content="{translate($date, '-', '/')}"/>
    </xsl:if>
    <!-- the edition's date, never the document's: Zotero reads it as the date of publication -->
    <xsl:if test="matches($edition-published, '^\d{4}(-\d{2}(-\d{2})?)?$')">
      <meta name="citation_publication_date" content="{translate($edition-published, '-', '/')}"/>
    </xsl:if>
    <meta name="citation_inbook_title" content="{$edition-title}"/>
    <xsl:for-each select="$ed:editors"><meta name="citation_editor" content="{.}"/></xsl:for-each>
    <xsl:if test="normalize-space($edition-publisher)">
      <meta name="citation_publisher" content="{$edition-publisher}"/>
    </xsl:if>
    <meta name="citation_language" content="{$text-lang}"/>
    <meta name="citation_public_url" content="{$stable-url}"/>
    <meta name="citation_abstract_html_url" content="{$stable-url}"/>
    <meta name="citation_pdf_url" content="{ed:site-url('pdf/' || $id || '.pdf')}"/>
    <meta name="DC.title" content="{$title}"/>
    <xsl:for-each select="$authors"><meta name="DC.creator" content="{.}"/></xsl:for-each>
    <xsl:for-each select="ed:translators($tei)"><meta name="DC.contributor" content="{.}"/></xsl:for-each>
    <xsl:if test="$date"><meta name="DC.date" content="{$date}"/></xsl:if>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>
    <meta name="DC.identifier" content="{$stable-url}"/>
    <meta name="DC.language" content="{$text-lang}"/>
    <xsl:if test="ed:archival-citation($tei)">
      <meta name="DC.source" content="{ed:archival-citation($tei)}"/>
    </xsl:if>
    <xsl:if test="normalize-space($edition-publisher)">
      <meta name="DC.publisher" content="{$edition-publisher}"/>
    </xsl:if>
    <xsl:if test="normalize-space($edition-licence)">
      <meta name="DC.rights" content="{$edition-licence}"/>
    </xsl:if>
    <xsl:if test="$ed:base"><link rel="canonical" href="{$stable-url}"/></xsl:if>
    <link rel="alternate" type="application/tei+xml" href="tei/{$id}.xml" title="TEI P5 XML"/>
    <link rel="alternate" type="application/pdf" href="pdf/{$id}.pdf" title="PDF"/>
    <xsl:call-template name="search-facets"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
  </xsl:template>

  <!-- ===== title block ===== -->

  <xsl:template match="tei:TEI" mode="title-block">
    <xsl:variable name="doc-date" select="ed:document-date(.)"/>
    <xsl:variable name="meeting" select="ed:meeting-date(.)"/>
    <xsl:variable name="classification" select="ed:classification(.)"/>
    <xsl:variable name="citation" select="ed:archival-citation(.)"/>
    <xsl:variable name="translators" select="ed:translators(.)"/>
    <xsl:variable name="editors" select="tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:editor/normalize-space()"/>
    <header class="title-block">
      <xsl:if test="$classification">
        <p class="classification"><span class="visually-hidden">Original classification: </span>
          <xsl:value-of select="$classification"/></p>
      </xsl:if>
      <h1><xsl:value-of select="$title"/></h1>
      <dl class="facts">
        <xsl:if test="$doc-date">
          <div><dt>Document dated</dt><dd><xsl:call-template name="ed:time">
            <xsl:with-param name="when" select="$doc-date"/></xsl:call-template></dd></div>
        </xsl:if>
        <xsl:if test="$meeting and $meeting ne $doc-date">
          <div><dt>Meeting held</dt><dd><xsl:call-template name="ed:time">
            <xsl:with-param name="when" select="$meeting"/></xsl:call-template></dd></div>
        </xsl:if>
        <xsl:if test="$classification">
          <div><dt>Classification</dt><dd><xsl:value-of select="$classification"/></dd></div>
        </xsl:if>
        <xsl:if test="$citation">
          <div><dt>Source</dt><dd><xsl:value-of select="$citation"/>
            <xsl:text> </xsl:text><a class="more" href="#source">Source note</a></dd></div>
        </xsl:if>
        <xsl:if test="exists($translators)">
          <div><dt>Translated by</dt><dd><xsl:value-of select="ed:join-names($translators)"/></dd></div>
        </xsl:if>
        <xsl:if test="exists($editors)">
          <div><dt>Edited by</dt><dd><xsl:value-of select="ed:join-names($editors)"/></dd></div>
        </xsl:if>
      </dl>
      <ul class="downloads">
        <li><a href="#cite">How to cite</a></li>
        <li><a href="pdf/{$id}.pdf" type="application/pdf">PDF</a></li>
        <li><a href="tei/{$id}.xml" type="application/tei+xml">TEI P5 XML</a></li>
      </ul>
      <xsl:call-template name="report-error">
        <xsl:with-param name="id" select="$id"/>
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
    </header>
  </xsl:template>

  <xsl:template name="contents">
    <nav class="contents" aria-label="On this page">
      <ul>
        <xsl:if test="$tei/tei:teiHeader/tei:profileDesc/tei:abstract">
          <li><a href="#summary">Summary</a></li>
        </xsl:if>
        <xsl:if test="$tei/(tei:teiHeader/tei:profileDesc/tei:particDesc, tei:standOff)//tei:person">
          <li><a href="#participants">Participants</a></li>
        </xsl:if>
        <xsl:if test="$tei/tei:standOff/(tei:listPlace, tei:listOrg)/*[@xml:id]"><li><a href="#places">Places</a></li></xsl:if>
        <xsl:if test="exists($turns)"><li><a href="#glance">At a glance</a></li></xsl:if>
        <li><a href="#text">Text</a></li>
        <xsl:if test="exists($notes)"><li><a href="#notes">Notes</a></li></xsl:if>
        <xsl:if test="exists($apps)"><li><a href="#apparatus">Apparatus</a></li></xsl:if>
        <li><a href="#source">Source</a></li>
        <li><a href="#cite">How to cite</a></li>
      </ul>
    </nav>
  </xsl:template>

  <!-- ===== summary and participants ===== -->

  <xsl:template match="tei:abstract">
    <section id="summary" class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Summary</h2>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- The participants, by group, then the persons only mentioned
       (standOff/listPerson), so that every name in the text has an entry. -->
  <xsl:template name="participants">
    <xsl:variable name="lists" select="$tei/tei:teiHeader/tei:profileDesc/tei:particDesc/tei:listPerson,
                                       $tei/tei:standOff/tei:listPerson"/>
    <xsl:if test="$lists//tei:person">
      <section id="participants" class="participants" aria-labelledby="participants-heading">
        <h2 id="participants-heading">Participants</h2>
        <div class="groups">
          <xsl:apply-templates select="$lists[tei:person]"/>
        </div>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:listPerson[not(ancestor::tei:text)]">
    <section class="group">
      <h3><xsl:value-of select="(normalize-space(tei:head)[.],
          if (@type = 'mentioned') then 'Persons mentioned' else 'Persons')[1]"/></h3>
      <ul class="persons">
        <xsl:apply-templates select="tei:person"/>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="tei:person[not(ancestor::tei:text)]">
    <xsl:variable name="pid" select="string(@xml:id)"/>
    <xsl:variable name="own" select="key('ed:turns-by-speaker', $pid)"/>
    <xsl:variable name="index" select="index-of($speakers, $pid)[1]"/>
    <li class="person-entry" id="person-{ed:safe-id($pid)}">
      <span class="person-name">
        <xsl:if test="exists($index)">
          <span class="swatch {ed:colour-class($index)}" aria-hidden="true"></span>
        </xsl:if>
        <xsl:value-of select="ed:person-name(.)"/>
      </span>
      <xsl:apply-templates select="." mode="person-apparatus-name"/>
      <xsl:for-each select="tei:affiliation[not(@from or @to)]/tei:roleName, tei:roleName">
        <span class="role"><xsl:value-of select="normalize-space(.)"/></span>
      </xsl:for-each>
      <xsl:for-each select="tei:affiliation[not(@from or @to)]/tei:orgName, tei:affiliation[not(*)]">
        <span class="org"><xsl:value-of select="normalize-space(.)"/></span>
      </xsl:for-each>
      <xsl:apply-templates select="." mode="person-apparatus"/>
      <xsl:if test="exists($own) or tei:idno">
        <span class="person-links">
          <xsl:if test="exists($own)">
            <a href="#{ed:safe-id(($own[1]/@xml:id, 'turn-' || ed:turn-number($own[1]))[1])}">
              <xsl:value-of select="ed:plural(count($own), 'turn')"/></a>
            <xsl:text>, </xsl:text>
            <xsl:value-of select="ed:plural(ed:turn-words($own), 'word')"/>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="ed:authority-links"><xsl:with-param name="person" select="."/></xsl:call-template>
        </span>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- ===== the text ===== -->

  <xsl:template match="/tei:TEI/tei:text">
    <section id="text" class="text-section" aria-labelledby="text-heading">
      <h2 id="text-heading">Text</h2>
      <div class="view-controls">
        <fieldset class="view-switch">
          <legend>Show the</legend>
          <span class="option">
            <input type="radio" name="view" id="view-edition" value="edition" checked="checked"/>
            <label for="view-edition">edition text, with all editorial marks</label>
          </span>
          <span class="option">
            <input type="radio" name="view" id="view-reading" value="reading"/>
            <label for="view-reading">reading text, clean</label>
          </span>
        </fieldset>
        <xsl:if test="exists($kinds-present)">
          <!-- closed, so that the text comes first; each mark explains itself on hover and focus -->
          <details class="legend">
            <summary>Editorial marks: what the brackets and colours mean</summary>
            <dl>
              <xsl:for-each select="$kinds-present">
                <div id="legend-{.}">
                  <dt><span class="mark-sample mark-{.}"><xsl:value-of select="$ed:marks(.)?sample"/></span></dt>
                  <dd><xsl:value-of select="$ed:marks(.)?meaning"/></dd>
                </div>
              </xsl:for-each>
            </dl>
          </details>
        </xsl:if>
      </div>
      <div class="edition-text" lang="{$text-lang}">
        <xsl:if test="ed:is-rtl($text-lang)"><xsl:attribute name="dir" select="'rtl'"/></xsl:if>
        <xsl:apply-templates/>
      </div>
    </section>
  </xsl:template>

  <!-- What the title block already shows is not repeated from front. -->
  <xsl:template match="tei:front/*[ed:shown-in-title-block(.)]"/>

  <!-- A language of its own: lang (and dir where the direction changes) on
       whatever the element became, or on a span around it. -->
  <xsl:template match="tei:text//*[@xml:lang][ed:lang(@xml:lang)]" priority="50">
    <xsl:variable name="out" as="node()*"><xsl:next-match/></xsl:variable>
    <xsl:variable name="lang" select="ed:lang(@xml:lang)"/>
    <xsl:variable name="outer" select="(ancestor::*[ed:lang(@xml:lang)][1]/ed:lang(@xml:lang), $text-lang)[1]"/>
    <xsl:variable name="dir" select="if (ed:is-rtl($lang)) then 'rtl'
        else if (ed:is-rtl($outer)) then 'ltr' else ''"/>
    <xsl:choose>
      <xsl:when test="count($out) = 1 and $out instance of element()">
        <xsl:for-each select="$out">
          <xsl:copy>
            <xsl:copy-of select="@* except (@lang, @dir)"/>
            <xsl:attribute name="lang" select="$lang"/>
            <xsl:if test="$dir"><xsl:attribute name="dir" select="$dir"/></xsl:if>
            <xsl:copy-of select="node()"/>
          </xsl:copy>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="exists($out)">
        <span lang="{$lang}">
          <xsl:if test="$dir"><xsl:attribute name="dir" select="$dir"/></xsl:if>
          <xsl:sequence select="$out"/>
        </span>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- The behaviour table (common.xsl) decides what an element without a
       template of its own becomes; its name is kept as a class. -->
  <xsl:template match="tei:*" priority="-1">
    <xsl:variable name="behaviour" select="ed:behaviour(.)"/>
    <xsl:choose>
      <xsl:when test="$behaviour = 'omitted'"/>
      <xsl:when test="$behaviour = 'section'">
        <section class="tei-{local-name()}">
          <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:safe-id(@xml:id)"/></xsl:if>
          <xsl:apply-templates/>
        </section>
      </xsl:when>
      <xsl:when test="$behaviour = ('block', 'speech', 'utterance', 'table', 'list', 'figure')">
        <div class="tei-{local-name()}"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:when test="$behaviour = 'verse-line'">
        <div class="tei-{local-name()} line"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:when test="$behaviour = 'item'">
        <li class="tei-{local-name()}"><xsl:apply-templates/></li>
      </xsl:when>
      <xsl:when test="$behaviour = 'mark'"><xsl:call-template name="mark"/></xsl:when>
      <xsl:when test="$behaviour = 'milestone'">
        <span class="tei-{local-name()}" aria-hidden="true"/>
      </xsl:when>
      <xsl:when test="$behaviour = 'break'"><br class="tei-{local-name()}"/></xsl:when>
      <xsl:otherwise>
        <span class="tei-{local-name()}"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A text inside a group: a section of its own, front, body and back. -->
  <xsl:template match="tei:text//tei:text">
    <section class="tei-text">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:safe-id(@xml:id)"/></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <section class="division">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:safe-id(@xml:id)"/></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <!-- Headings: h3 for a division of the text, h4 below it; a heading of a
       list, table, figure or verse group is a caption line. -->
  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::*[ancestor::tei:text][ed:behaviour(.) = 'section']
        [not(self::tei:text or self::tei:body or self::tei:front or self::tei:back or self::tei:group)])"/>
    <xsl:choose>
      <xsl:when test="ed:behaviour(..) = 'section'">
        <xsl:element name="{if ($depth le 1) then 'h3' else 'h4'}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="'division-head'"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise><div class="tei-head caption"><xsl:apply-templates/></div></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ab[@type = 'participants']">
    <p class="present"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:sp">
    <xsl:variable name="n" select="ed:turn-number(.)"/>
    <xsl:variable name="turn-id" select="ed:safe-id((@xml:id, 'turn-' || $n)[normalize-space()][1])"/>
    <xsl:variable name="who" select="ed:speaker-id(.)"/>
    <xsl:variable name="person" select="ed:person($who, .)"/>
    <xsl:variable name="index" select="index-of($speakers, $who)[1]"/>
    <div class="{string-join(('turn', if (exists($index)) then ed:colour-class($index) else 'who-0'), ' ')}" id="{$turn-id}">
      <div class="turn-label">
        <a class="turn-number" href="#{$turn-id}" title="Link to this turn"><span class="visually-hidden">Turn </span>
          <xsl:value-of select="if (starts-with($turn-id, 'turn-')) then substring($turn-id, 6) else $turn-id"/></a>
        <xsl:text> </xsl:text>
        <xsl:variable name="label" select="(ed:speaker-name(tei:speaker)[.], ed:person-name($person)[.], 'Unnamed speaker')[1]"/>
        <xsl:choose>
          <xsl:when test="$person">
            <a class="speaker" href="#person-{ed:safe-id($who)}" title="{ed:person-name($person)}">
              <xsl:value-of select="$label"/></a>
          </xsl:when>
          <xsl:otherwise><span class="speaker"><xsl:value-of select="$label"/></span></xsl:otherwise>
        </xsl:choose>
      </div>
      <div class="speech">
        <xsl:apply-templates select="node() except tei:speaker"/>
      </div>
    </div>
  </xsl:template>

  <!-- An utterance of a spoken-language transcript: one paragraph each,
       headed by the speaker's name from the header's person list. -->
  <xsl:template match="tei:u">
    <xsl:variable name="who" select="replace(normalize-space(tokenize(normalize-space(@who), ' ')[1]), '^#', '')"/>
    <xsl:variable name="person" select="ed:person($who, .)"/>
    <xsl:variable name="name" select="(ed:person-name($person)[.], $who[.])[1]"/>
    <p class="utterance">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:safe-id(@xml:id)"/></xsl:if>
      <xsl:if test="$name">
        <xsl:choose>
          <xsl:when test="$person">
            <a class="speaker" href="#person-{ed:safe-id($who)}"><xsl:value-of select="$name"/></a>
          </xsl:when>
          <xsl:otherwise><span class="speaker"><xsl:value-of select="$name"/></span></xsl:otherwise>
        </xsl:choose>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </p>
  </xsl:template>

  <!-- A paragraph that holds blocks (a list, a table, verse) cannot be an
       HTML p: it becomes a div of the same look. -->
  <xsl:template match="tei:p">
    <xsl:choose>
      <xsl:when test="*[ed:is-block(.)]">
        <div class="p"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A stage direction standing on its own between speeches or paragraphs. -->
  <xsl:template match="tei:stage[ed:behaviour(..) = ('section', 'speech')]">
    <p class="stage-line"><xsl:call-template name="mark"/></p>
  </xsl:template>

  <!-- Letters: opener and closer, with salutation, dateline, signature. -->
  <xsl:template match="tei:closer | tei:opener">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:signed | tei:salute | tei:dateline | tei:byline | tei:docAuthor">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:postscript">
    <div class="postscript"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:ab | tei:floatingText">
    <div class="block"><xsl:apply-templates/></div>
  </xsl:template>

  <!-- Lists of every type: ordered, bulleted, and gloss lists of label and item. -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:choose>
      <xsl:when test="tei:label">
        <dl class="list tei-list">
          <xsl:for-each select="tei:item">
            <div>
              <dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()"/></dt>
              <dd><xsl:apply-templates/></dd>
            </div>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:element name="{if (matches(@type || ' ' || @rend, 'order|numb|decimal|arabic|roman|alpha')) then 'ol' else 'ul'}"
            namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="string-join(('list', 'tei-list', @type ! ('list-' || ed:safe-id(.))), ' ')"/>
          <xsl:apply-templates select="* except tei:head"/>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:item">
    <li>
      <xsl:if test="@n and not(matches(@n, '^[•·\-–*]$'))">
        <span class="item-number"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- The cast of a play. -->
  <xsl:template match="tei:castList | tei:castGroup">
    <div class="tei-{local-name()}">
      <xsl:apply-templates select="tei:head"/>
      <ul class="cast"><xsl:apply-templates select="* except tei:head"/></ul>
    </div>
  </xsl:template>

  <xsl:template match="tei:castGroup[parent::tei:castList or parent::tei:castGroup]" priority="2">
    <li class="tei-castGroup">
      <xsl:apply-templates select="tei:head"/>
      <ul class="cast"><xsl:apply-templates select="* except tei:head"/></ul>
    </li>
  </xsl:template>

  <xsl:template match="tei:castItem">
    <li class="tei-castItem"><xsl:apply-templates/></li>
  </xsl:template>

  <xsl:template match="tei:role">
    <span class="role-name"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A role and its description are two phrases: a comma between them where the
       source puts nothing (not before the description's own punctuation). -->
  <xsl:template match="tei:roleDesc">
    <xsl:if test="preceding-sibling::node()[1][self::tei:role]
                  and not(matches(string(.), '^\s*\p{P}'))"><xsl:text>, </xsl:text></xsl:if>
    <span class="role-desc"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Verse: one line a line, with its number where the TEI gives one. -->
  <xsl:template match="tei:lg">
    <div class="verse tei-lg"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div class="line tei-l">
      <xsl:if test="@n"><span class="line-number"><xsl:value-of select="@n"/></span><xsl:text> </xsl:text></xsl:if>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- Tables. -->
  <xsl:template match="tei:table">
    <div class="table-wrap">
      <table class="tei-table">
        <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
        <tbody><xsl:apply-templates select="tei:row"/></tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr><xsl:apply-templates select="tei:cell"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or ../@role = 'label') then 'th' else 'td'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:if test="matches(@cols, '^[2-9]\d*$')"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
      <xsl:if test="matches(@rows, '^[2-9]\d*$')"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Figures: an image from https or a file beside the edition, never any
       other scheme; the description is the caption and the alternative text. -->
  <xsl:template match="tei:figure">
    <figure class="tei-figure">
      <xsl:apply-templates select="* except (tei:head, tei:figDesc)"/>
      <xsl:if test="tei:head | tei:figDesc">
        <figcaption>
          <xsl:for-each select="tei:head | tei:figDesc">
            <span class="tei-{local-name()}"><xsl:apply-templates/></span>
            <xsl:text> </xsl:text>
          </xsl:for-each>
        </figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="tei:graphic">
    <xsl:variable name="src" select="ed:safe-image(@url)"/>
    <xsl:if test="$src">
      <img class="tei-graphic" src="{$src}" alt="{normalize-space((../tei:figDesc, tei:desc)[1])}" loading="lazy"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== inline ===== -->

  <xsl:template match="tei:lb"><br/></xsl:template>

  <!-- A line that ends inside a word (break="no"): the word stays whole, for
       reading, copying and search; the edition view marks the place (CSS). -->
  <xsl:template match="tei:lb[ed:in-word(.)]">
    <span class="lb-in-word edition-only" title="Line break within a word in the original document"/>
  </xsl:template>

  <xsl:template match="tei:emph | tei:title[ancestor::tei:text]">
    <em><xsl:apply-templates/></em>
  </xsl:template>

  <xsl:template match="tei:hi">
    <span class="{string-join(('hi', ed:rend(.) ! ('rend-' || .)), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A quotation run into the text is quoted; one made of blocks is set off. -->
  <xsl:template match="tei:q | tei:quote | tei:said">
    <xsl:choose>
      <xsl:when test="*[ed:behaviour(.) = ('block', 'verse-line', 'list', 'section')]">
        <blockquote class="tei-{local-name()}"><xsl:apply-templates/></blockquote>
      </xsl:when>
      <xsl:otherwise>
        <q class="tei-{local-name()}"><xsl:apply-templates/></q>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:foreign">
    <span class="foreign"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:seg">
    <span class="{string-join(('tei-seg', @type ! ('seg-' || ed:safe-id(.))), ' ')}"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Links: web addresses and pointers into the page only. A pointer
       without words shows its address (ed:pointer-address). -->
  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="href" select="ed:safe-link(@target)"/>
    <xsl:variable name="words" as="node()*">
      <xsl:choose>
        <xsl:when test="self::tei:ptr or not(normalize-space(.) or *)"><xsl:value-of select="ed:pointer-address(.)"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$href"><a class="tei-{local-name()}" href="{$href}"><xsl:sequence select="$words"/></a></xsl:when>
      <xsl:otherwise><span class="tei-{local-name()}"><xsl:sequence select="$words"/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== names and dates ===== -->

  <xsl:template match="tei:persName[@ref]">
    <xsl:variable name="person" select="ed:person(@ref, .)"/>
    <xsl:choose>
      <xsl:when test="$person">
        <a class="person" href="#person-{ed:safe-id($person/@xml:id)}"><xsl:apply-templates/></a>
      </xsl:when>
      <xsl:otherwise><span class="person"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:placeName | tei:orgName">
    <xsl:variable name="url" select="ed:safe-url(@ref)"/>
    <xsl:choose>
      <xsl:when test="$url"><a class="{local-name()}" href="{$url}"><xsl:apply-templates/></a></xsl:when>
      <xsl:otherwise><span class="{local-name()}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:date[@when]">
    <xsl:choose>
      <xsl:when test="matches(@when, '^\d{4}(-\d{2}(-\d{2})?)?$')">
        <time datetime="{@when}"><xsl:apply-templates/></time>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== editorial marks ===== -->

  <!-- The wrapper every mark shares: focusable, explained by its legend
       entry, its signs (common.xsl) shown in the edition view only. "mark"
       wraps the element's own content between its kind's signs; "mark-around"
       wraps content made for it (a gap's description, a choice's two forms). -->
  <xsl:template name="mark">
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:variable name="kind" select="(ed:mark-kind(.), 'gap')[1]"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="mark-attributes"><xsl:with-param name="kind" select="$kind"/></xsl:call-template>
      <xsl:if test="ed:mark-sign($kind, 'open')">
        <span class="edition-only bracket"><xsl:value-of select="ed:mark-sign($kind, 'open')"/></span>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:if test="ed:mark-sign($kind, 'close')">
        <span class="edition-only bracket"><xsl:value-of select="ed:mark-sign($kind, 'close')"/></span>
      </xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template name="mark-around">
    <xsl:param name="content" as="node()*"/>
    <span>
      <xsl:call-template name="mark-attributes"><xsl:with-param name="kind" select="(ed:mark-kind(.), 'gap')[1]"/></xsl:call-template>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <xsl:template name="mark-attributes">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:attribute name="class" select="'mark mark-' || $kind"/>
    <xsl:attribute name="tabindex" select="'0'"/>
    <xsl:attribute name="aria-describedby" select="'legend-' || $kind"/>
    <xsl:attribute name="data-tip" select="$ed:marks($kind)?meaning"/>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="mark">
      <xsl:with-param name="element" select="'ins'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Struck-out words: struck through with their signs in the edition
       text, left out of the reading text. -->
  <xsl:template match="tei:del">
    <span class="edition-only">
      <xsl:call-template name="mark">
        <xsl:with-param name="element" select="'del'"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- A gap, a sound, an incident: its description in brackets; the
       reading text keeps an ellipsis for a gap only. -->
  <xsl:template match="tei:gap | tei:vocal | tei:incident | tei:kinesic | tei:pause | tei:shift | tei:damage[not(node())]">
    <xsl:variable name="kind" select="ed:mark-kind(.)"/>
    <xsl:if test="ed:space-before(.)"><xsl:text> </xsl:text></xsl:if>
    <xsl:call-template name="mark-around">
      <xsl:with-param name="content">
        <span class="edition-only"><xsl:value-of select="ed:mark-sign($kind, 'open') || ed:gap-text(.) || ed:mark-sign($kind, 'close')"/></span>
        <xsl:if test="self::tei:gap"><span class="reading-only">…</span></xsl:if>
      </xsl:with-param>
    </xsl:call-template>
    <xsl:if test="ed:space-after(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- Two readings of one place (choice). The edition view shows the
       document's own form (sic, orig, abbr) and the editor's (corr, reg,
       expan) in brackets; the reading view shows the editor's form, with
       the document's on hover. -->
  <xsl:template match="tei:choice">
    <xsl:variable name="original" select="(tei:sic, tei:orig, tei:abbr, *)[1]"/>
    <xsl:variable name="regular" select="(tei:corr, tei:reg, tei:expan, * except $original)[1]"/>
    <xsl:call-template name="mark-around">
      <xsl:with-param name="content">
        <span class="edition-only"><xsl:apply-templates select="$original/node()"/>
          <xsl:if test="$regular"><span class="flag"> [</span><xsl:apply-templates select="$regular/node()"/><span class="flag">]</span></xsl:if></span>
        <span class="reading-only" title="{ed:choice-label($original)}: {normalize-space($original)}">
          <xsl:apply-templates select="($regular, $original)[1]/node()"/></span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A critical apparatus entry: the lemma in the text, keyed by a letter to
       the readings of the witnesses in the apparatus below. -->
  <xsl:template match="tei:app">
    <xsl:variable name="n" select="$app-numbers(generate-id())"/>
    <xsl:variable name="lemma" select="(tei:lem, tei:rdg, tei:rdgGrp/tei:rdg)[1]"/>
    <span class="mark mark-app" id="app-ref-{$n}">
      <xsl:apply-templates select="$lemma/node()"/>
      <sup class="app-ref"><a href="#app-{$n}" aria-describedby="legend-app"><span class="visually-hidden">Variant </span>
        <xsl:value-of select="ed:app-key($n)"/></a></sup>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'query']">
    <xsl:call-template name="mark-around">
      <xsl:with-param name="content"><span class="edition-only">[?]</span></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:call-template name="mark"/>
  </xsl:template>

  <!-- A page break inside a word shows its page from CSS (data-label): the
       word stays one word in the page's text, for copying and search. -->
  <xsl:template match="tei:pb">
    <xsl:if test="@n">
      <xsl:variable name="label" select="ed:mark-sign('pb', 'open') || @n || ed:mark-sign('pb', 'close')"/>
      <xsl:call-template name="mark-around">
        <xsl:with-param name="content">
          <xsl:choose>
            <xsl:when test="ed:in-word(.)"><span class="edition-only in-word-label" data-label="{$label}"/></xsl:when>
            <xsl:otherwise><span class="edition-only"><xsl:value-of select="$label"/></span></xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- Notes: a numbered reference here, the note itself under the text. -->
  <xsl:template match="tei:text//tei:note[not(@type = 'query')]">
    <xsl:variable name="n" select="$note-numbers(generate-id())"/>
    <sup class="note-ref"><a id="note-ref-{$n}" href="#note-{$n}" aria-describedby="legend-note"
      data-tip="{$ed:marks('note')?meaning}"><span class="visually-hidden">Note </span><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <xsl:template name="notes">
    <xsl:if test="exists($notes)">
      <section id="notes" class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="position()"/>
            <li id="note-{$n}"><xsl:apply-templates/>
              <xsl:text> </xsl:text><a class="back" href="#note-ref-{$n}">Back to the text<span class="visually-hidden"> (note <xsl:value-of select="$n"/>)</span></a></li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- The apparatus: per entry its key, the lemma and every reading with its witnesses. -->
  <xsl:template name="apparatus">
    <xsl:if test="exists($apps)">
      <section id="apparatus" class="apparatus" aria-labelledby="apparatus-heading">
        <h2 id="apparatus-heading">Apparatus</h2>
        <ol class="apparatus-entries">
          <xsl:for-each select="$apps">
            <xsl:variable name="n" select="position()"/>
            <li id="app-{$n}">
              <a class="app-key" href="#app-ref-{$n}"><xsl:value-of select="ed:app-key($n)"/></a>
              <xsl:text> </xsl:text>
              <xsl:for-each select="tei:lem, .//tei:rdg">
                <span class="{if (self::tei:lem) then 'lemma' else 'reading'}">
                  <xsl:choose>
                    <xsl:when test="normalize-space(.) or *"><xsl:apply-templates/></xsl:when>
                    <xsl:otherwise><em>om.</em></xsl:otherwise>
                  </xsl:choose>
                </span>
                <xsl:if test="@wit">
                  <xsl:text> </xsl:text>
                  <span class="witnesses"><xsl:value-of select="ed:witnesses(@wit)"/></span>
                </xsl:if>
                <xsl:value-of select="if (self::tei:lem) then '] ' else if (position() ne last()) then '; ' else ''"/>
              </xsl:for-each>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- ===== source note, rights, history ===== -->

  <xsl:template match="tei:fileDesc" mode="source">
    <xsl:variable name="ms" select="(tei:sourceDesc/tei:msDesc)[1]"/>
    <section id="source" class="source" aria-labelledby="source-heading">
      <h2 id="source-heading">Source</h2>
      <xsl:for-each select="tei:sourceDesc/tei:bibl[@type = 'source']">
        <p class="source-note"><xsl:apply-templates/></p>
      </xsl:for-each>
      <xsl:if test="$ms/tei:msIdentifier/*">
        <dl class="ms-identifier">
          <xsl:for-each select="$ms/tei:msIdentifier/*[normalize-space()]">
            <div>
              <dt><xsl:value-of select="
                  if (self::tei:repository) then 'Repository'
                  else if (self::tei:institution) then 'Institution'
                  else if (self::tei:settlement) then 'Place'
                  else if (@type) then ed:capitalise(@type)
                  else ed:capitalise(local-name())"/></dt>
              <dd><xsl:value-of select="normalize-space(.)"/></dd>
            </div>
          </xsl:for-each>
          <xsl:for-each select="($ms/tei:msContents/tei:msItem/tei:locus)[1]">
            <div><dt>Folios</dt><dd><xsl:value-of select="(string-join(distinct-values((@from, @to)[normalize-space()]), '–')[.], normalize-space(.))[1]"/></dd></div>
          </xsl:for-each>
        </dl>
      </xsl:if>
      <xsl:apply-templates select="tei:publicationStmt/tei:availability"/>
      <xsl:apply-templates select="ancestor::tei:teiHeader/tei:revisionDesc"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:availability">
    <h3>Rights</h3>
    <xsl:for-each select="tei:licence">
      <p class="licence">
        <xsl:call-template name="ed:link">
          <xsl:with-param name="href" select="ed:safe-url(@target)"/>
          <xsl:with-param name="text" select="normalize-space(.)"/>
        </xsl:call-template>
      </p>
    </xsl:for-each>
    <xsl:apply-templates select="tei:p"/>
  </xsl:template>

  <xsl:template match="tei:revisionDesc">
    <h3>Encoding</h3>
    <ul class="changes">
      <xsl:for-each select="tei:change">
        <li><xsl:apply-templates/></li>
      </xsl:for-each>
    </ul>
  </xsl:template>

  <!-- ===== how to cite ===== -->

  <xsl:template name="how-to-cite">
    <xsl:variable name="date" select="ed:principal-date($tei)[.]"/>
    <xsl:variable name="translators" select="ed:translators($tei)"/>
    <xsl:variable name="first-turn" select="($turns/@xml:id, 'turn-1')[1]"/>
    <section id="cite" class="cite" aria-labelledby="cite-heading">
      <h2 id="cite-heading">How to cite</h2>
      <p class="citation" id="citation-text">
        <xsl:text>“</xsl:text><xsl:value-of select="$title"/><xsl:text>,” </xsl:text>
        <xsl:if test="$date"><xsl:value-of select="ed:date-in-words($date)"/><xsl:text>, </xsl:text></xsl:if>
        <xsl:if test="ed:archival-citation($tei)">
          <xsl:value-of select="replace(ed:archival-citation($tei), '\.$', '')"/><xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:if test="exists($translators)">
          <xsl:text>Translated by </xsl:text><xsl:value-of select="ed:join-names($translators)"/><xsl:text>. </xsl:text>
        </xsl:if>
        <xsl:text>In </xsl:text><cite><xsl:value-of select="$edition-title"/></cite>
        <xsl:if test="exists($ed:editors)">
          <xsl:text>, edited by </xsl:text><xsl:value-of select="ed:join-names($ed:editors)"/>
        </xsl:if>
        <xsl:text>. </xsl:text>
        <xsl:if test="normalize-space($edition-publisher)">
          <xsl:value-of select="$edition-publisher"/><xsl:text>. </xsl:text>
        </xsl:if>
        <a href="{$stable-url}"><xsl:value-of select="$stable-url"/></a>
      </p>
      <p class="cite-actions" hidden="hidden">
        <button type="button" class="copy" data-copy-from="citation-text">Copy the citation</button>
        <button type="button" class="copy" data-copy-text="{$stable-url}">Copy the link</button>
      </p>
      <dl class="stable-links">
        <div><dt>Stable link to this document</dt>
          <dd><a href="{$stable-url}"><xsl:value-of select="$stable-url"/></a></dd></div>
        <div><dt>Stable link to a turn</dt>
          <dd>the number beside each turn links to it, for example
            <a href="{$stable-url}#{ed:safe-id($first-turn)}"><xsl:value-of select="$stable-url || '#' || ed:safe-id($first-turn)"/></a></dd></div>
      </dl>
    </section>
  </xsl:template>

</xsl:stylesheet>
