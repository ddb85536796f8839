"""DocBook 5 elements: constructors in the DocBook namespace, and the provenance PI's name.

Provenance: each block element is preceded by a processing instruction <?bb-source 12-15?>
naming the source lines it came from; PIs are allowed anywhere, so the document stays valid
DocBook and other DocBook tools ignore them.
"""

from __future__ import annotations

from lxml import etree

from ..namespaces import DB, XML_NS

NSMAP = {None: DB}
SOURCE_PI = "bb-source"


def el(tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    element = etree.Element(f"{{{DB}}}{tag}", nsmap=NSMAP)
    for key, value in attrs.items():
        element.set(_attr(key), value)
    if text is not None:
        element.text = text
    return element


def sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    child = el(tag, text, **attrs)
    parent.append(child)
    return child


def _attr(key: str) -> str:
    return f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml_") else key


def serialise(tree: etree._Element) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
