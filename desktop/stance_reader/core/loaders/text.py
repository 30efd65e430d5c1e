"""Decoding text files: BOMs, UTF-8, UTF-16 without BOM, Windows-1252 and Latin-1.

Order: a byte-order mark decides; else strict UTF-8; else UTF-16 recognised by its zero
bytes; else charset-normalizer's best guess for non-Western encodings, with Windows-1252
(and Latin-1 for bytes Windows-1252 leaves undefined) as the Western default, which is
what 8-bit English news files almost always are. Line endings become "\\n".
"""

from __future__ import annotations

import codecs
import re

from stance_reader.errors import UnsupportedFormat

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "mac_roman", "cp850", "cp437",
            "iso8859_2", "ascii", "utf_8", "cp1254", "iso8859_9"}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
                         r"(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])",
                         re.IGNORECASE | re.DOTALL)


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even = data[0::2].count(0) / (len(data) / 2)
    odd = data[1::2].count(0) / (len(data) / 2)
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _decode(data: bytes, name: str) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise UnsupportedFormat(f"{name} starts like {encoding} text but is not") from None
    utf16 = _utf16_without_bom(data) if b"\x00" in data[:4096] else None
    if utf16 is not None:  # before UTF-8: "a\x00b\x00" is valid UTF-8 too
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise UnsupportedFormat(f"{name} is a binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding not in _WESTERN:
        try:
            return data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode_text(data: bytes, name: str) -> str:
    """Decoded text with "\\r\\n" and "\\r" turned into "\\n"; refuses binary content."""
    text = _decode(data, name)
    sample = text[:20_000]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise UnsupportedFormat(f"{name} is a binary file, not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))
