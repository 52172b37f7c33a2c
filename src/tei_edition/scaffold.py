"""`tei-edition new NAME`: a new edition folder that works at once.

NAME/edition.toml is a commented, working example of every register entry,
anchored to the example transcript in NAME/transcripts/, so that a new editor
can convert, validate and render before changing anything, and learn the
register by editing a working example.
"""

from __future__ import annotations

import re
from pathlib import Path

import click

from .errors import EditionError
from .files import write_atomic

EXAMPLE_ID = "example-1961-03-03"

EXAMPLE_TRANSCRIPT = """\
Record of a Conversation with the Ambassador

3 March 1961

Participants: Ambassador Jan Novak; Minister Eva Horak.

Ambassador Novak: I have come from Pragve with a message for the Minister.

Minister Horak: Please go ahead. The talks in Vienna interest us.

Ambassador Novak: My government hopes that the talks in Vienna can be held in June.

Minister Horak: We agree in principle [inserted: today]. A date must still be fixed.

Recorded by J. Novak
"""

EDITION_TOML = """\
# edition.toml: the editor's register for the edition "{title}".
#
# Everything here is applied every time the transcripts are converted, so
# your work survives every rebuild:
#
#     tei-edition convert {name}/transcripts/*.txt     (TEI in {name}/build/tei/)
#     tei-edition validate {name}/build/tei
#     tei-edition render {name}/build/tei --edition {name} -o {name}/build
#
# The entries below are a working example for transcripts/{example}.txt.
# Change them, or delete them and write your own. Larger registers may be
# split into register/*.toml files beside this one (same tables, any names).
# A mistake stops the conversion with the file and line of the entry.

[edition]
title = "{title}"
short_title = "{title}"
editors = ["Your Name"]
publisher = "Your institution"
licence = "CC BY 4.0"
licence_url = "https://creativecommons.org/licenses/by/4.0/"
# base_url = "https://example.org/{name}/"   # where the HTML edition will live
# published = "2026-01-15"                    # the edition's date of publication (citation_publication_date)
# errata = "mailto:errata@example.org"        # or an issue form's URL: "Report an error" on every page
language = "en"

# -- persons ----------------------------------------------------------------
# id: letters, digits, '-', '_', '.' (the xml:id every mention points to).
# aliases: the forms the transcripts print (speaker labels, mentions).
# spellings: other spellings and transliterations (also recognised).
# birth, death: 1912, 1912-04 or 1912-04-15.  side: the participants' group.
# wikidata / viaf / gnd: authority identifiers; give only ones you have checked.

[[persons]]
id = "novak"
name = "Jan Novak"
surname = "Novak"       # indexes sort by it ("Novak, Jan"); or `sort = "…"`, a key of your own
forename = "Jan"
aliases = ["Ambassador Novak", "J. Novak"]
spellings = ["Jan Nowak"]
role = "Ambassador"
side = "Visitors"
birth = 1910
biography = "An invented ambassador: replace him with a real person."

[[persons]]
id = "horak"
name = "Eva Horak"
aliases = ["Minister Horak"]
side = "Hosts"
# Roles held between dates; `org` names an [[orgs]] entry below.
[[persons.roles]]
role = "Minister of Foreign Affairs"
org = "foreign-ministry"
from = "1958"
to = "1963"

# -- places and organisations: every mention in the text is tagged -----------

[[places]]
id = "vienna"
name = "Vienna"
aliases = ["Wien"]
note = "Capital of Austria."

[[orgs]]
id = "foreign-ministry"
name = "Ministry of Foreign Affairs"

# -- corrections: the slip is kept as printed (sic) beside the correction ----
# document: a transcript's file name without .txt (leave it out: every
# document). occurrence: which one, if the words occur more than once.

[[corrections]]
document = "{example}"
sic = "Pragve"
corr = "Prague"

# -- explanatory notes, placed after the quoted words `at` -------------------
# If the words occur more than once, say which: occurrence = 2. If they no
# longer occur (the transcript changed), the conversion stops and says so.

[[notes]]
document = "{example}"
at = "talks in Vienna"
occurrence = 2
text = "The talks were held in Vienna in June 1961."

# -- subjects: keywords of the collection's subjects index -------------------
# documents: the documents a subject applies to (leave it out: every document).

[[subjects]]
term = "Diplomatic correspondence"
"""

GITIGNORE = "# Everything under build/ is made from transcripts/ and the register.\nbuild/\n"


def scaffold(folder: Path, title: str | None = None) -> list[Path]:
    """Create an edition folder; refuses to touch one that already has files."""
    folder = Path(folder)
    name = folder.name
    if not re.fullmatch(r"[\w][\w.-]*", name):
        raise EditionError("an edition name is made of letters, digits, '-', '_' or '.'",
                           str(folder))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise EditionError("already exists and is not empty; choose a new name", str(folder))
    title = title or name.replace("-", " ").replace("_", " ").strip().capitalize()
    if '"' in title or "\\" in title or "\n" in title:
        raise EditionError("a title for `new` cannot contain quotes, backslashes or line breaks")
    files = {
        folder / "edition.toml": EDITION_TOML.format(title=title, name=folder.as_posix(),
                                                     example=EXAMPLE_ID),
        folder / "transcripts" / f"{EXAMPLE_ID}.txt": EXAMPLE_TRANSCRIPT,
        folder / ".gitignore": GITIGNORE,
    }
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))  # the machine's refusal: an EditionError
    return list(files)


@click.command("new")
@click.argument("name", type=click.Path(file_okay=False))
@click.option("--title", default=None, help="The edition's title [default: from NAME].")
def new_command(name: str, title: str | None) -> None:
    """Create the edition folder NAME with a commented edition.toml and an example transcript."""
    written = scaffold(Path(name), title)
    for path in written:
        click.echo(f"created  {path}")
    click.echo(f"next     tei-edition build {Path(name).as_posix()}")
