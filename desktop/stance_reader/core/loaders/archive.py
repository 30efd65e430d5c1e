"""ZIP containers (DOCX, EPUB) checked before anything is extracted: zip bombs refused.

A few hundred kilobytes of deflated zeros or repeated XML expand to gigabytes, and a
directory of a million empty entries takes minutes to walk. So the central directory is
checked first against `ZipLimits` (entries, total and per-entry uncompressed size,
compression ratio). The declared sizes are also what `zipfile` enforces while reading:
it never returns more than an entry's declared size, and an entry whose data does not
match (a lying directory) fails its CRC check, which the loaders report as a corrupt
document.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from stance_reader.errors import CorruptDocument, DocumentTooLarge


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What a DOCX or EPUB news article may hold; generous for articles and books."""

    max_entries: int = 10_000
    max_total_bytes: int = 100 * 1000 * 1000  # uncompressed, all entries together
    max_entry_bytes: int = 32 * 1000 * 1000  # uncompressed, any one entry
    max_ratio: int = 200  # uncompressed / compressed, for entries over ratio_floor
    ratio_floor: int = 1000 * 1000  # small entries may compress better (repeated markup)


LIMITS = ZipLimits()


def open_checked(data: bytes, name: str, what: str, limits: ZipLimits = LIMITS
                 ) -> zipfile.ZipFile:
    """The archive in `data`, once its directory fits `limits`; else a typed refusal."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError) as exc:  # NotImplementedError: an unknown zip version
        raise CorruptDocument(f"{name} is not a readable {what} ({exc})") from None
    if len(infos) > limits.max_entries:
        raise DocumentTooLarge(f"{name} holds {len(infos):,} files; a {what} may hold up to "
                               f"{limits.max_entries:,}")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > limits.max_entry_bytes:
            raise DocumentTooLarge(
                f"{name} holds a part ({info.filename[:80]}) of {size / 1e6:.0f} MB "
                f"uncompressed; a {what} part may be up to {limits.max_entry_bytes / 1e6:.0f} MB")
        ratio = size // max(info.compress_size, 1)
        if size > limits.ratio_floor and ratio > limits.max_ratio:
            raise DocumentTooLarge(f"{name} looks like a zip bomb: a part expands {ratio:,} "
                                   f"times (at most {limits.max_ratio} accepted)")
    if total > limits.max_total_bytes:
        raise DocumentTooLarge(f"{name} expands to {total / 1e6:.0f} MB; a {what} may expand "
                               f"to {limits.max_total_bytes / 1e6:.0f} MB")
    return archive
