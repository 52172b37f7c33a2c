"""A TEI document as the renderers take it: one <TEI>, read safely.

Both outputs read their input here, so that they accept and refuse the same
files with the same one-line errors. A teiCorpus is valid TEI P5 too: it is
published as one document, with the corpus's header and its members' texts,
in order, in a text/group (a member's own header is left out, as every
header is left out of the text; no word of any text is).
"""

from __future__ import annotations

from copy import deepcopy
from pathlib import Path

from lxml import etree

from .errors import EditionError
from .xmlsafe import not_tei_root, parse_xml_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
TEI = f"{{{TEI_NS}}}TEI"
CORPUS = f"{{{TEI_NS}}}teiCorpus"


def load_tei(path: Path, data: bytes) -> etree._ElementTree:
    """The document in the file's bytes as one TEI element tree, or a one-line error."""
    tree = parse_xml_bytes(data, str(path))
    root = tree.getroot()
    if root.tag not in (TEI, CORPUS):
        name = etree.QName(root)
        found = name.localname + (f' xmlns="{name.namespace}"' if name.namespace else "")
        raise EditionError(not_tei_root(found), str(path), root.sourceline)
    # lxml keeps an undeclared or external entity as a reference node; it is
    # never loaded, and it cannot be passed on either: say so in one line.
    for node in tree.iter(etree.Entity):
        raise EditionError(f"entity reference {node.text} is not expanded (external entities are "
                           "never loaded); replace it with the text it stands for",
                           str(path), node.sourceline)
    return tree if root.tag == TEI else corpus_as_tei(root).getroottree()


def corpus_as_tei(corpus: etree._Element) -> etree._Element:
    """One TEI element holding a teiCorpus: its header, and its members' texts in a group."""
    tei = etree.Element(TEI, nsmap={None: TEI_NS})
    for name in (f"{{{XML_NS}}}id", f"{{{XML_NS}}}lang", "n"):
        if corpus.get(name) is not None:
            tei.set(name, corpus.get(name))
    header = corpus.find(f"{{{TEI_NS}}}teiHeader")
    if header is not None:
        tei.append(copy_element(header))
    group = etree.SubElement(etree.SubElement(tei, f"{{{TEI_NS}}}text"), f"{{{TEI_NS}}}group")
    for member in corpus.iter(TEI):
        text = member.find(f"{{{TEI_NS}}}text")
        if text is None:
            continue
        text = copy_element(text)
        # the member's language, where its text does not say, still holds for it
        lang = member.get(f"{{{XML_NS}}}lang")
        if lang and text.get(f"{{{XML_NS}}}lang") is None:
            text.set(f"{{{XML_NS}}}lang", lang)
        group.append(text)
    return tei


def copy_element(element: etree._Element) -> etree._Element:
    """A deep copy, fit to sit in another document (lxml keeps the source lines
    errors point to), without its tail."""
    copy = deepcopy(element)
    copy.tail = None
    return copy
