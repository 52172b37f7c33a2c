"""Speaker labels: recognising them at the start of a line, and whom they name.

Label forms (DESIGN §4), tried in this order after an edition's own patterns:

    marked      ○野村委員長 …                   a Japanese record's circle: always a label
    sworn       THOMAS HACK sworn. - I am …    a witness's evidence: always a label
    asked       Q. Name, Paper: Mr. President  a reporter's question: always a label
    side        Soviet side (MIKOYAN): …       who = the name in brackets
    alias       Full Name (hereafter FN): …    FN names the same person later
    interview   Q: / A: / INT: / Interviewer:  roles interviewer / respondent
    unknown     Speaker ?: / Unidentified:     an unidentified speaker
    dash/colon  Cde. Mikoyan - …, Name: …, Ambassador Smith: …, J. Novak: …,
                The Secretary of State: …, THE MARSHAL (Colonel Mays): …
    caps-stop   MIKOYAN. …
    stop        Molotov. … (mixed case: only with more evidence, see structure.py)
    caps-verb   KHRUSHCHEV said that …         (the verb stays in the speech)
    caps-office PRESIDENT CLINTON Hello …     (an office in capitals, no separator)
    name-verb   Zhou Enlai thanks …            (only beside direct labels, see structure.py)
    glued-plain Don Regan—Economic …           (only beside glued labels, see structure.py)
    alone       a label alone on its line; the speech follows below
                (MIKOYAN, Mikoyan:, Mrs. Oswald., President Johnson)

A match is only a candidate: structure.py accepts it when the name is a known
person, a participant, or the same label opens at least two lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline import is_spoken_event
from ..rules import Rules

_LETTER_SPACED = re.compile(r"(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_])")
_GLUED_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Mme)\.(?=[A-Z])")
# "主   席:": an office in Chinese spaced out to fill a column, before its colon
_CJK_SPACED = re.compile(r"[\u3400-\u9fff](?:[ \u3000]+[\u3400-\u9fff]){1,3}(?=[ \u3000]*[:：])")
_SPECK = re.compile(r"(?:[A-Z][a-z]*\s){0,3}[A-Z][a-z]+(\.)[a-z]{2,}(?:\s[A-Z][a-z]+){0,3}\s?:")


def _respelled(line: str) -> tuple[str, int] | None:
    """A line whose label is letter-spaced for emphasis ("П р е д с е д а т е л ь."),
    or whose honorific lost its space ("Mr.Ruby."), or holds an OCR speck ("The
    Pr.esident:"), as if set normally, and how many characters that took out; None
    for any other line."""
    spaced = _LETTER_SPACED.match(line)
    if spaced:
        word = spaced.group(0).replace(" ", "")
        return word + line[spaced.end():], spaced.end() - len(word)
    spaced = _CJK_SPACED.match(line)
    if spaced:
        word = re.sub(r"[ \u3000]", "", spaced.group(0))
        return word + line[spaced.end():], spaced.end() - len(word)
    glued = _GLUED_HONORIFIC.match(line)
    if glued:
        return line[:glued.end()] + " " + line[glued.end():], -1
    # "The Pr.esident: …": OCR read a speck as a full stop inside a word of the label
    speck = _SPECK.match(line)
    if speck:
        return line[:speck.start(1)] + line[speck.end(1):], 1
    return None


# Words that open a speech on the radio or the telephone: never a label before a stop.
_ACKNOWLEDGEMENTS = {"roger", "okay", "ok", "yes", "no", "yeah", "affirmative", "negative",
                     "right", "well", "thanks", "copy", "wilco", "over", "good", "fine", "hello"}
def unspaced(char: str) -> bool:
    """Is char of a script written without spaces between words (Japanese kana, Chinese
    and Japanese characters, Korean Hangul)?"""
    return "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"


# A witness's oath noted after the name: "THOMAS BEEZER (sworn)".
OATHS = {"sworn", "affirmed", "recalled", "resworn", "re-sworn", "duly sworn", "on former oath",
          "on former affirmation"}
# Words that head a time line ("Begin: 0915 Hours", "Ende: 14.35 Uhr"), and are names
# only before speech.
_TIME_FIELDS = {"begin", "end", "beginn", "ende"}
# A word's own full stop is tried last, so that "Varga. It is." reads as "Varga" + ".";
# a double name may be joined by an en dash ("Vīķe–Freiberga"); initials may be glued
# to the surname ("В.Путин", "Н.С.Хрущев").
# Initials run together keep their stops, the last one or not ("U.S.", "P.M"). A
# Hebrew abbreviation holds its gershayim: "היו"ר", the chairman. A letter a web page
# could not decode ("GAUDILL�RE", U+FFFD) stays inside its word.
_WORD = r"(?:[\u05d0-\u05ea]+[\"״][\u05d0-\u05ea]|(?:[^\W\d_]\.){1,3}[^\W\d_][\w'’]+(?:[-‐–][\w'’]+)*|(?:[^\W\d_]\.){1,3}[^\W\d_]\.?|[^\W\d_][\w'’\ufffd]*(?:[-‐–][\w'’]+)*\.??|\[[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,5}\])"
# The speakers a machine transcript tells apart by number: "Speaker 1", "SPEAKER_02".
# ("Speaker : spk3" alone on its line: a diarising transcriber's speaker three)
_SPEAKER_NUMBER = r"(?:(?:Speaker|SPEAKER|Sprecher|Orateur|Hablante|Participant|Unknown Speaker)[ _]?|Speaker ?: ?spk)\d{1,2}"
_NUMBERED_SPEAKER = re.compile(_SPEAKER_NUMBER)


def numbered_speaker(name: str) -> bool:
    """A machine transcript's speaker told apart by number ("Speaker 2", "Speaker : spk3")."""
    return bool(_NUMBERED_SPEAKER.fullmatch(name))
_NAME = rf"(?:{_SPEAKER_NUMBER}(?!\d)|{_WORD}(?:\s{{1,2}}{_WORD}){{0,7}}?)"   # wider gaps part columns, not words
# A web page's links to the speaker's previous and next speech: "THE CLERK « » :".
_NAV_ARROWS = r"(?:\s+[«»](?:\s*[«»])?(?=\s*[:：]))?"
# Who stands in for a chair: "The SPEAKER pro tempore.", "The PRESIDENT pro tem."
_PRO_TEMPORE = re.compile(r"(?<=\S)\s+pro\s+tem(?:pore|\.)?$")
# A role in brackets after the name belongs to the label: "AMEN (Associate Trial Counsel):".
_ROLE = r"(?:\s*\((?P<role>[^()]{1,160})\))?"
# Whom a parliamentary question is put to: "ANDREW LITTLE (Leader of the Opposition)
# to the Prime Minister:".
_ADDRESSEE = r"(?P<addressee>\s+to the (?:[A-Z][\w'’-]*|of|for|and|the)(?:\s(?:[A-Z][\w'’-]*|of|for|and|the)){0,8})?"
# The time of the item a parliament's site prints after a name alone: "Mr Sumah 11:18 a.m.".
_CLOCK_AFTER = r"(?:\s+[0-2]?\d[:.][0-5]\d\s?(?:[ap]\.\s?m\.|[AP]M|[ap]m))?"
# The full name an editor supplied after a short label: "GPS [George Shultz]:".
_SUPPLIED = r"(?:\s*\[(?P<supplied>[^\[\]]{2,60})\])?"
# Upper-case labels: initials may carry a full stop, words may not (the stop ends the label).
# One upper-case word of a name, two letters at least ("U" is a classification mark).
_CAPS_WORD = r"[A-ZА-ЯЁ][A-ZА-ЯЁ'’-]+"
_CAPS_NAME = r"(?:[^\W\d_]\.\s?){0,3}[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*){0,3}"


@dataclass
class LabelMatch:
    label: str        # as printed, separator included
    name: str         # the name the label gives, honorifics removed
    rest: str         # speech on the same line ("" for a label alone)
    rest_column: int  # 1-based column where the speech starts
    rule: str
    role: str = ""    # interview role
    alias: str = ""   # alias defined by "(hereafter X)"
    stage: str = ""   # "(clarifies)" right after the label
    unsure: bool = False  # "Carter?:": an attribution the transcriber doubted
    call: str = ""    # a footnote number glued to the label ("SECRETARY VANCE2")
    portrait: bool = False  # a web page's portrait of the speaker opens the label


class LabelReader:
    """Finds candidate speaker labels with one rule set."""

    def __init__(self, rules: Rules):
        self.rules = rules
        self.custom = rules.compiled_labels()
        # Set by the reader for a text whose every line is numbered (a paste, a court
        # transcript): the number then stands before each label.
        self.numbered_lines = False
        honor = "|".join(re.escape(h) for h in sorted(rules.honorifics, key=len, reverse=True))
        self._honorific = re.compile(rf"^(?:(?:{honor})(?=\s|$)\s*)+", re.I)  # "MR. BERG:" too
        # a short honorific without its full stop, alone, is a person's initials ("DR:" is Dean Rusk)
        self._initials_like = {h.casefold() for h in rules.honorifics if len(h) <= 3 and h[-1:].isalpha()}
        self._not_labels = {w.casefold() for w in rules.not_labels}
        # words of scripts that write no spaces: a label that starts with one is a field
        self._not_label_starts = tuple(w for w in self._not_labels if unspaced(w[:1]))
        self._not_name_words = {w.casefold() for w in rules.not_name_words}
        self._particles = {w.casefold() for w in rules.name_particles}
        self._titles = {w.casefold() for w in rules.titles}
        self._titles_plain = {w.rstrip(".") for w in self._titles}
        self._honorifics = {w.casefold() for w in rules.honorifics}
        interview = "|".join(re.escape(k) for k in sorted(rules.interview_labels, key=len, reverse=True))
        verbs = "|".join(rules.speech_verbs)
        offices = "|".join(re.escape(t.upper()) for t in sorted(rules.titles, key=len, reverse=True)
                           if not t.endswith("."))
        offices_as_written = "|".join(re.escape(t) for t in sorted(rules.titles, key=len, reverse=True)
                                      if not t.endswith(".") and t[:1].isupper())
        self.patterns = [
            # "○野村委員長　ただいまから…": Japanese assembly minutes mark each speaker, a
            # name and office in kanji or kana, with a circle (a double one for the
            # governor: "◎知事(野呂昭彦君)"); a space opens the speech,
            # or the speech begins on the next line
            # "○의장 김성철 의석을 …", "○議長 金斗衡 議席을 …": Korean council minutes give the
            # office, a space, the member's name of two to four syllables, a space, the speech
            # (not "○崔鳴煥議員 會議錄 …", a member named before the speech; nor "○書記 三十八次
            # …", a number: a name is in one script, without numerals)
            ("marked", re.compile(r"^(?P<label>[○◯〇◎](?![^ ]*(?:議員|의원) )[\uac00-\ud7a3\u3400-\u9fff]{1,12} "
                                  r"(?P<name>[\uac00-\ud7a3]{2,4}|(?:(?![一二三四五六七八九十百千])[\u3400-\u9fff]){2,4}))"
                                  r"(?: +(?P<rest>\S.*))?$")),
            ("marked", re.compile(r"^(?P<label>[○◯〇◎](?P<name>[\u3040-\u30ff\u3400-\u9fff（）()]{1,24}))(?:[ \u3000]+(?P<rest>\S.*))?$")),
            ("side", re.compile(r"^(?P<label>(?P<side>[\w .'’-]{1,40}?)\s+[Ss]ide\s*\((?P<name>[^()]{1,60})\)\s*[:.\-–—])\s*(?P<rest>.*)$")),
            # "Deng Xiaoping (to be abbreviated as Deng):", "Kim Gwang-hyeop [Kim Kwang Hyop]
            # (to be abbreviated as Kim):": the short form the record uses after
            ("alias", re.compile(rf"^(?P<label>(?P<name>{_NAME}){_SUPPLIED}\s*\((?:hereafter|hereinafter|henceforth|below|(?:to be |hereafter )?abbreviated as|referred to as)\s*:?\s*(?P<alias>[^()]{{1,30}})\)\s*(?::|\s[-–—]))\s*(?P<rest>.*)$", re.I)),
            # "Q. Robert E. Clark, International News Service: Mr. President, …": a press
            # conference's reporter, named with the paper
            ("asked", re.compile(rf"^(?P<label>Q\.\s(?P<name>{_NAME}),\s*(?P<affiliation>[A-Z][^:]{{1,60}}):)\s*(?P<rest>\S.*)$")),
            # "Q   Is that your announcement?": White House transcripts print a bare Q
            ("interview", re.compile(r"^(?P<label>(?P<name>Q))(?=\s+[A-Z\"“])\s+(?P<rest>.*)$")),
            # "QUESTION.- Monsieur le Président, …": French interviews close a label with ".-"
            ("interview", re.compile(rf"^(?P<label>(?P<name>{interview})\s*[:.][-–—]?)(?:\s+|$)(?P<rest>.*)$")),
            # "<질문> …" / "<답변> …": a question and its answer in angle brackets (Korean briefings)
            ("interview", re.compile(rf"^(?P<label>[<‹〈《](?P<name>{interview})[>›〉》])\s*(?P<rest>.*)$")),
            # "◎ 박정호 > 오마이TV에서는 …": a Korean broadcast transcript marks each speaker
            ("marked", re.compile(r"^(?P<label>◎ ?(?P<name>[\uac00-\ud7a3]{2,4}) ?>)\s*(?P<rest>.*)$")),
            # "【司会】" alone on its line, the speech below (not a heading: "【字幕について】")
            ("marked", re.compile(r"^(?P<label>【(?P<name>[^【】\s\u3040-\u309f]{1,8})】)\s*$")),
            # "(○:広田市長)それでは…", "(吉川:テレビ高知記者)": a Japanese city's or prefecture's
            # press conference brackets the speaker with a mark or a paper and a colon (not
            # "(知事)" nor "(一)", which a heading or a photo's credit may be as well)
            ("marked", re.compile(r"^(?P<label>[(（][○■●◆□△▲]\s?[:：](?P<name>[\u3400-\u9fff\u30a0-\u30ff]{1,12})[)）])"
                                  r"\s*(?P<rest>.*)$")),
            ("marked", re.compile(r"^(?P<label>[(（](?P<name>[\u3400-\u9fff\u30a0-\u30ff]{1,8})[:：][^()（）\s]{1,20}[)）])"
                                  r"\s*(?P<rest>.*)$")),
            # "【岸田外務大臣】今年の…": Japanese press conferences bracket the speaker
            ("marked", re.compile(r"^(?P<label>【(?P<name>[^【】\s]{1,30})】)\s*(?P<rest>\S.*)$")),
            ("unknown", re.compile(rf"^(?P<label>(?P<name>{rules.unknown_speaker})\s*:)\s*(?P<rest>.*)$", re.I)),
            # "Carter?:": the transcriber was unsure who spoke
            # "[A.] Poledňák:", "[ROBERT E.] STRIPLING:": initials or a first name the
            # editors supplied may stand before the name;
            # "戚本禹：": a full-width colon; "Agnieszka Waś-Turecka, INTERIA.PL:": the
            # speaker's paper or office after a comma; "LE PRESIDENT.- …": French ".-";
            # "THE CLERK « » :": a web page's arrows to the speaker's other speeches;
            # "– السيد رئيس مجلس النواب:-" alone on its line: a colon and a dash;
            # "«Naša Niva»:", "„VREME„:": a paper's name in quotation marks
            ("dash-colon", re.compile(rf"^(?P<label>(?:\[[^\W\d_]{{1,12}}\.?(?:\s[^\W\d_]{{1,12}}\.?){{0,2}}\]\s?)?(?P<name>{_NAME})(?P<unsure>\?)?{_SUPPLIED}{_ROLE}{_ADDRESSEE}(?:\s*\[\s*\])?(?:,\s*(?P<affiliation>[^\s,:\[\]][^,:\[\]]{{0,50}}?(?:,\s*[^\s,:\[\]][^,:\[\]]{{0,40}}?)?)|\s[-–—]\s(?P<outlet>[A-Z][\w.&'’ ]{{0,30}}?)(?=\s*[:：]))?{_NAV_ARROWS}(?:[»”“„\"](?=\s*[:：]))?(?:\s*[:：](?:-(?=\s*$))?|;(?=\s*$)|\.[-–—]|\.\s[-–—](?=[^\W\d_¿¡])|\s+[-–—]{{1,2}}(?=\s|$)|\s+\|))\s*(?P<rest>.*)$")),
            # "F- \"Yes.\"", "D- \"I don't know …\"": a stenographer's initials, a hyphen
            # and the words in quotation marks (or nothing, where the page ends)
            ("letter-dash", re.compile(r"^(?P<label>(?P<name>[A-Z]{1,3})-)(?:\s+(?P<rest>[\"“].*))?$")),
            # "[Kissinger:] Few words …": a label the editor supplied
            ("bracketed", re.compile(rf"^(?P<label>\[(?P<name>{_NAME})\s*:\])\s*(?P<rest>.*)$")),
            # "Cde. Bulganin—we should …", "RR—they shot …", "Cde. Molotov-reinforce …":
            # a dash glued to the speech (checked in match: honorific, capitals or supplied)
            ("glued-dash", re.compile(rf"^(?P<label>(?P<name>{_NAME}){_SUPPLIED}\s*(?:[—–]|-(?=[a-z]|I\b)))(?P<rest>[^\W\d_].*)$")),
            # "GPS [George Shultz] Even if …": initials and the supplied name, no separator
            ("supplied", re.compile(r"^(?P<label>(?P<name>[A-Z]{2,4})\s*\[(?P<supplied>[^\[\]]{2,60})\])\s+(?P<rest>[A-Z].*)$")),
            # "ГОРБАЧЕВ (кратко информирует …). Социалистический мир …": a stage
            # direction in brackets before the stop
            # "MR. DIMBLEBY. But …", "DAVID DIMBLEBY [British Broadcasting Corporation].
            # Mr. President, …": an honorific in capitals, the paper the editors supplied
            ("caps-stop", re.compile(rf"^(?P<label>(?P<name>(?:[A-Z]{{2,4}}\.\s)?{_CAPS_NAME})(?:\s\((?P<direction>[^()]{{2,120}})\))?"
                                     rf"(?:\s\[(?P<affiliation>[^\[\]]{{2,60}})\])?\.)\s+(?P<rest>\S.*)$")),
            # "THOMAS HACK sworn. - I am servant to …": a witness's evidence, as the
            # printed proceedings of a court give it
            ("sworn", re.compile(rf"^(?P<label>(?P<name>{_CAPS_NAME})\s+sworn\.\s*[-–—])\s*(?P<rest>\S.*)$")),
            ("caps-verb", re.compile(rf"^(?P<label>(?P<name>{_CAPS_NAME}))\s+(?P<rest>(?:{verbs})\b.*)$")),
            # "PRESIDENT CLINTON Hello Boris": an office and a name in capitals with no
            # separator, the speech in mixed case (OCR'd memoranda of telephone calls)
            ("caps-office", re.compile(rf"^(?P<label>(?P<name>(?:THE\s+)?(?:{offices})(?:\s+{_CAPS_WORD}){{1,3}}|THE\s+(?:{offices})))"
                                       rf"\s+(?P<rest>(?:[A-ZА-ЯЁ][a-zа-яё'’]|I\b).*)$")),
            # "Mrs. Oswald. I am sure, sir.": an honorific and a name before the stop
            ("stop", re.compile(rf"^(?P<label>(?P<name>(?:{honor})\s+{_NAME})\.)\s+(?P<rest>\S.*)$")),
            # "W. Ulbricht. Permit us …": initials and a surname before the stop
            ("stop", re.compile(r"^(?P<label>(?P<name>(?:[^\W\d_]\.\s?){1,3}[^\W\d_][\w'’-]+)\.)\s+(?P<rest>\S.*)$")),
            # "The PRESIDING OFFICER (Mr. Bennet). The Senator …": who holds the chair, in brackets
            ("stop", re.compile(rf"^(?P<label>(?P<name>{_NAME}){_ROLE}\.)\s+(?P<rest>\S.*)$")),
            # "Горбачев . Меры …": a surname, a space, the full stop (typed minutes)
            ("stop", re.compile(r"^(?P<label>(?P<name>[^\W\d_][\w'’-]+) \.)\s+(?P<rest>\S.*)$")),
            # "Zhou Enlai thanks …" beside "Stalin. …": reported speech (see structure.py)
            ("name-verb", re.compile(rf"^(?P<label>(?P<name>{_NAME}))\s+(?P<rest>(?:{verbs})\b.*)$")),
            # "Mr Sumah 11:18 a.m.": a parliament's site prints the item's time after the name
            ("alone", re.compile(rf"^(?P<label>(?:[-–•·*]\s+)?(?P<name>{_NAME}){_ROLE}\s*[:.]?{_CLOCK_AFTER})\s*$")),
            # "SECRETARY VANCE2": a label in capitals with a footnote number glued to it, as
            # a web page prints a superscript that lost its formatting
            ("alone", re.compile(rf"^(?P<label>(?P<name>{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}})(?P<call>[1-9]\d?))\s*$")),
            # "The President I think …", "Chancellor Kohl We have …": an office in mixed
            # case with no separator, where OCR lost the punctuation too; last, and read
            # only inside flattened lines whose labels repeat (structure.py)
            ("office-plain", re.compile(rf"^(?P<label>(?P<name>The\s+(?:{offices_as_written})(?:\s+(?:{offices_as_written}))*"
                                        rf"|(?:{offices_as_written})(?:\s+(?:{offices_as_written}))*\s+[A-Z][a-z'’-]+))"
                                        rf"\s+(?P<rest>(?:[A-Z][a-z'’]|I\b|[\"“]).*)$")),
        ]

    def match(self, line: str, unpunctuated: bool = False) -> LabelMatch | None:
        """The candidate label at the start of line, if any; a caption's ">>" or a
        paragraph number glued to the label ("3Bush: …") belongs to the label.
        unpunctuated: the line was cut from a flattened line that lost its punctuation,
        where an office in mixed case may open a label with no separator."""
        stripped = line.lstrip()
        leads = [_NUMBERED.match(stripped) if self.numbered_lines else None, _LEAD.match(stripped)]
        for lead in leads:
            if lead and lead.end() < len(stripped):
                found = self._match(line[:len(line) - len(stripped)] + " " * lead.end()
                                    + stripped[lead.end():], unpunctuated)
                if found and found.rule not in ("alone", "alone-plain"):
                    found.label = stripped[:lead.end()] + found.label
                    return found
        if (portrait := _PORTRAIT.match(stripped)) and self._is_name(portrait.group("alt").strip(), "alone-plain"):
            # "Photo of Anthony AlbaneseAnthony Albanese (Grayndler, …) Share this | | Hansard
            # source", "Photo of Robin Newton Robin Newton Speaker 11:45, 4 October 2016": a
            # parliament's web page shows the member's portrait above the speech, then the
            # name, the seat or office, the time, links; the line is the member's label
            return LabelMatch(label=stripped.rstrip(), name=portrait.group("alt").strip(), rest="",
                              rest_column=len(line.rstrip()) + 1, rule="alone-plain", portrait=True)
        found = self._match(line, unpunctuated)
        if found is None and (respelled := _respelled(stripped)):
            # "Б о р о в о й. …", "Mr.Ruby. …": read as set normally, kept as printed
            text, lost = respelled
            found = self._match(text, unpunctuated)
            if found:
                indent = len(line) - len(stripped)
                found.label = stripped[:len(found.label) + lost]
                found.rest_column += lost + indent
        return found

    def _match(self, line: str, unpunctuated: bool = False) -> LabelMatch | None:
        stripped = line.lstrip()
        indent = len(line) - len(stripped)
        stripped = stripped.rstrip()
        for pattern in self.custom:
            m = pattern.match(stripped)
            if m:
                name = m.groupdict().get("name") or m.group("label")
                return self._finish(m, "edition", self.strip_honorifics(name).strip(" :.-–—"), indent)
        dash_colon = dict(self.patterns)["dash-colon"]
        for rule, pattern in self.patterns:
            if rule == "office-plain" and not unpunctuated:
                continue  # only where a flattened line without punctuation is read
            m = pattern.match(stripped)
            if not m:
                continue
            name = re.sub(r"\[([^\[\]]+)\]", r"\1", m.group("name")).strip()  # "[Zenon] Nowak"
            if m.groupdict().get("addressee") and not m.group("role") and self.is_office(name):
                name += m.group("addressee")  # "Clerk to the Assembly:" is an office, no question to it
            affiliation = m.groupdict().get("affiliation") or ""
            if len(affiliation) > 31 and re.search(r"\d|[^\W\d_]{2}\.\s", affiliation):
                # a long office after the name is words ("ректор Российской экономической
                # школы"), not an address ("California 93101 … For Defendant:") or the
                # sentences of a flattened line ("33. Sitzung. Vorsitzender Hans Krüger:")
                continue
            if "," in affiliation and (
                    not (name.isupper() or (self.strip_honorifics(name) != name and name.split()[-1].isupper()))
                    or re.search(r"\d", affiliation)):
                # "NASSER BRAHIM, Senior Planner, Kleinfelder:": a name in capitals only, or
                # an honorific and a surname in capitals ("M. Bernard GAUDILLÈRE, adjoint,
                # président. -", as the Conseil de Paris prints its chair)
                continue
            if re.fullmatch(r"[A-Z][a-z'’-]+", affiliation) and not (
                    m.groupdict().get("role") and name.isupper()):   # "SEN. X (D), Minnesota:"
                continue  # "Smith, Jones:" names two persons, not a person and a paper
            rest = (m.groupdict().get("rest") or "").strip()
            if m.group("label").endswith(("-", "–", "—")) and re.fullmatch(r"\d{1,4}\.?", rest):
                continue  # "Budget Speech Mr Benn - 2012": a heading and its year, no speech
            if name.casefold() in _TIME_FIELDS and re.match(r"[\d(]", m.groupdict().get("rest") or "0"):
                continue  # "Begin: 0915 Hours" is a time; "Begin: Good morning" is Mr. Begin
            if rule == "interview" and m.group("label").endswith(".") and len(name) <= 4 and (
                    name not in ("Q", "A") or ((named := dash_colon.match(stripped))
                                               and all(w[:1].isupper() for w in named.group("name").split()))):
                continue  # "R. Sargent Shriver", "A. Nowicka –": an initial, not "A."
            if rule == "interview" and (caps := _INITIAL_AND_CAPITALS.match(stripped)) and \
                    caps.group("surname").isupper() and not caps.group("next").isupper() and \
                    caps.group("surname").casefold() not in _ACKNOWLEDGEMENTS:  # "A. YES. That …"
                continue  # "A. AŽUBALIS (TS-LKDF). Apie …": an initial and a surname in capitals
            if rule == "asked" and not self._is_name(name, "dash-colon"):
                continue
            if rule in ("interview", "unknown", "side", "marked", "sworn", "asked"):
                found = self._finish(m, rule, name, indent)
                if rule == "interview":
                    found.role = self.rules.interview_labels[name]
                return found
            if rule in ("bracketed", "letter-dash"):
                rule = "dash-colon"
            if (rule == "glued-dash" and re.search(r"\b[A-Z][a-z]{1,5}-$", m.group("label"))
                    and re.match(r"[a-z]{2,6}(?=\s*$|[,;(]|\s+[A-Z(,])", m.group("rest"))):
                continue  # "Hon CHEUNG Hon-chung", "Hon CHENG Kai-nam (Deputy Chairman)": a given name's hyphen
            if rule == "caps-stop" and f"{name}.".casefold() in self._honorifics:
                continue  # "MR. BOYD considered …": the honorific's own full stop
            if rule in ("glued-dash", "supplied"):
                capitals = re.fullmatch(r"[A-Z]{2,4}", name)
                led = self.strip_honorifics(name) != name
                if rule == "supplied" and not (capitals or led or m.groupdict().get("supplied")):
                    continue
                # the same label form, its separator glued to the speech; a plain name
                # ("Don Regan—Economic …") only where the record labels so (structure.py)
                if not (capitals or led or m.groupdict().get("supplied")):
                    if not re.search(r"[—–]$", m.group("label")):
                        continue  # a hyphen glued to a word is a word's ("Heon-yeong")
                    rule = "glued-plain"
                else:
                    rule = "dash-colon"
            if (m.groupdict().get("role") or m.groupdict().get("direction") or "").strip().casefold() in OATHS:
                continue  # "ANDREW FRANK WINN (affirmed).": a witness takes the oath; no speech
            if rule == "alone" and re.fullmatch(r"\[[^\[\]]*\]", m.group("name").strip()):
                continue  # "[Part II]" alone on its line: an editor's note, no speaker
            if rule == "alone":
                name = name.rstrip(".:")
                if any(c.islower() for c in name) or not any(c.isupper() for c in name):
                    # mixed case alone on its line: "Mrs. Oswald.", "President Johnson"; or a
                    # script without capitals: "主席"
                    rule = "alone-plain"
            if rule == "stop" and len(self.strip_honorifics(name)) == 1 and (
                    self.strip_honorifics(name) != name or _NAME_ONLY.fullmatch(m.group("rest"))
                    or re.fullmatch(r"[A-ZÀ-ÞА-ЯЁ][\w'’-]+", m.group("rest"))):
                # "Mr. S. Silverman", "R. Sargent Shriver", "В. Дымарский" alone on its
                # line: an initial before a name, no label "Mr. S." or "R."
                continue
            bare = self.strip_honorifics(name)
            if not bare or not self._is_name(bare, rule, led=bare != name):
                continue
            name = bare
            found = self._finish(m, rule, name, indent)
            if rule == "alias":
                found.alias = m.group("alias").strip()
            supplied = m.groupdict().get("supplied")
            role = (m.groupdict().get("role") or "").strip()
            if supplied and m.end("name") + 1 == m.start("supplied") and name[-1:].isalpha():
                # "Y[ang Shangkun]": the editors completed the name the record abbreviates
                found.name = name + supplied
            elif supplied and not self.is_office(supplied) and self._is_name(self.strip_honorifics(supplied), rule):
                # ("STRIPLING [CHIEF INVESTIGATOR]:": an office supplied is the speaker's role)
                # "GPS [George Shultz]": the supplied name is the person, GPS an alias of theirs.
                found.name, found.alias = self.strip_honorifics(supplied), name
            elif role and (person := self._person_in_role(role)):
                # "The Lord Privy Seal (Mr. Edward Heath)", "THE MARSHAL (Colonel Charles W.
                # Mays)", "The Attorney-General (Lord Williams of Mostyn)": the person in
                # brackets holds the office the label names.
                found.name, found.alias = person, name
            elif role and self.is_office(role) and not self.is_office(name):
                # "Rosset (Presidente) -": the person holds the office that labels
                # their later turns ("Presidente -")
                found.alias = role
            return found
        return None

    def _person_in_role(self, role: str) -> str:
        """The person a label's brackets name, led by an honorific or a title ("Mr.
        Edward Heath", "Lord Williams of Mostyn"), without it; "" for anything else."""
        person = self.strip_honorifics(role)
        if person == role and len(role.split()) > 1 and \
                role.split()[0].rstrip(".").casefold() in self._titles_plain:
            person = role.split(None, 1)[1]
        if self.is_office(person):
            return ""  # "Secretario General", "Vice President": an office of two words, no person
        return person if person != role and self._is_name(person, "dash-colon") else ""

    def _finish(self, m: re.Match, rule: str, name: str, indent: int) -> LabelMatch:
        rest = m.groupdict().get("rest") or ""
        column = indent + (m.start("rest") if "rest" in m.groupdict() else m.end()) + 1
        stage = ""
        sm = re.match(r"\((?P<stage>[^()]{1,60})\)\s*", rest)
        if sm and not is_spoken_event(sm.group(0)) and (
                sm.group("stage")[:1].islower() or len(sm.group("stage").split()) <= 3):
            stage = sm.group(0).strip()
            rest, column = rest[sm.end():], column + sm.end()
        label = m.group("label").strip()
        call = m.groupdict().get("call") or ""
        return LabelMatch(label=label[:len(label) - len(call)], name=name, rest=rest,
                          rest_column=column, rule=rule, stage=stage,
                          unsure=bool(m.groupdict().get("unsure")),
                          call=call)

    def strip_honorifics(self, name: str) -> str:
        name = name.strip()
        if name.endswith(_AFTER_WORDS):
            name = _HONORIFIC_AFTER.sub("", name)   # "KÁDÁR JÁNOS elvtárs"
        if name.casefold() in self._initials_like:
            return name
        return self._honorific.sub("", name).strip()

    def _is_name(self, name: str, rule: str, led: bool = False) -> bool:
        """Does this look like a person's name (or an office), in the form the rule expects?
        led: an honorific stood before the name, which makes a field's word an office
        ("Mr. Speaker:", "Madam Chair:", where "Speaker:" alone heads a field)."""
        name = _PRO_TEMPORE.sub("", name)   # "The SPEAKER pro tempore": the Speaker's office
        words = name.split()
        if not words or len(words) > 8 or len(name) > 80:
            return False
        if _NUMBERED_SPEAKER.fullmatch(name):
            return True  # "Speaker 1 (00:00):": a machine transcript's speakers
        if (words[0].rstrip(".:").casefold() in self._not_labels and not led) or name.startswith(self._not_label_starts):
            return False
        if len(words) > 1 and words[0].casefold() == "by":
            return False  # a court reporter's "BY MR. SNEDDON:" says who examines ("BY:" may be initials)
        if len(words) > 1 and words[-1].casefold() in ("side", "sides"):
            return False  # "Chinese Side: Ambassador Wang" lists a side; a side is no person
        if len(words) > 1 and words[-1].casefold() in ("present", "absent", "attending"):
            return False  # "MEMBERS PRESENT:", "Also attending:": a list of persons follows
        if rule in ("stop", "caps-stop", "alone", "alone-plain") and len(words) == 1 and \
                words[0].rstrip(".").casefold() in _ACKNOWLEDGEMENTS:
            return False  # "Roger. Area 3 Delta is …" opens a speech; it labels none
        letters = [c for c in name if c.isalpha()]
        if not letters or any(c.isdigit() for c in name):
            return False  # "CIA-RDP80B01676R…" is a document number
        # "The Secretary of State", "The Director of the Central Intelligence Agency":
        # an office may join its words with lower-case ones.
        office = self.is_office(name)
        if any(re.sub(r"['’]s$", "", w.casefold().strip(".,")) in self._not_name_words
               # the body an office serves: "Clerk to the Committee"
               and not (office and index >= 2 and words[index - 1].casefold() in _OFFICE_JOINERS)
               for index, w in enumerate(words)):
            return False  # "The White House", "Stenographic Transcript", "Zawadzki's Notes"
        if rule not in CAPS_RULES and re.fullmatch(r"(?:le|la|l['’]) ?[^\W\d_]+(?: [^\W\d_]+){0,3}", name):
            return True  # "M. le président.", "Mme la ministre.": an office, French style
        if rule not in CAPS_RULES and len(words) == 1 and name.islower() and name in self._titles:
            return True  # "El señor presidente:": an office in lower case after the honorific
        for index, word in enumerate(words):
            if word.casefold() in self._particles or (office and word in _OFFICE_JOINERS):
                continue
            if index and word.islower() and word in self._titles:
                continue  # "La Presidenta diputada Ruth Zavaleta:": an office in lower case
            if index and word in _ORDINALS and words[index - 1].casefold() in self._titles:
                continue  # "El Sr. Vicepresidente segundo:": which of the office's holders
            if word == "of" and 0 < index < len(words) - 1 and words[index + 1][0].isupper():
                continue  # a peer's territorial designation: "Williams of Mostyn"
            if word[0].isalpha() and not word[0].isupper() and not word[0].islower():
                # a script without capitals: a name is short, in Chinese, Japanese and
                # Korean shorter still, for a word there may run on without a space
                if len(word) > (6 if unspaced(word[0]) else 12):
                    return False
                continue
            if not word[0].isupper():
                return False
        if len(words) > 6 and not office:
            return False
        if rule in CAPS_RULES:
            # Only upper-case names: "MIKOYAN." or "MIKOYAN said"; two letters at least.
            if not all(c.isupper() for c in letters) or len(letters) < 2:
                return False
            if all(len(w.strip(".")) == 1 for w in words):
                return False
            # "N.S. KHRUSHCHEV says" is not the label "N.S." followed by a speech.
            if rule == "caps-stop" and _INITIALS.fullmatch(words[-1]):
                return False
        if rule in ("stop", "alone-plain") and not self.strip_honorifics(name + "."):
            return False  # "The Right Hon. …" is an honorific, not a name
        if rule in ("stop", "alone-plain"):
            # Mixed case with a full stop or nothing: short names only, never initials or
            # an honorific alone ("Mr. Khrushchev said" is not the label "Mr.").
            # "D Mr. Ingersoll", "AF Mr. Mulcahy": the stop is an honorific's, before a name.
            if f"{words[-1].rstrip('.')}.".casefold() in self._honorifics and len(words) > 1:
                return False
            if len(words) > 4 or any(c.isdigit() for c in name) or (
                    _INITIALS.fullmatch(words[-1]) and not (len(name) == 1 and name.isupper())):
                return False
            # One capital alone ("K. Anatoly.", "D. Henry, …") is left to structure.py,
            # which wants it often; two letters are an honorific or an initial ("Mr", "Dr").
            if len(words) == 1 and ((len(name) == 2 and not unspaced(name[0])) or (len(name) == 1 and not name.isupper())
                                    or f"{name}.".casefold() in self._honorifics
                                    or name.casefold() in self._titles_plain):
                return False
        # A full stop inside the name ends a sentence ("The Oval Office. Present:"),
        # unless it ends an initial (or initials run together: "M.L.D."), an honorific or an office.
        for word in words[:-1]:
            if (word.endswith(".") and len(word) > 4 and word.casefold() not in self._honorifics
                    and word.casefold() not in self._titles and not re.fullmatch(r"(?:[^\W\d_]\.){3,4}", word)):
                return False
        return True

    def is_office(self, name: str) -> bool:
        """Is the name an office rather than a person ("The President", "Secretary of State")?"""
        words = [w.casefold().rstrip(".") for w in name.split()]
        if words and words[0] in _ARTICLES:
            words = words[1:]
        return bool(words) and words[0] in self._titles_plain and all(
            w in self._titles_plain or w in _OFFICE_JOINERS or w[:1].isalpha() for w in words)


# Two or three capitalised words and nothing else: a name, no speech.
_NAME_ONLY = re.compile(r"[A-ZÀ-ÞА-ЯЁ][\w'’-]*(?:\s[A-ZÀ-ÞА-ЯЁ][\w'’-]*){1,2}")
# An initial, a surname (in capitals, checked in match), a party in brackets, the stop,
# the speech: "A. AŽUBALIS (TS-LKDF). Apie …".
_INITIAL_AND_CAPITALS = re.compile(r"[A-Z]\.\s?(?P<surname>[^\W\d_][\w'’-]{2,})(?:\s\([^()]{1,40}\))?\.\s+(?P<next>\S+)")
# An honorific after the name, as Hungarian sets it: "KÁDÁR JÁNOS elvtárs:", "Kovács úr:".
_AFTER_WORDS = ("elvtárs", "elvtársnő", "elvtársak", "úr", "asszony")
_HONORIFIC_AFTER = re.compile(rf"(?<=\w)\s+(?:{'|'.join(_AFTER_WORDS)})$")
# An office's article: "The President", "La Secretaria diputada …", "El Presidente".
_ARTICLES = {"the", "el", "la", "le", "il", "lo"}
# Label forms whose names are upper case.
CAPS_RULES = ("caps-stop", "caps-verb", "caps-office", "alone")
_OFFICE_JOINERS = {"of", "the", "for", "on", "and", "to", "in"}
# Which holder of an office a label names, after it in lower case ("Vicepresidente segundo").
_ORDINALS = {"primero", "primera", "primer", "segundo", "segunda", "tercero", "tercera",
             "primeiro", "primeira", "primo", "prima", "secondo", "seconda", "premier", "première",
             "deuxième", "second", "first", "third"}
# Marks before a label that belong to it: a caption's ">>", a paragraph number glued
# to it ("3Bush:"), a table row's time cell ("04 06 45 52 | CDR (TRANQ) | Houston, …"),
# the quotation mark of a paragraph printed in quotation marks, a rule of underscores.
_LEAD = re.compile(r">>\s*|\d{1,3}(?=[^\W\d_][^\W\d_])|\d[\d :.]{0,15}\|\s*(?=[^\W\d_])"
                   r"|[-–•]\s+(?=[^\W\d_])"  # "- LE PRESIDENT.- …": a dash before the label
                   r"|['‘\"“«](?=[^\W\d_])"  # "'El señor presidente: …'": each paragraph quoted
                   r"|[_=]{3,}\s*(?=[^\W\d_])"  # "______CHAIRPERSON: …": a rule glued to the first label
                   r"|\d{1,2}\.\s(?=[A-Z]{2,}[^:]{0,80}\sto the )"  # "1. ANDREW LITTLE (…) to the Prime Minister :"
                   r"|·(?=[A-Z])"  # "·The President: …": an OCR speck before the label
                   r"|\d{1,3}\s(?=[A-Z][A-Z.' -]{1,40}:\s)")  # "4 MR. CHILK: …": a line's number
# A portrait's text before the name it shows, on a parliament's web page: "Photo of
# Anthony AlbaneseAnthony Albanese (…)", "Photo of Robin Newton Robin Newton Speaker".
_PORTRAIT = re.compile(r"(?:Photo|Portrait|Image|Picture) of (?P<alt>[^\W\d_][^()|\d]{2,60}?)\s?(?=(?P=alt)(?![\w'’-]))")
_NUMBERED = re.compile(r"\d{1,4}\.?\s+(?:[-–•]\s+)?")
_INITIALS = re.compile(r"(?:[^\W\d_]\.){1,3}[^\W\d_]?\.?|[^\W\d_]")


