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
    ed:person-sort-key(person)       what persons indexes sort by (never an honorific)
    ed:index-name(person)            'Kohler, Foy D.' where surname and forenames are marked
    ed:variant-sort-key(person, s)   where another spelling's cross-reference sorts
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
    ed:safe-link(s)                  ed:safe-url(s), or '#id' for a pointer into the page
    ed:safe-image(s)                 an https URL or a plain relative file path, else ''
    ed:principal-date(tei)           the date a document is cited and sorted by
    ed:collection-sort-key(tei)      the collection's order: number, then date (then the id)
    ed:life-span(person)             '1895–1978', 'born 1904', 'died 1989'
    ed:authority-url(idno)           the record an idno of a known scheme names
    ed:text-lang(tei)                the language of the text, by TEI's precedence
    ed:lang(tag)                     a language tag, or '' when it is not one
    ed:is-rtl(tag)                   true for a right-to-left language or script
    ed:rend(hi)                      @rend/@rendition as known styles (italic, bold …)
    ed:in-word(milestone)            true for a pb or lb that stands inside a word
    ed:pointer-address(ref)          what a ref or ptr without words shows: ' → K_5046'
    ed:space-before(e), ed:space-after(e)  an event of speech glued to a word is set off

  What each element is: the behaviour table. ed:behaviour(e) says what an
  element is (section, block, heading, verse-line, list, item, table, row,
  cell, figure, graphic, speech, utterance, mark, note, milestone, break,
  alternate, apparatus, link, inline, omitted); ed:mark-kind(e) the kind
  of an editorial mark and $ed:marks its signs and meaning. The outputs say
  only how each behaviour looks; an element missing from the table is shown
  as its text (a block if it holds blocks), never dropped.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:months" as="xs:string+"
      select="('January', 'February', 'March', 'April', 'May', 'June', 'July',
               'August', 'September', 'October', 'November', 'December')"/>

  <xsl:key name="ed:person-by-id" match="tei:person" use="@xml:id"/>
  <xsl:key name="ed:witness-by-id" match="tei:witness" use="@xml:id"/>

  <!-- ===== what each element is ===== -->

  <xsl:variable name="ed:behaviours" as="map(xs:string, xs:string)" select="map {
      'teiHeader': 'omitted', 'facsimile': 'omitted', 'standOff': 'omitted',
      'sourceDoc': 'omitted', 'fw': 'inline', 'desc': 'inline', 'witDetail': 'omitted',
      'text': 'section', 'group': 'section', 'front': 'section', 'body': 'section',
      'back': 'section', 'div': 'section', 'div1': 'section', 'div2': 'section',
      'div3': 'section', 'div4': 'section', 'div5': 'section', 'div6': 'section',
      'div7': 'section', 'titlePage': 'section', 'castList': 'section',
      'castGroup': 'section', 'floatingText': 'section', 'argument': 'section',
      'epigraph': 'section', 'listBibl': 'section', 'spGrp': 'section',
      'head': 'heading', 'p': 'block', 'ab': 'block', 'opener': 'block',
      'closer': 'block', 'salute': 'block', 'signed': 'block', 'dateline': 'block',
      'postscript': 'block', 'byline': 'block', 'docTitle': 'block',
      'titlePart': 'block', 'docAuthor': 'block', 'docImprint': 'block',
      'docEdition': 'block', 'docDate': 'block', 'imprimatur': 'block',
      'trailer': 'block', 'address': 'block', 'addrLine': 'verse-line',
      'castItem': 'item', 'role': 'inline', 'roleDesc': 'inline', 'actor': 'inline',
      'lg': 'block', 'l': 'verse-line', 'list': 'list', 'item': 'item',
      'label': 'inline', 'table': 'table', 'row': 'row', 'cell': 'cell',
      'figure': 'figure', 'figDesc': 'block', 'graphic': 'graphic',
      'sp': 'speech', 'speaker': 'inline', 'u': 'utterance',
      'add': 'mark', 'del': 'mark', 'supplied': 'mark', 'gap': 'mark', 'sic': 'mark',
      'unclear': 'mark', 'stage': 'mark', 'vocal': 'mark', 'incident': 'mark',
      'kinesic': 'mark', 'pause': 'mark', 'shift': 'mark', 'damage': 'mark', 'surplus': 'mark', 'secl': 'mark',
      'note': 'note', 'pb': 'milestone', 'cb': 'milestone', 'milestone': 'milestone',
      'anchor': 'milestone', 'lb': 'break', 'choice': 'alternate', 'subst': 'inline',
      'app': 'apparatus', 'ref': 'link', 'ptr': 'link',
      'hi': 'inline', 'emph': 'inline', 'seg': 'inline', 'q': 'inline', 'quote': 'inline',
      'said': 'inline', 'foreign': 'inline', 'term': 'inline', 'title': 'inline',
      'mentioned': 'inline', 'soCalled': 'inline', 'gloss': 'inline', 'cit': 'inline',
      'bibl': 'inline', 'name': 'inline', 'persName': 'inline', 'placeName': 'inline',
      'orgName': 'inline', 'roleName': 'inline', 'rs': 'inline', 'date': 'inline',
      'time': 'inline', 'num': 'inline', 'measure': 'inline', 'w': 'inline', 'c': 'inline',
      'pc': 'inline', 's': 'inline', 'phr': 'inline', 'abbr': 'inline', 'expan': 'inline',
      'orig': 'inline', 'reg': 'inline', 'corr': 'inline', 'lem': 'inline',
      'rdg': 'inline', 'ex': 'inline', 'am': 'inline', 'forename': 'inline',
      'surname': 'inline', 'addName': 'inline', 'genName': 'inline', 'geogName': 'inline',
      'settlement': 'inline', 'country': 'inline', 'region': 'inline', 'idno': 'inline',
      'author': 'inline', 'editor': 'inline', 'publisher': 'inline', 'pubPlace': 'inline',
      'biblScope': 'inline', 'affiliation': 'inline', 'unit': 'inline', 'caesura': 'break',
      'listPerson': 'section', 'listPlace': 'section', 'listOrg': 'section', 'listEvent': 'section',
      'listWit': 'section', 'person': 'block', 'personGrp': 'block', 'place': 'block', 'org': 'block',
      'event': 'block', 'witness': 'block'
    }"/>

  <!-- Editorial marks: the signs around a mark in the edition text (none in
       the reading text) and what it means, for the legends of both outputs. -->
  <xsl:variable name="ed:marks" as="map(xs:string, map(xs:string, xs:string))" select="map {
      'add':      map { 'open': '⟨', 'close': '⟩', 'sample': '⟨inserted⟩',
                        'meaning': 'Inserted: words added in the original document.' },
      'del':      map { 'open': '⟦', 'close': '⟧', 'sample': '⟦struck⟧',
                        'meaning': 'Deleted: words struck out in the original document.' },
      'supplied': map { 'open': '[', 'close': ']', 'sample': '[supplied]',
                        'meaning': 'Supplied: words the translator or editor added for sense.' },
      'gap':      map { 'open': '[', 'close': ']', 'sample': '[illegible] […]',
                        'meaning': 'Gap: text illegible, or omitted in the source.' },
      'hidden':   map { 'open': '[', 'close': ']', 'sample': '[hidden]',
                        'meaning': 'Hidden by the source: text the archive’s web page concealed.' },
      'unclear':  map { 'open': '', 'close': '(?)', 'sample': 'word(?)',
                        'meaning': 'Unclear: a reading the editor is not sure of.' },
      'sic':      map { 'open': '', 'close': ' [sic]', 'sample': '[sic]',
                        'meaning': 'Sic: so in the original, an error kept as printed.' },
      'query':    map { 'open': '', 'close': '[?]', 'sample': '[?]',
                        'meaning': 'Query: the translator or editor doubts the reading here.' },
      'stage':    map { 'open': '', 'close': '', 'sample': '(stage)',
                        'meaning': 'Stage direction: a remark on how something was said.' },
      'vocal':    map { 'open': '[', 'close': ']', 'sample': '[laughter]',
                        'meaning': 'Sound: a noise someone made, not words spoken.' },
      'incident': map { 'open': '[', 'close': ']', 'sample': '[pause]',
                        'meaning': 'Incident: something that happened while they spoke (a pause, a gesture, a change of voice).' },
      'pb':       map { 'open': '[p. ', 'close': ']', 'sample': '[p. 3]',
                        'meaning': 'Page break in the original document.' },
      'choice':   map { 'open': '', 'close': '', 'sample': 'abbr. / expansion',
                        'meaning': 'Two readings: the other one is shown on hover or in the note.' },
      'app':      map { 'open': '', 'close': '', 'sample': 'lemma ᵃ',
                        'meaning': 'Variant readings: the witnesses’ readings are in the apparatus.' },
      'note':     map { 'open': '', 'close': '', 'sample': '¹',
                        'meaning': 'Editorial note: see the notes below the text.' }
    }"/>
  <xsl:variable name="ed:mark-order" as="xs:string+"
      select="('add', 'del', 'supplied', 'gap', 'hidden', 'unclear', 'sic', 'query', 'stage',
               'vocal', 'incident', 'pb', 'choice', 'app', 'note')"/>

  <xsl:function name="ed:behaviour" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="known" select="$ed:behaviours(local-name($e))"/>
    <xsl:sequence select="
        if (not(namespace-uri($e) = 'http://www.tei-c.org/ns/1.0')) then 'inline'
        else if (exists($known)) then $known
        else if ($e/*[ed:behaviour(.) = ('section', 'block', 'heading', 'list', 'table',
                                         'figure', 'speech', 'utterance', 'verse-line')])
        then 'section' else 'inline'"/>
  </xsl:function>

  <!-- Does the element stand as a block of its own (a paragraph, a list …)? -->
  <xsl:function name="ed:is-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:behaviour($e) = ('section', 'block', 'heading', 'list', 'item', 'table',
        'row', 'cell', 'figure', 'speech', 'utterance', 'verse-line')"/>
  </xsl:function>

  <xsl:function name="ed:mark-kind" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="
        if ($e/self::tei:gap[@reason = 'hidden-by-source']) then 'hidden'
        else if ($e/self::tei:sic[not(parent::tei:choice)] or $e/self::tei:choice[tei:sic]) then 'sic'
        else if ($e/self::tei:choice) then 'choice'
        else if ($e/self::tei:note[@type = 'query']) then 'query'
        else if ($e/self::tei:note[ancestor::tei:text]) then 'note'
        else if ($e/self::tei:kinesic or $e/self::tei:pause or $e/self::tei:shift) then 'incident'
        else if ($e/self::tei:damage) then 'gap'
        else if ($e/self::tei:surplus or $e/self::tei:secl) then 'del'
        else if ($e/(self::tei:add | self::tei:del | self::tei:supplied | self::tei:gap
                   | self::tei:unclear | self::tei:stage | self::tei:vocal | self::tei:incident
                   | self::tei:pb[@n] | self::tei:app))
        then local-name($e) else ()"/>
  </xsl:function>

  <!-- An event of speech (a pause, a sound, a gesture, an incident) stands
       between words: glued to them in the source ("said<pause/>fish"), the
       outputs set it off with a space, in every view. A gap may stand inside
       a word ("wor<gap/>d") and is left as it is. -->
  <xsl:function name="ed:space-before" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::tei:pause | self::tei:vocal | self::tei:kinesic | self::tei:incident))
        and matches(string($e/preceding-sibling::node()[1]), '[\p{L}\p{M}\p{N}]$')"/>
  </xsl:function>

  <xsl:function name="ed:space-after" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e/(self::tei:pause | self::tei:vocal | self::tei:kinesic | self::tei:incident))
        and matches(string($e/following-sibling::node()[1]), '^[\p{L}\p{M}\p{N}]')"/>
  </xsl:function>

  <!-- A pointer without words of its own shows its address, set off by an
       arrow: glued to the word before it in the source ("Antwort<ref
       target="K_5046"/>"), it must not become part of that word. -->
  <xsl:function name="ed:pointer-address" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'&#x2009;→&#x2009;' || normalize-space($e/@target)"/>
  </xsl:function>

  <!-- Does a page or line break stand inside a word ("ta<pb/>rūṇām")?
       break="no" on it, or on a break next to it, says so; break="yes" says
       not; else a letter or digit just before and just after the run of breaks
       it belongs to, with no space between, says so. The outputs then keep the
       word whole, for reading, copying and search. -->
  <xsl:function name="ed:in-word" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="before" select="$e/preceding-sibling::node()[not(ed:is-break(.))][1]"/>
    <xsl:variable name="after" select="$e/following-sibling::node()[not(ed:is-break(.))][1]"/>
    <xsl:variable name="run" select="$e/(preceding-sibling::node()[empty($before) or . &gt;&gt; $before]
        | following-sibling::node()[empty($after) or . &lt;&lt; $after]), $e"/>
    <xsl:sequence select="not($e/@break = 'yes') and (exists($run[@break = 'no'])
        or exists($before[self::text()][matches(., '[\p{L}\p{M}\p{N}]$')])
           and exists($after[self::text()][matches(., '^[\p{L}\p{M}\p{N}]')]))"/>
  </xsl:function>

  <xsl:function name="ed:is-break" as="xs:boolean">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="exists($n/(self::tei:pb | self::tei:lb | self::tei:cb | self::tei:milestone))"/>
  </xsl:function>

  <!-- The kinds of mark a text uses, in legend order. -->
  <xsl:function name="ed:mark-kinds" as="xs:string*">
    <xsl:param name="text" as="node()*"/>
    <xsl:variable name="used" select="distinct-values($text//*[ed:behaviour(.) = ('mark', 'note', 'milestone', 'alternate', 'apparatus')] ! ed:mark-kind(.))"/>
    <xsl:sequence select="$ed:mark-order[. = $used]"/>
  </xsl:function>

  <!-- The text a mark shows in the edition view, with its signs. -->
  <xsl:function name="ed:mark-sign" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="side" as="xs:string"/>
    <xsl:sequence select="string($ed:marks($kind)($side))"/>
  </xsl:function>

  <!-- What a gap, sound or incident shows: its description, else its reason;
       a pause "pause, long", a shift of voice "loud: ff". -->
  <xsl:function name="ed:gap-text" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="desc" select="replace(normalize-space(string-join($e/tei:desc, ' ')), '^\[(.*)\]$', '$1')"/>
    <xsl:sequence select="
        if ($e/@reason = 'hidden-by-source' and $desc) then $desc
        else if ($e/@reason = 'illegible') then 'illegible'
        else if ($desc) then $desc
        else if ($e/self::tei:gap and not(normalize-space($e))) then '…'
        else if ($e/self::tei:pause) then string-join(('pause', $e/@type[normalize-space()]), ', ')
        else if ($e/self::tei:shift) then normalize-space(($e/@feature, 'voice')[1]) || ': '
                                          || normalize-space(($e/@new, 'normal')[1])
        else normalize-space(string-join(($e/@reason, $e/@agent, $e/@extent)[normalize-space()], ', '))"/>
  </xsl:function>

  <!-- Front matter the title block of both outputs already shows: the title
       when it is the header's, the document's date, its classification. -->
  <xsl:function name="ed:shown-in-title-block" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="tei" select="$e/ancestor::tei:TEI[1]"/>
    <xsl:sequence select="exists($e/parent::tei:front[parent::tei:text[parent::tei:TEI]]) and (
        ($e/self::tei:docTitle and normalize-space($e) = ed:title($tei))
        or ($e/self::tei:docDate and normalize-space($e/@when) and $e/@when = ed:document-date($tei))
        or $e/self::tei:ab[@type = 'classification'])"/>
  </xsl:function>

  <!-- How an output offers the document's own form of a choice. -->
  <xsl:function name="ed:choice-label" as="xs:string">
    <xsl:param name="original" as="element()?"/>
    <xsl:sequence select="if ($original/self::tei:abbr) then 'Abbreviated in the original'
        else if ($original/self::tei:orig) then 'The original spelling' else 'The original reads'"/>
  </xsl:function>

  <!-- An apparatus entry's key: a, b, … z, aa, ab, … -->
  <xsl:function name="ed:app-key" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="format-integer($n, 'a')"/>
  </xsl:function>

  <!-- @wit as sigla: '#A #B' → 'A B' (a witness's own siglum where the
       header lists it). -->
  <xsl:function name="ed:witnesses" as="xs:string">
    <xsl:param name="wit" as="attribute()?"/>
    <xsl:sequence select="string-join(for $w in tokenize(normalize-space($wit), ' ')
        return let $id := replace($w, '^#', ''),
                   $witness := key('ed:witness-by-id', $id, root($wit))[1]
               return (normalize-space($witness/@n)[.], $id)[1], ' ')"/>
  </xsl:function>

  <!-- ===== languages and scripts ===== -->

  <xsl:function name="ed:lang" as="xs:string">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:sequence select="if (matches(normalize-space($tag), '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$'))
                          then normalize-space($tag) else ''"/>
  </xsl:function>

  <!-- Right to left: Arabic, Hebrew, Syriac, Persian, Urdu and their kin, by
       language or by an explicit script subtag (ar-Latn is left to right). -->
  <xsl:function name="ed:is-rtl" as="xs:boolean">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(lower-case(ed:lang($tag)), '-')"/>
    <xsl:variable name="script" select="$parts[position() gt 1][string-length(.) = 4][1]"/>
    <xsl:sequence select="if ($script) then $script = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'samr', 'mand', 'adlm')
        else $parts[1] = ('ar', 'arc', 'he', 'iw', 'syr', 'syc', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug',
                          'dv', 'ckb', 'ks', 'prs', 'ota', 'jrb', 'lad-hebr', 'hbo', 'arz', 'apc', 'acm', 'ary')"/>
  </xsl:function>

  <!-- The language of the text: text, then TEI, then the header's first language. -->
  <xsl:function name="ed:text-lang" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string((ed:lang($tei/tei:text/@xml:lang), ed:lang($tei/@xml:lang),
        ed:lang(($tei/tei:teiHeader/tei:profileDesc/tei:langUsage/tei:language/@ident)[1]))[.][1])"/>
  </xsl:function>

  <!-- ===== styles, dates, persons, links ===== -->

  <!-- @rend / @rendition / @style as the styles both outputs know. -->
  <xsl:function name="ed:rend" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="r" select="lower-case(string-join(($e/@rend, $e/@rendition, $e/@style), ' '))"/>
    <xsl:sequence select="(
        if (matches($r, 'ital|(^|\W)i(\W|$)|font-style:\s*italic|slant')) then 'italic' else (),
        if (matches($r, 'bold|(^|\W)b(\W|$)|font-weight:\s*(bold|[6-9]00)')) then 'bold' else (),
        if (matches($r, 'under')) then 'underline' else (),
        if (matches($r, 'sup')) then 'sup' else (),
        if (matches($r, '(^|\W)sub|subscript')) then 'sub' else (),
        if (matches($r, 'small-?caps|sc(\W|$)')) then 'smallcaps' else (),
        if (matches($r, 'strike|line-through')) then 'strike' else ())"/>
  </xsl:function>

  <!-- The date a document is cited and sorted by, everywhere: the date it
       bears, else when it happened. -->
  <xsl:function name="ed:principal-date" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="string((ed:document-date($tei), ed:meeting-date($tei))[.][1])"/>
  </xsl:function>

  <!-- The collection's order, everywhere (the site's records, the pages'
       previous and next, the volume): the document's number (TEI/@n, from the
       front matter; unnumbered documents follow), then its principal date
       (undated last); ties go by the document's id. -->
  <xsl:function name="ed:collection-sort-key" as="xs:string">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="n" select="normalize-space($tei/@n)"/>
    <xsl:sequence select="(if (matches($n, '^\d{1,9}$')) then format-integer(xs:integer($n), '000000000') else '~')
                          || ' ' || (ed:principal-date($tei)[.], '9999')[1]"/>
  </xsl:function>

  <xsl:function name="ed:life-span" as="xs:string?">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="born" select="replace(string(($person/tei:birth/@when)[1]), '^(-?\d{4}).*$', '$1')"/>
    <xsl:variable name="died" select="replace(string(($person/tei:death/@when)[1]), '^(-?\d{4}).*$', '$1')"/>
    <xsl:sequence select="if ($born and $died) then $born || '–' || $died
                          else if ($born) then 'born ' || $born
                          else if ($died) then 'died ' || $died else ()"/>
  </xsl:function>

  <xsl:variable name="ed:authorities" as="map(xs:string, xs:string+)" select="map {
      'wikidata': ('Wikidata', 'https://www.wikidata.org/wiki/'),
      'viaf': ('VIAF', 'https://viaf.org/viaf/'),
      'gnd': ('GND', 'https://d-nb.info/gnd/'),
      'geonames': ('GeoNames', 'https://www.geonames.org/')
    }"/>

  <xsl:function name="ed:authority-url" as="xs:string">
    <xsl:param name="idno" as="element()"/>
    <xsl:variable name="id" select="normalize-space($idno)"/>
    <xsl:sequence select="if (map:contains($ed:authorities, string($idno/@type)) and matches($id, '^[A-Za-z0-9\-]+$'))
        then $ed:authorities(string($idno/@type))[2] || $id else ''"/>
  </xsl:function>

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

  <!-- These helpers run for every turn: they use string functions, not regular
       expressions, which cost several microseconds a call in Saxon. -->

  <!-- The label as printed ("Cde. Mikoyan -", "Q:", "SMITH.") without the
       separator that ends it; an empty label stays empty. -->
  <xsl:function name="ed:speaker-name" as="xs:string">
    <xsl:param name="speaker" as="element()?"/>
    <xsl:variable name="label" select="normalize-space(string($speaker))"/>
    <xsl:variable name="last" select="substring($label, string-length($label))"/>
    <xsl:sequence select="if ($last = ('-', '–', '—', ':', '.'))
                          then normalize-space(substring($label, 1, string-length($label) - 1))
                          else $label"/>
  </xsl:function>

  <xsl:function name="ed:speaker-id" as="xs:string">
    <xsl:param name="sp" as="element()"/>
    <xsl:variable name="first" select="substring-before(normalize-space($sp/@who) || ' ', ' ')"/>
    <xsl:sequence select="if (starts-with($first, '#')) then substring($first, 2) else $first"/>
  </xsl:function>

  <!-- The person a pointer names, looked up in the document that holds $context. -->
  <xsl:function name="ed:person" as="element(tei:person)?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="context" as="node()"/>
    <xsl:variable name="pointer" select="normalize-space($ref)"/>
    <xsl:variable name="id" select="if (starts-with($pointer, '#')) then substring($pointer, 2) else $pointer"/>
    <xsl:sequence select="if ($id) then key('ed:person-by-id', $id, root($context))[1] else ()"/>
  </xsl:function>

  <xsl:function name="ed:person-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)?"/>
    <xsl:sequence select="normalize-space(string(($person/tei:persName)[1]))"/>
  </xsl:function>

  <!-- How persons indexes sort and show a person: by @sortKey (the converter
       writes it: register.name_sort_key, never an honorific), else by the
       surname and forenames the TEI marks, else by the name as written less
       what is not the name: a roleName or addName the TEI marks, and leading
       abbreviated honorifics ("Mr.", "Cde.", "Gen."; an initial "A." stays). -->
  <xsl:function name="ed:person-sort-key" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="name" select="($person/tei:persName)[1]"/>
    <xsl:variable name="written" select="tokenize(normalize-space(string-join(
        $name//text()[not(ancestor::tei:roleName or ancestor::tei:addName)], '')))"/>
    <xsl:variable name="first-name-word" select="(index-of($written ! matches(., '^\p{Lu}\p{Ll}{1,3}\.$'), false()))[1]"/>
    <xsl:sequence select="lower-case((normalize-space($person/@sortKey),
        string-join(($name/tei:surname, $name/tei:forename) ! tokenize(normalize-space(.)), ','),
        string-join(subsequence($written, ($first-name-word, 1)[1]), ','),
        string-join(tokenize(ed:person-name($person)), ','))[.][1])"/>
  </xsl:function>

  <!-- The key of another spelling's cross-reference: its last word first where
       the person sorts by the last word of the name (a Western name), else as
       written (a family name first). -->
  <xsl:function name="ed:variant-sort-key" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:param name="variant" as="xs:string"/>
    <xsl:variable name="words" select="tokenize(normalize-space($variant))"/>
    <xsl:variable name="name-words" select="tokenize(ed:person-name($person))"/>
    <xsl:variable name="last-first" select="count($words) gt 1 and count($name-words) gt 1
        and starts-with(ed:person-sort-key($person), lower-case($name-words[last()]))"/>
    <xsl:sequence select="lower-case(string-join(if ($last-first)
        then ($words[last()], $words[position() lt last()]) else $words, ','))"/>
  </xsl:function>

  <!-- The name as an index shows it: "Kohler, Foy D." where the TEI marks
       surname and forenames, else the name as written. -->
  <xsl:function name="ed:index-name" as="xs:string">
    <xsl:param name="person" as="element(tei:person)"/>
    <xsl:variable name="name" select="($person/tei:persName)[1]"/>
    <xsl:variable name="surname" select="string-join($name/tei:surname ! normalize-space(.), ' ')"/>
    <xsl:variable name="forenames" select="string-join($name/tei:forename ! normalize-space(.), ' ')"/>
    <xsl:sequence select="if ($surname and $forenames) then $surname || ', ' || $forenames
                          else ed:person-name($person)"/>
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
    <xsl:sequence select="ed:words-in($text)"/>
  </xsl:function>

  <!-- The words of a string of speech. -->
  <xsl:function name="ed:words-in" as="xs:integer">
    <xsl:param name="text" as="xs:string"/>
    <!-- a word with an ASCII letter or digit is told by translate(); only the
         others need the regular expression, slow in Saxon -->
    <xsl:sequence select="count(tokenize($text)[translate(., 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', '') ne .
                                                or matches(., '[\p{L}\p{N}]')])"/>
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
        [tei:resp[starts-with(lower-case(normalize-space(.)), 'transl')]]/(tei:persName, tei:name, tei:orgName)
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
    <xsl:sequence select="distinct-values(for $sp in $tei/tei:text//tei:sp return ed:speaker-id($sp))[. ne '']"/>
  </xsl:function>

  <!-- Identifiers come from the document; only these characters may reach an
       id attribute or a URL fragment. -->
  <xsl:function name="ed:safe-id" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="id" select="normalize-space($s)"/>
    <!-- most ids are safe already: told without a regular expression -->
    <xsl:sequence select="if (translate($id, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-', '') = '')
                          then $id else replace($id, '[^A-Za-z0-9_.\-]', '-')"/>
  </xsl:function>

  <!-- Only plain web links leave the stylesheet as href values: never
       javascript:, data: or anything else a document might smuggle in. -->
  <xsl:function name="ed:safe-url" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($s)"/>
    <xsl:sequence select="if (matches($u, '^https?://[^\s&quot;&lt;&gt;]+$', 'i')) then $u else ''"/>
  </xsl:function>

  <!-- A link target: a web address, or a pointer to an id within the document. -->
  <xsl:function name="ed:safe-link" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space(tokenize(normalize-space($s), ' ')[1])"/>
    <xsl:sequence select="if (starts-with($u, '#') and string-length($u) gt 1) then '#' || ed:safe-id(substring($u, 2))
                          else ed:safe-url($u)"/>
  </xsl:function>

  <!-- An image: https only, or a relative path to a file beside the edition
       (no scheme, no '..', no absolute path). -->
  <xsl:function name="ed:safe-image" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="u" select="normalize-space($s)"/>
    <xsl:sequence select="if (matches($u, '^https://[^\s&quot;&lt;&gt;]+$', 'i')) then $u
        else if (matches($u, '^[A-Za-z0-9_][A-Za-z0-9_./\-]*$') and not(contains($u, '..'))
                 and not(matches($u, '^[A-Za-z][A-Za-z0-9+.\-]*:'))) then $u
        else ''"/>
  </xsl:function>

</xsl:stylesheet>
