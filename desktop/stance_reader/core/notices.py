"""Notices: things the reader must know about a document that are not errors (the text is
not English; a PDF had no text). Qt-free; the window shows them in its status line, the
command line on stderr."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Notice:
    """`kind` is a stable identifier (e.g. "not-english"); `message` is for people."""

    kind: str
    message: str

    def to_dict(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


NO_TEXT = Notice("no-text", "this PDF has no text (a scan?): Stance Reader reads a PDF's "
                 "text layer and does not read text in images; open a copy with selectable "
                 "text (run it through OCR first)")
