<?xml version="1.0" encoding="UTF-8"?>
<!--
  html-glance.xsl: "The conversation at a glance", two inline SVG charts drawn
  from the turns of a TEI document:

    1. share: one row per speaker, a thick bar for the share of words and a
       thin one for the share of turns, with the figures written out;
    2. sequence: every turn in order, coloured by speaker, its height growing
       with the turn's length; each turn links to its place in the text.

  The same figures follow as an HTML table for readers who cannot see the
  charts. Colours are CSS classes (who-1 … who-8, who-0 for an unidentified
  speaker) so that the charts and the text share one palette in edition.css.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html-common.xsl"/>
  <xsl:import href="turns.xsl"/>

  <!-- Chart geometry, in SVG user units. -->
  <xsl:variable name="ed:chart-width" as="xs:integer" select="400"/>
  <xsl:variable name="ed:row-height" as="xs:integer" select="46"/>
  <xsl:variable name="ed:turns-per-row" as="xs:integer" select="40"/>
  <xsl:variable name="ed:strip-height" as="xs:integer" select="44"/>

  <!-- Who speaks a turn: the @who id, or the printed label when there is none. -->
  <xsl:function name="ed:turn-key" as="xs:string">
    <xsl:param name="sp" as="element(tei:sp)"/>
    <xsl:sequence select="(ed:speaker-id($sp)[.], '?' || ed:speaker-name($sp/tei:speaker))[1]"/>
  </xsl:function>

  <xsl:function name="ed:key-name" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="context" as="node()"/>
    <xsl:sequence select="if (starts-with($key, '?'))
        then (substring($key, 2)[.], 'Unidentified speaker')[1]
        else (ed:person-name(ed:person($key, $context))[.],
              ed:speaker-name(key('ed:turns-by-speaker', $key, root($context))[1]/tei:speaker)[.],
              $key)[1]"/>
  </xsl:function>

  <xsl:function name="ed:percent" as="xs:string">
    <xsl:param name="part" as="xs:integer"/>
    <xsl:param name="whole" as="xs:integer"/>
    <xsl:sequence select="if ($whole eq 0) then '0%' else format-number(100 * $part div $whole, '0') || '%'"/>
  </xsl:function>

  <xsl:template name="ed:glance">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:variable name="turns" select="$tei/tei:text//tei:sp"/>
    <xsl:variable name="ids" select="ed:speaker-ids($tei)"/>
    <!-- one entry per speaker: key, name, turns, words, colour class -->
    <xsl:variable name="rows" as="map(*)*">
      <xsl:for-each-group select="$turns" group-by="ed:turn-key(.)">
        <xsl:variable name="index" select="index-of($ids, current-grouping-key())[1]"/>
        <xsl:sequence select="map {
            'key': current-grouping-key(),
            'name': ed:key-name(current-grouping-key(), $tei),
            'turns': count(current-group()),
            'words': ed:turn-words(current-group()),
            'colour': if (exists($index)) then 'who-' || (($index - 1) mod 8 + 1) else 'who-0' }"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:variable name="sorted" as="map(*)*"
        select="sort($rows, (), function($r) { -$r?words, -$r?turns, $r?name })"/>
    <xsl:variable name="total-words" select="sum($rows ! ?words) => xs:integer()"/>
    <xsl:variable name="total-turns" select="count($turns)"/>
    <xsl:variable name="top" select="$sorted[1]"/>
    <xsl:variable name="summary" as="xs:string" select="
        ed:plural($total-turns, 'turn') || ' by ' || ed:plural(count($rows), 'speaker') || ', '
        || ed:plural($total-words, 'word') || '. ' || $top?name || ' speaks '
        || ed:percent($top?words, $total-words) || ' of the words in '
        || ed:percent($top?turns, $total-turns) || ' of the turns.'"/>
    <section id="glance" class="glance" aria-labelledby="glance-heading">
      <h2 id="glance-heading">The conversation at a glance</h2>
      <p class="glance-summary"><xsl:value-of select="$summary"/></p>
      <div class="charts">
        <figure class="chart chart-share">
          <xsl:call-template name="ed:share-chart">
            <xsl:with-param name="rows" select="$sorted"/>
            <xsl:with-param name="total-words" select="$total-words"/>
            <xsl:with-param name="total-turns" select="$total-turns"/>
            <xsl:with-param name="summary" select="$summary"/>
          </xsl:call-template>
          <figcaption>Thick bars: share of the words; thin bars: share of the turns.</figcaption>
        </figure>
        <figure class="chart chart-sequence">
          <xsl:call-template name="ed:sequence-chart">
            <xsl:with-param name="turns" select="$turns"/>
            <xsl:with-param name="rows" select="$rows"/>
          </xsl:call-template>
          <figcaption>
            <xsl:text>The turns in order (read left to right); taller bars are longer turns.</xsl:text>
            <span class="chart-key">
              <xsl:for-each select="$sorted">
                <span class="key-item"><span class="swatch {?colour}" aria-hidden="true"></span><xsl:value-of select="?name"/></span>
                <xsl:text> </xsl:text>
              </xsl:for-each>
            </span>
          </figcaption>
        </figure>
      </div>
      <details class="glance-table">
        <summary>The figures as a table</summary>
        <table>
          <caption>Turns and words per speaker</caption>
          <thead><tr><th scope="col">Speaker</th><th scope="col">Turns</th><th scope="col">Words</th><th scope="col">Share of words</th></tr></thead>
          <tbody>
            <xsl:for-each select="$sorted">
              <tr><th scope="row"><xsl:value-of select="?name"/></th>
                <td><xsl:value-of select="?turns"/></td>
                <td><xsl:value-of select="format-integer(?words, '#,##0')"/></td>
                <td><xsl:value-of select="ed:percent(?words, $total-words)"/></td></tr>
            </xsl:for-each>
          </tbody>
        </table>
      </details>
    </section>
  </xsl:template>

  <!-- A chart's coordinate to two decimals, as format-number($x, '0.##') writes
       it (rounded half to even, no trailing zeros), without its picture parsing:
       a chart writes hundreds. -->
  <xsl:function name="ed:coordinate" as="xs:string">
    <xsl:param name="x" as="xs:double"/>
    <xsl:sequence select="string(round-half-to-even(xs:decimal($x), 2))"/>
  </xsl:function>

  <xsl:template name="ed:share-chart">
    <xsl:param name="rows" as="map(*)*"/>
    <xsl:param name="total-words" as="xs:integer"/>
    <xsl:param name="total-turns" as="xs:integer"/>
    <xsl:param name="summary" as="xs:string"/>
    <xsl:variable name="w" select="$ed:chart-width"/>
    <svg xmlns="http://www.w3.org/2000/svg" class="share" viewBox="0 0 {$w} {count($rows) * $ed:row-height}"
         role="img" aria-labelledby="share-title share-desc">
      <title id="share-title">Words and turns per speaker</title>
      <desc id="share-desc"><xsl:value-of select="$summary"/></desc>
      <xsl:for-each select="$rows">
        <xsl:variable name="y" select="(position() - 1) * $ed:row-height"/>
        <xsl:variable name="word-width" select="if ($total-words gt 0) then $w * ?words div $total-words else 0"/>
        <xsl:variable name="turn-width" select="if ($total-turns gt 0) then $w * ?turns div $total-turns else 0"/>
        <text x="0" y="{$y + 14}" class="chart-label"><xsl:value-of select="?name"/></text>
        <text x="{$w}" y="{$y + 14}" text-anchor="end" class="chart-figure">
          <xsl:value-of select="ed:percent(?words, $total-words) || ' · ' || ed:plural(?turns, 'turn')"/></text>
        <rect x="0" y="{$y + 20}" width="{$w}" height="12" class="track"/>
        <rect x="0" y="{$y + 20}" width="{ed:coordinate($word-width)}" height="12" class="bar {?colour}"/>
        <rect x="0" y="{$y + 35}" width="{ed:coordinate($turn-width)}" height="4" class="bar {?colour}"/>
      </xsl:for-each>
    </svg>
  </xsl:template>

  <xsl:template name="ed:sequence-chart">
    <xsl:param name="turns" as="element(tei:sp)*"/>
    <xsl:param name="rows" as="map(*)*"/>
    <xsl:variable name="colours" as="map(xs:string, xs:string)"
        select="map:merge(for $r in $rows return map:entry($r?key, $r?colour))"/>
    <xsl:variable name="names" as="map(xs:string, xs:string)"
        select="map:merge(for $r in $rows return map:entry($r?key, $r?name))"/>
    <xsl:variable name="lengths" as="xs:integer*" select="for $t in $turns return ed:turn-words($t)"/>
    <xsl:variable name="longest" select="max(($lengths, 1))"/>
    <xsl:variable name="per-row" select="max((min(($ed:turns-per-row, count($turns))), 10))"/>
    <xsl:variable name="cell" select="$ed:chart-width div $per-row"/>
    <xsl:variable name="strips" select="(count($turns) + $per-row - 1) idiv $per-row"/>
    <!-- The links repeat the turn numbers of the text, so the chart is hidden
         from assistive technology and kept out of the tab order. -->
    <svg xmlns="http://www.w3.org/2000/svg" class="sequence" aria-hidden="true"
         viewBox="0 0 {$ed:chart-width} {$strips * ($ed:strip-height + 8)}">
      <xsl:for-each select="$turns">
        <xsl:variable name="i" select="position() - 1"/>
        <xsl:variable name="words" select="$lengths[$i + 1]"/>
        <!-- square root, so that a few long speeches do not flatten the rest -->
        <xsl:variable name="h" select="max((3, $ed:strip-height * math:sqrt($words div $longest)))"
            xmlns:math="http://www.w3.org/2005/xpath-functions/math"/>
        <xsl:variable name="base" select="($i idiv $per-row) * ($ed:strip-height + 8) + $ed:strip-height"/>
        <xsl:variable name="turn-id" select="ed:safe-id((@xml:id, 'turn-' || position())[normalize-space()][1])"/>
        <a href="#{$turn-id}" tabindex="-1">
          <rect x="{ed:coordinate(($i mod $per-row) * $cell + 0.5)}" y="{ed:coordinate($base - $h)}"
                width="{ed:coordinate($cell - 1)}" height="{ed:coordinate($h)}"
                class="bar {$colours(ed:turn-key(.))}">
            <title><xsl:value-of select="'Turn ' || position() || ': ' || $names(ed:turn-key(.))
                || ', ' || ed:plural($words, 'word')"/></title>
          </rect>
        </a>
      </xsl:for-each>
    </svg>
  </xsl:template>

</xsl:stylesheet>
