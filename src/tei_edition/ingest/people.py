"""Who is who: resolving printed names to person ids.

Sources, in order of trust: the edition's persons register (canonical names
and aliases), the participants read from the transcript, then a new id made
from the name itself. A part of a name resolves when exactly one known person
has it ("Mao" for "Mao Zedong", "Chou" for "Chou En-lai"), and so do initials
written in capitals ("SI" for "Shaun Illingworth", "NC" for "N. Ceausescu").
"""

from __future__ import annotations

import re

from ..ids import name_key, slugify
from ..register import Person


_JOINERS = {"of", "the", "for", "on", "and", "to"}


# The nouns that make an office ("Prime Minister", "Secretary of State"): two in one
# name mean two persons run together.
_HEAD_OFFICES = {"president", "minister", "secretary", "chancellor", "ambassador", "premier",
                 "chairman", "king", "queen", "governor", "senator"}


# Offices of a chair, which end an office ("Deputy Speaker" is one, not Deputy Speaker
# by name) though they lead no name in a label ("Speaker:" heads a field).
_CHAIRS = {"speaker", "chair", "chairperson", "chairwoman"}


# The words of an office held in second place, beside the office itself.
_SECOND_PLACE = {"deputy", "vice", "acting", "assistant", "under", "associate"}


def _letters(key: str) -> str:
    """A name's letters without the spaces, stops and hyphens OCR may put between them."""
    return re.sub(r"[\s.\-']+", "", key)


# A label of two to four capital initials: "RR", "J.E.", "J. E.", "С.К.".
_CAPITAL = "[A-ZÀ-ÖØ-ÞА-ЯЁІЇЄҐЎΑ-Ω]"
INITIALS = re.compile(rf"{_CAPITAL}(?:\.?\s?{_CAPITAL}){{1,3}}\.?")


def _office_key(text: str) -> str:
    """An office as looked up: "The Chairperson:" -> "chairperson"."""
    return " ".join(w for w in re.sub(r"[^\w\s'’-]", " ", text.casefold()).split() if w != "the")


