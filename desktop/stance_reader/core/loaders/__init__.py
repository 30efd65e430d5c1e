"""Article loaders: one module per format, registered by extension and recognised by content.

    load(path) -> Article          load_bytes(data, name) -> Article

Formats: plain text (.txt), Markdown (.md), saved web pages (.html/.htm), Word (.docx),
EPUB (.epub) and PDF (.pdf). The format is taken from the content first (a renamed .docx
or an HTML page saved as .txt is recognised) and from the extension second.

Limits and refusals, each a typed `InputError` naming the file: files over `MAX_BYTES`
(50 MB) → DocumentTooLarge; empty files, or no text after extraction → EmptyDocument;
binary or unknown content → UnsupportedFormat; a file that claims a format but cannot be
parsed → CorruptDocument; password-protected or DRM-encrypted → EncryptedDocument.
"""

from __future__ import annotations

from pathlib import Path

from stance_reader.core.article import Article
from stance_reader.core.loaders.files import read_regular_file
from stance_reader.core.loaders.registry import (
    FILE_DIALOG_FILTERS, MAX_BYTES, SUPPORTED_EXTENSIONS, load_bytes)

__all__ = ["load", "load_bytes", "MAX_BYTES", "SUPPORTED_EXTENSIONS", "FILE_DIALOG_FILTERS"]


def load(path: str | Path, *, max_bytes: int = MAX_BYTES) -> Article:
    """Read and load an article file; never modifies it, never blocks on a pipe or device
    and never reads more than `max_bytes + 1` bytes (see `files.read_regular_file`)."""
    p = Path(path)
    data = read_regular_file(p, max_bytes)
    return load_bytes(data, p.name, path=str(p.resolve()), max_bytes=max_bytes)
