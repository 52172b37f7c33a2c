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
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>
  <xsl:import href="html-glance.xsl"/>
  <xsl:include href="html-apparatus.xsl"/>

  <!-- The file's id when the TEI root has no xml:id (html.py passes the stem). -->
  <xsl:param name="doc-id" as="xs:string" select="''"/>

  <xsl:variable name="tei" select="/tei:TEI"/>
  <xsl:variable name="id" as="xs:string"
      select="ed:safe-id((/tei:TEI/@xml:id, $doc-id, 'document')[normalize-space()][1])"/>
  <xsl:variable name="page" as="xs:string" select="$id || '.html'"/>
  <xsl:variable name="stable-url" as="xs:string" select="ed:site-url($page)"/>
  <xsl:variable name="title" as="xs:string" select="ed:title($tei)"/>
  <xsl:variable name="text-lang" as="xs:string"
      select="(ed:lang(/tei:TEI/tei:text/@xml:lang), ed:lang(/tei:TEI/@xml:lang), ed:lang($edition-language), 'en')[.][1]"/>
  <xsl:variable name="page-lang" as="xs:string"
      select="(ed:lang($edition-language), $text-lang)[.][1]"/>
  <xsl:variable name="speakers" as="xs:string*" select="ed:speaker-ids($tei)"/>
  <xsl:variable name="turns" as="element(tei:sp)*" select="$tei/tei:text/tei:body//tei:sp"/>

  <!-- Every kind of mark, its legend label and its explanation. -->
  <xsl:variable name="mark-kinds" as="map(xs:string, xs:string+)" select="map {
      'add':       ('⟨inserted⟩', 'Inserted: words added in the original document.'),
      'supplied':  ('[supplied]', 'Supplied: words the translator or editor added for sense.'),
      'gap':       ('[illegible] […]', 'Gap: text illegible, or omitted in the source.'),
      'hidden':    ('[hidden]', 'Hidden by the source: text the archive’s web page concealed.'),
      'sic':       ('[sic]', 'Sic: so in the original, an error kept as printed.'),
      'query':     ('[?]', 'Query: the translator or editor doubts the reading here.'),
      'stage':     ('(stage)', 'Stage direction: a remark on how something was said.'),
      'pb':        ('[p. 3]', 'Page break in the original document.'),
      'note':      ('¹', 'Editorial note: see the notes below the text.')
    }"/>
  <xsl:variable name="order" as="xs:string+"
      select="('add', 'supplied', 'gap', 'hidden', 'sic', 'query', 'stage', 'pb', 'note')"/>

  <xsl:function name="ed:mark-kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::tei:add) then 'add'
        else if ($e/self::tei:supplied) then 'supplied'
        else if ($e/self::tei:gap[@reason = 'hidden-by-source']) then 'hidden'
        else if ($e/self::tei:gap) then 'gap'
        else if ($e/self::tei:sic or $e/self::tei:choice[tei:sic]) then 'sic'
        else if ($e/self::tei:note[@type = 'query']) then 'query'
        else if ($e/self::tei:stage) then 'stage'
        else if ($e/self::tei:pb) then 'pb'
        else if ($e/self::tei:note[ancestor::tei:text]) then 'note'
        else ()"/>
  </xsl:function>

  <xsl:variable name="kinds-present" as="xs:string*"
      select="let $k := distinct-values(for $e in $tei//* return ed:mark-kind($e))
              return $order[. = $k]"/>

  <!-- ===== the page ===== -->

  <xsl:template match="/">
    <xsl:if test="not(tei:TEI)">
      <xsl:message terminate="yes">not a TEI document: the root element is not TEI</xsl:message>
    </xsl:if>
    <xsl:call-template name="ed:page">
      <xsl:with-param name="title" select="$title || ' — ' || $edition-short-title"/>
      <xsl:with-param name="lang" select="$page-lang"/>
      <xsl:with-param name="head"><xsl:call-template name="meta"/></xsl:with-param>
      <xsl:with-param name="content">
        <article class="document" lang="{$text-lang}">
          <xsl:apply-templates select="tei:TEI" mode="title-block"/>
          <xsl:call-template name="contents"/>
          <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:profileDesc/tei:abstract"/>
          <xsl:call-template name="participants"/>
          <xsl:call-template name="places"><xsl:with-param name="tei" select="$tei"/></xsl:call-template>
          <xsl:if test="exists($turns)">
            <xsl:call-template name="ed:glance">
              <xsl:with-param name="tei" select="$tei"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:apply-templates select="tei:TEI/tei:text"/>
          <xsl:call-template name="notes"/>
          <xsl:apply-templates select="tei:TEI/tei:teiHeader/tei:fileDesc" mode="source"/>
          <xsl:call-template name="how-to-cite"/>
        </article>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Highwire Press (citation_*) and Dublin Core tags: what Zotero and
       Google Scholar read. -->
  <xsl:template name="meta">
    <xsl:variable name="date" select="(ed:document-date($tei), ed:meeting-date($tei))[.][1]"/>
    <xsl:variable name="abstract" select="normalize-space($tei/tei:teiHeader/tei:profileDesc/tei:abstract)"/>
    <xsl:variable name="authors" select="$tei/tei:text/tei:body/tei:closer/tei:signed/tei:persName/normalize-space()"/>
    <xsl:if test="$abstract"><meta name="description" content="{$abstract}"/></xsl:if>
    <meta name="citation_title" content="{$title}"/>
    <xsl:for-each select="$authors"><meta name="citation_author" content="{.}"/></xsl:for-each>
    <xsl:if test="$date">
      <meta name="citation_date" content="{translate($date, '-', '/')}"/>
      <meta name="citation_publication_date" content="{translate($date, '-', '/')}"/>
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
        <xsl:if test="$tei/tei:text//tei:note[not(@type = 'query')]"><li><a href="#notes">Notes</a></li></xsl:if>
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

  <xsl:template match="tei:listPerson">
    <section class="group">
      <h3><xsl:value-of select="(normalize-space(tei:head)[.],
          if (@type = 'mentioned') then 'Persons mentioned' else 'Persons')[1]"/></h3>
      <ul class="persons">
        <xsl:apply-templates select="tei:person"/>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="tei:person">
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

  <xsl:template match="tei:text">
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
          <details class="legend" open="open">
            <summary>Editorial marks</summary>
            <dl>
              <xsl:for-each select="$kinds-present">
                <div id="legend-{.}">
                  <dt><span class="mark-sample mark-{.}"><xsl:value-of select="$mark-kinds(.)[1]"/></span></dt>
                  <dd><xsl:value-of select="$mark-kinds(.)[2]"/></dd>
                </div>
              </xsl:for-each>
            </dl>
          </details>
        </xsl:if>
      </div>
      <div class="edition-text" lang="{$text-lang}">
        <xsl:apply-templates select="tei:body"/>
      </div>
    </section>
  </xsl:template>

  <xsl:template match="tei:body">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:div">
    <section class="division">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:safe-id(@xml:id)"/></xsl:if>
      <xsl:apply-templates/>
    </section>
  </xsl:template>

  <xsl:template match="tei:div/tei:head">
    <h3 class="division-head"><xsl:apply-templates/></h3>
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
          <xsl:value-of select="replace($turn-id, '^turn-', '')"/></a>
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
        <xsl:apply-templates select="* except tei:speaker"/>
      </div>
    </div>
  </xsl:template>

  <xsl:template match="tei:p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A stage direction of its own in a turn, before the first paragraph. -->
  <xsl:template match="tei:sp/tei:stage">
    <p class="stage-line"><xsl:call-template name="mark"/></p>
  </xsl:template>

  <xsl:template match="tei:closer">
    <div class="closer"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:signed">
    <p class="signed"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:ab | tei:opener | tei:postscript | tei:floatingText">
    <div class="block"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:list">
    <ul class="list"><xsl:apply-templates select="tei:item"/></ul>
  </xsl:template>
  <xsl:template match="tei:item"><li><xsl:apply-templates/></li></xsl:template>
  <xsl:template match="tei:lb"><br/></xsl:template>
  <xsl:template match="tei:hi[@rend = ('italic', 'i')] | tei:emph | tei:title[ancestor::tei:text]">
    <em><xsl:apply-templates/></em>
  </xsl:template>
  <xsl:template match="tei:hi[@rend = ('bold', 'b')]"><strong><xsl:apply-templates/></strong></xsl:template>
  <xsl:template match="tei:q | tei:quote">“<xsl:apply-templates/>”</xsl:template>
  <xsl:template match="tei:foreign">
    <span class="foreign">
      <xsl:if test="ed:lang(@xml:lang)"><xsl:attribute name="lang" select="ed:lang(@xml:lang)"/></xsl:if>
      <xsl:apply-templates/>
    </span>
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

  <!-- The wrapper every mark shares: focusable, explained by its legend entry. -->
  <xsl:template name="mark">
    <xsl:param name="kind" select="ed:mark-kind(.)"/>
    <xsl:param name="content" as="node()*"><xsl:apply-templates/></xsl:param>
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="'mark mark-' || $kind"/>
      <xsl:attribute name="tabindex" select="'0'"/>
      <xsl:attribute name="aria-describedby" select="'legend-' || $kind"/>
      <xsl:attribute name="data-tip" select="$mark-kinds($kind)[2]"/>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:call-template name="mark">
      <xsl:with-param name="element" select="'ins'"/>
      <xsl:with-param name="content">
        <span class="edition-only bracket">⟨</span><xsl:apply-templates/><span class="edition-only bracket">⟩</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <xsl:call-template name="mark">
      <xsl:with-param name="content">
        <span class="edition-only bracket">[</span><xsl:apply-templates/><span class="edition-only bracket">]</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="shown" as="xs:string" select="
        if (@reason = 'hidden-by-source') then normalize-space(tei:desc)
        else if (@reason = 'illegible') then 'illegible'
        else if (tei:desc) then normalize-space(tei:desc)
        else '…'"/>
    <xsl:call-template name="mark">
      <xsl:with-param name="content">
        <span class="edition-only">[<xsl:value-of select="replace($shown, '^\[(.*)\]$', '$1')"/>]</span>
        <span class="reading-only">…</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic">
    <xsl:call-template name="mark">
      <xsl:with-param name="content">
        <xsl:apply-templates/><span class="edition-only flag"> [sic]</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Edition text: the error as printed with the correction in brackets;
       reading text: the correction alone. -->
  <xsl:template match="tei:choice[tei:sic and tei:corr]">
    <xsl:call-template name="mark">
      <xsl:with-param name="content">
        <span class="edition-only"><xsl:apply-templates select="tei:sic/node()"/>
          <span class="flag"> [</span><xsl:apply-templates select="tei:corr/node()"/><span class="flag">]</span></span>
        <span class="reading-only"><xsl:apply-templates select="tei:corr/node()"/></span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="*[1]"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'query']">
    <xsl:call-template name="mark">
      <xsl:with-param name="content"><span class="edition-only">[?]</span></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage">
    <xsl:call-template name="mark"/>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:call-template name="mark">
      <xsl:with-param name="content">
        <span class="edition-only">[p. <xsl:value-of select="@n"/>]</span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Notes: a numbered reference here, the note itself under the text. -->
  <xsl:template match="tei:text//tei:note[not(@type = 'query')]">
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <sup class="note-ref"><a id="note-ref-{$n}" href="#note-{$n}" aria-describedby="legend-note"
      data-tip="{$mark-kinds('note')[2]}"><span class="visually-hidden">Note </span><xsl:value-of select="$n"/></a></sup>
  </xsl:template>

  <!-- Notes numbered once, in document order (not by counting the notes before each). -->
  <xsl:variable name="note-numbers" as="map(xs:string, xs:integer)">
    <xsl:map>
      <xsl:for-each select="$tei/tei:text//tei:note[not(@type = 'query')]">
        <xsl:map-entry key="generate-id()" select="position()"/>
      </xsl:for-each>
    </xsl:map>
  </xsl:variable>

  <xsl:function name="ed:note-number" as="xs:integer">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note-numbers(generate-id($note))"/>
  </xsl:function>

  <xsl:template name="notes">
    <xsl:variable name="notes" select="$tei/tei:text//tei:note[not(@type = 'query')]"/>
    <xsl:if test="exists($notes)">
      <section id="notes" class="notes" aria-labelledby="notes-heading">
        <h2 id="notes-heading">Notes</h2>
        <ol>
          <xsl:for-each select="$notes">
            <xsl:variable name="n" select="ed:note-number(.)"/>
            <li id="note-{$n}"><xsl:apply-templates/>
              <xsl:text> </xsl:text><a class="back" href="#note-ref-{$n}">Back to the text<span class="visually-hidden"> (note <xsl:value-of select="$n"/>)</span></a></li>
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
    <xsl:variable name="date" select="(ed:document-date($tei), ed:meeting-date($tei))[.][1]"/>
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
