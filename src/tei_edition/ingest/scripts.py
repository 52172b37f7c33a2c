"""Writing systems: which language a run of text in another script is written in.

A transcript translated into English may quote the original ("Долгих. А если
полезут …"); a page may hold the whole record in Russian or Chinese. The script
of the letters says which language to declare (`xml:lang`), so that readers'
browsers choose fonts, hyphenation and speech correctly. Latin script says
nothing about the language, and is never marked.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The language a script is declared as, where one language is by far the likeliest.
SCRIPT_LANGUAGE = {
    "CYRILLIC": "ru", "GREEK": "el", "ARABIC": "ar", "HEBREW": "he", "ARMENIAN": "hy",
    "GEORGIAN": "ka", "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko",
    "DEVANAGARI": "hi", "THAI": "th", "SYRIAC": "syr", "MONGOLIAN": "mn",
}
# Letters that only one Cyrillic language uses.
_CYRILLIC_LANGUAGES = [("uk", "іїєґ"), ("be", "ў"), ("sr", "ђћџљњ"), ("mk", "ѓќѕ")]


@lru_cache(maxsize=4096)
def script_of(char: str) -> str:
    """The script of a letter by its Unicode name ("CYRILLIC", "LATIN", "CJK" …)."""
    name = unicodedata.name(char, "")
    return name.split()[0] if name else ""


def language_of(text: str) -> str:
    """The language to declare for text wholly in one non-Latin script, else ""."""
    if text.isascii():  # Latin letters only, or none: most text, read at once
        return ""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return ""
    scripts = {script_of(c) for c in letters}
    if len(scripts) != 1:
        # Japanese mixes kana with Chinese characters.
        if scripts <= {"CJK", "HIRAGANA", "KATAKANA"}:
            return "ja"
        return ""
    script = scripts.pop()
    language = SCRIPT_LANGUAGE.get(script, "")
    if script == "CYRILLIC":
        lowered = text.casefold()
        language = next((lang for lang, marks in _CYRILLIC_LANGUAGES
                         if any(c in lowered for c in marks)), language)
    return language


def dominant_language(text: str, share: float = 0.6) -> str:
    """The declared language of the script that most of text's letters are in, when
    that script is not Latin and holds at least `share` of them; else ""."""
    if text.isascii():
        return ""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return ""
    counts: dict[str, int] = {}
    for c in letters:
        script = script_of(c)
        script = "CJK" if script in ("HIRAGANA", "KATAKANA") else script
        counts[script] = counts.get(script, 0) + 1
    script, count = max(counts.items(), key=lambda item: item[1])
    if script == "LATIN" or count < share * len(letters):
        return ""
    return language_of("".join(c for c in text if script_of(c) in (script, "HIRAGANA", "KATAKANA")
                               or not c.isalpha()))


def foreign_runs(text: str, base: str) -> list[tuple[int, int, str]]:
    """(start, end, language) of each run of two words or more (or of four characters
    of Chinese or Japanese) written in one script other than the base language's; the
    words of a run are separated by spaces and punctuation only."""
    runs: list[tuple[int, int, str]] = []
    if text.isascii():
        return runs
    current: list[re.Match] = []

    def close() -> None:
        if not current:
            return
        start, end = current[0].start(), current[-1].end()
        language = language_of(text[start:end])
        if language and language != base and (
                len(current) >= 2 or (language in ("zh", "ja") and end - start >= 4)):
            runs.append((start, end, language))
        current.clear()

    for word in _WORD.finditer(text):
        script = _word_script(word.group(0))
        if script in ("", "LATIN"):
            close()
            continue
        if current and (_word_script(current[-1].group(0)) != script
                        or not _JOINER.fullmatch(text[current[-1].end():word.start()])):
            close()
        current.append(word)
    close()
    return runs


_WORD = re.compile(r"[^\W\d_]+")
_JOINER = re.compile(r"[\s,;:'’‐«»„“”\"-]*")


def _word_script(word: str) -> str:
    """The script of a word, one script counting Chinese and Japanese together."""
    if word.isascii():
        return "LATIN"
    scripts = {"CJK" if script_of(c) in ("HIRAGANA", "KATAKANA") else script_of(c) for c in word}
    return scripts.pop() if len(scripts) == 1 else ""