class PeopleIndex:
    """Maps names to ids for one document, remembering whom it created."""

    def __init__(self, register: list[Person], strip_honorifics, titles=()):
        self.register = {p.id: p for p in register}
        self._strip = strip_honorifics
        self._titles = {t.casefold() for t in titles}
        self.by_name: dict[str, str] = {}
        self.by_surname: dict[str, set[str]] = {}   # every word of a name, not only the last
        self.by_initials: dict[str, set[str]] = {}
        self.by_office: dict[str, set[str]] = {}    # "secretary of state" -> the holder
        self.by_letters: dict[str, str] = {}        # the name's letters alone: OCR's "GO D WIN"
        self.created: dict[str, str] = {}  # id -> printed name, for persons not in the register
        for person in register:
            for name in person.names():
                self._learn(name, person.id)

    def split_office(self, name: str) -> tuple[str, str]:
        """(office, person) of a printed name: "Secretary of State Harlan" ->
        ("Secretary of State", "Harlan"), "The President" -> ("The President", "")."""
        words = self._strip(name).split()
        index = 0
        while index < len(words) and (
                words[index].casefold() in self._titles or words[index].casefold() in _JOINERS
                or (index and words[index - 1].casefold() in _JOINERS)
                or (index and words[index].casefold() in _CHAIRS)):
            index += 1
        if not any(word.casefold() in self._titles for word in words[:index]):
            return "", " ".join(words)  # "the voice from the floor": no office in it
        return " ".join(words[:index]), " ".join(words[index:])  # "The Secretary of State": all office

    def strip_honorifics(self, name: str) -> str:
        """The name without honorifics or leading offices ("Ambassador Smith" -> "Smith",
        "Secretary of State Harlan" -> "Harlan"); an office alone stays as it is."""
        office, person = self.split_office(name)
        return person or self._strip(name)

    def _learn(self, name: str, pid: str, offices: bool = True) -> None:
        office, person = self.split_office(name)
        heads = [w for w in office.casefold().split() if w in _HEAD_OFFICES]
        if office and person and offices and len(set(heads)) <= 1:
            # one office ("Prime Minister Blair"), not two run together by a flattened
            # list ("The President Prime Minister Blair")
            # The office this person holds here: "The Secretary of State:" names them.
            words = [w for w in office.casefold().split() if w not in ("the",)]
            for key in {" ".join(words), words[0]} if words else ():
                self.by_office.setdefault(key, set()).add(pid)
        key = name_key(self.strip_honorifics(name))
        if not key:
            return
        self.by_name.setdefault(key, pid)
        self.by_letters.setdefault(_letters(key), pid)
        words = key.replace("-", " ").split()
        # an office alone held in second place ("The Deputy Speaker", "The Vice President")
        # has no surname: "The Speaker", "The President" is another person
        deputy = office and not person and any(w in _SECOND_PLACE for w in words)
        surnames = () if deputy else {key.split()[-1], *(w for w in words if len(w.strip(".")) > 2)}
        for word in surnames:
            self.by_surname.setdefault(word, set()).add(pid)
        initials = "".join(w[0] for w in re.split(r"[\s.]+", key) if w)
        if 1 < len(initials) <= 4 or (len(words) == 1 and len(words[0]) > 2):
            self.by_initials.setdefault(initials, set()).add(pid)
        if len(initials) > 2:  # "GB" for George H. W. Bush: the first name's and the surname's
            self.by_initials.setdefault(initials[0] + initials[-1], set()).add(pid)

    def hold(self, role: str, pid: str) -> None:
        """A participants list says pid holds role ("Dr Sarah Wollaston (Chair)"): a
        label of that role alone ("Chair:", "The Chairperson:") names them."""
        key = _office_key(role)
        if key and len(key.split()) <= 5:
            self.by_office.setdefault(key, set()).add(pid)

    def learn_fuller_names(self, text: str) -> None:
        """A person the labels name by surname alone ("Senator Russell:") whom text
        (a heading) names in full ("Senator Richard Russell"): the full name, and so
        its initials ("RR:"), are theirs too."""
        for pid, printed in list(self.created.items()):
            words = self.strip_honorifics(printed).split()
            if len(words) != 1 or len(words[0]) < 3:
                continue
            for m in re.finditer(rf"\b(?:[A-Z][a-z]+\.?\s){{1,2}}{re.escape(words[0])}\b", text):
                self._learn(m.group(0), pid, offices=False)

    def lookup(self, name: str, by_surname: bool = True) -> str | None:
        """The id a name resolves to, or None. by_surname=False: not by the surname
        alone (two speakers share it)."""
        key = name_key(self.strip_honorifics(name))
        if not key:
            return None
        if key in self.by_name:
            return self.by_name[key]
        letters = _letters(key)
        if len(letters) >= 5 and letters in self.by_letters:
            return self.by_letters[letters]   # "THE PRES IDENT", "MAY C RAIG" as OCR spaced them
        holders = self.by_office.get(_office_key(name), set())
        if len(holders) == 1:
            return next(iter(holders))   # "Chair:", the participant listed as "(Chair)"
        office, person = self.split_office(name)
        if office and not person:
            # "The Secretary of State", "The Secretary": whoever holds it among the participants
            words = [w for w in office.casefold().split() if w != "the"]
            holders = self.by_office.get(" ".join(words), set()) or self.by_office.get(
                words[0] if words else "", set())
            if len(holders) == 1:
                return next(iter(holders))
        candidates = self.by_surname.get(key.split()[-1], set()) if by_surname else set()
        if len(candidates) == 1:
            return next(iter(candidates))
        bare = self.strip_honorifics(name).strip(" .:")
        # one letter ("P:") is left to join_short_labels, which knows the turns around it
        if INITIALS.fullmatch(bare):
            candidates = self.by_initials.get(re.sub(r"[.\s]", "", bare).casefold(), set())
            if len(candidates) == 1:
                return next(iter(candidates))
        return None

    def resolve(self, name: str, alias: str = "", label: bool = False, by_surname: bool = True) -> str:
        """The id for a name, creating one (a slug of the name) when it is new. A
        speaker's label ("PRESIDENT YELTSIN") does not make its person the holder of
        the office: a record that labels one speaker so and another "THE PRESIDENT"
        means two presidents; a participants list or the register says who holds it."""
        pid = self.lookup(name, by_surname)
        if pid is None:
            base = slugify(self.strip_honorifics(name))
            pid = base
            number = 2
            while pid in self.register or (pid in self.created and
                                           name_key(self.created[pid]) != name_key(name)):
                pid = f"{base}-{number}"
                number += 1
            printed = self._strip(name).replace("[", "").replace("]", "")
            self.created.setdefault(pid, printed)
            self._learn(name, pid, offices=not label)
        if alias:  # found again as printed, or as lookup() reads it ("THE MARSHAL")
            self.by_name.setdefault(name_key(alias), pid)
            self.by_name.setdefault(name_key(self.strip_honorifics(alias)), pid)
        return pid

    def display_name(self, pid: str) -> str:
        if pid in self.register:
            return self.register[pid].name
        return self.created.get(pid, pid)

    def mention_names(self) -> list[tuple[str, str]]:
        """(name, id) pairs to tag in running text: register names and aliases,
        and the names of participants found in this document; longest first."""
        pairs: list[tuple[str, str]] = []
        for person in self.register.values():
            pairs.extend((name, person.id) for name in person.names() if "[" not in name)
        for pid, name in self.created.items():
            pairs.append((name, pid))
        return sorted(set(pairs), key=lambda pair: (-len(pair[0]), pair[0]))
