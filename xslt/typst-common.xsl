<?xml version="1.0" encoding="UTF-8"?>
<!--
  typst-common.xsl: how TEI data becomes Typst source, safely.

  The one rule of the PDF stylesheets: text taken from a document reaches the
  Typst source only through ty:str(), which writes it as a Typst string
  literal. The generated source is Typst *code* (function calls whose
  arguments are string literals, arrays and dictionaries), never markup, so
  no character of a transcript (#, *, _, $, @, <, >, \, //, /*, ...) can be
  read by Typst as markup or code; it can only be printed.

  Functions (prefix ty = "urn:tei-edition:typst"):
    ty:str(s)          any string as a Typst string literal, e.g. "a \"b\""
    ty:str-or-none(s)  ty:str(s), or none when s is empty
    ty:array(items)    Typst expressions as an array literal: (a, b,)
    ty:clean(s)        whitespace runs (tab, CR, LF, space) folded to one space
    ty:lang(code)      an xml:lang value as Typst lang/region strings
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ty="urn:tei-edition:typst"
    exclude-result-prefixes="#all">

  <!-- Saxon's regular expressions cost far more per character than its string
       functions, and every character of a transcript passes through these
       two functions: each tells with contains() or translate() whether its
       regular expression has anything to do, and runs it only then. -->
  <xsl:function name="ty:clean" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="s" select="string($s)"/>
    <xsl:sequence select="if (contains($s, '  ') or translate($s, '&#9;&#10;&#13;', '') ne $s)
        then replace($s, '[ \t\r\n]+', ' ') else $s"/>
  </xsl:function>

  <!-- The characters \p{Cc}, \p{Zl} and \p{Zp} an XML 1.0 text can hold
       once whitespace is folded: DEL, the C1 controls, the line and paragraph
       separators. -->
  <xsl:variable name="ty:unprintable" as="xs:string" select="codepoints-to-string((127 to 159, 8232, 8233))"/>

  <!-- A Typst string literal holding exactly the characters of $s (after
       whitespace folding). Inside "…" Typst knows only the escapes \\, \",
       \n, \r, \t and \u{…}; backslash and quote are escaped, and control and
       line-separator characters are written as \u{…} so the literal stays on
       one line whatever the input holds. -->
  <xsl:function name="ty:str" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="clean" select="ty:clean($s)"/>
    <xsl:variable name="escaped" select="if (contains($clean, '\') or contains($clean, '&quot;'))
        then replace(replace($clean, '\\', '\\\\'), '&quot;', '\\&quot;') else $clean"/>
    <xsl:variable name="safe" as="xs:string">
      <xsl:choose>
        <xsl:when test="translate($escaped, $ty:unprintable, '') ne $escaped
                        and matches($escaped, '[\p{Cc}\p{Zl}\p{Zp}]')">
          <xsl:sequence select="string-join(
              for $c in string-to-codepoints($escaped)
              return if (matches(codepoints-to-string($c), '[\p{Cc}\p{Zl}\p{Zp}]'))
                     then '\u{' || ty:hex($c) || '}'
                     else codepoints-to-string($c), '')"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:sequence select="$escaped"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:sequence select="'&quot;' || $safe || '&quot;'"/>
  </xsl:function>

  <xsl:function name="ty:str-or-none" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="if (normalize-space($s)) then ty:str(normalize-space($s)) else 'none'"/>
  </xsl:function>

  <!-- A Typst array literal; the trailing comma keeps a one-item array an array. -->
  <xsl:function name="ty:array" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="if (empty($items)) then '()'
                          else '(' || string-join($items, ', ') || ',)'"/>
  </xsl:function>

  <xsl:function name="ty:hex" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="digits" select="'0123456789ABCDEF'"/>
    <xsl:sequence select="(if ($n ge 16) then ty:hex($n idiv 16) else '')
                          || substring($digits, $n mod 16 + 1, 1)"/>
  </xsl:function>

  <!-- Typst wants an ISO 639 language and an optional ISO 3166 region; an
       xml:lang it cannot use falls back to English rather than failing. -->
  <xsl:function name="ty:lang" as="xs:string+">
    <xsl:param name="code" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space($code), '[-_]')"/>
    <xsl:variable name="lang" select="lower-case(string($parts[1]))"/>
    <xsl:variable name="region" select="upper-case(string($parts[2]))"/>
    <xsl:sequence select="(if (matches($lang, '^[a-z]{2,3}$')) then $lang else 'en',
                           if (matches($region, '^[A-Z]{2}$')) then $region else '')"/>
  </xsl:function>

</xsl:stylesheet>
