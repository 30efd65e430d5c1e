"""EPUB books: chapters in spine order, text block by block; DRM-encrypted books refused."""

from __future__ import annotations

import posixpath
import re
import zipfile

from stance_reader.core.loaders.archive import open_checked
from stance_reader.core.loaders.base import Extracted
from stance_reader.core.loaders.dates import date_in_text
from stance_reader.core.loaders.text import decode_text
from stance_reader.errors import CorruptDocument, EncryptedDocument

NS = {"c": "urn:oasis:names:tc:opendocument:xmlns:container",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/",
      "enc": "http://www.w3.org/2001/04/xmlenc#"}
# Font obfuscation is "encryption" in the container but harmless to text.
FONT_OBFUSCATION = ("http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC")


def parse(data: bytes, name: str) -> Extracted:
    from lxml import etree

    from stance_reader.core.loaders.html import _body_paragraphs, parse_document

    archive = open_checked(data, name, "EPUB book")  # zip bombs refused before reading
    try:
        names = set(archive.namelist())
        if "META-INF/encryption.xml" in names:
            enc = etree.fromstring(archive.read("META-INF/encryption.xml"))
            methods = enc.xpath("//enc:EncryptionMethod/@Algorithm", namespaces=NS)
            if any(m not in FONT_OBFUSCATION for m in methods):
                raise EncryptedDocument(f"{name} is a DRM-protected e-book; Stance Reader "
                                        "can only read EPUB files without DRM")
        container = etree.fromstring(archive.read("META-INF/container.xml"))
        opf_path = container.xpath("//c:rootfile/@full-path", namespaces=NS)[0]
        opf = etree.fromstring(archive.read(opf_path))
        base = posixpath.dirname(opf_path)
        manifest = {i.get("id"): i.get("href") for i in opf.xpath("//opf:manifest/opf:item",
                                                                  namespaces=NS)}
        spine = [manifest[r.get("idref")] for r in opf.xpath("//opf:spine/opf:itemref",
                                                             namespaces=NS)
                 if r.get("idref") in manifest]
        paragraphs: list[str] = []
        for href in spine:
            path = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
            if path not in names:
                continue
            chapter = decode_text(archive.read(path), f"{name}:{path}")
            chapter = re.sub(r"^\s*<\?xml[^>]*\?>", "", chapter)  # lxml refuses it in str
            if not chapter.strip():
                continue
            tree = parse_document(chapter, f"{name}:{path}")
            paragraphs.extend(_body_paragraphs(tree))

        def meta(tag: str) -> str | None:
            found = opf.xpath(f"//dc:{tag}/text()", namespaces=NS)
            return str(found[0]) if found else None

        # dc:date is the publication date, but converters fill it with their run time or
        # "0101-01-01": a date written at the top of the text wins.
        return Extracted(paragraphs=tuple(paragraphs), title=meta("title"),
                         byline=meta("creator"),
                         date=date_in_text(paragraphs) or meta("date"))
    except (EncryptedDocument, CorruptDocument):
        raise
    except (zipfile.BadZipFile, KeyError, IndexError, etree.XMLSyntaxError, ValueError,
            OSError, RuntimeError) as exc:
        raise CorruptDocument(f"{name} is not a readable EPUB book ({type(exc).__name__}: "
                              f"{exc})") from None
    except Exception as exc:  # lxml raises parser-specific errors on broken chapters
        raise CorruptDocument(f"{name} is not a readable EPUB book "
                              f"({type(exc).__name__})") from None
