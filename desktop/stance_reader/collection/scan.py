"""Which files of a folder make up a collection.

Folders are scanned recursively (an archive is usually organised by outlet or month in
sub-folders), in a stable order (sorted by relative path, so every run and every worker
count sees the same list). Skipped: hidden files and folders, symbolic links (a link may
lead out of the folder or round in a loop), files whose extension no loader reads, and
our own annotated copies (`*.annotated.*`), which would count every article twice.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from stance_reader.core.loaders import SUPPORTED_EXTENSIONS
from stance_reader.errors import InputError

ANNOTATED_MARK = ".annotated"
MAX_FILES = 1_000_000  # past this a folder is more likely a mistake (a home folder) than news


@dataclass(frozen=True, slots=True)
class ScanResult:
    """The article files found, and how many entries were passed over (and why not)."""

    files: tuple[Path, ...]
    skipped: int


def is_article_file(path: Path) -> bool:
    name = path.name
    if name.startswith("."):
        return False
    suffix = path.suffix.lower()
    return suffix in SUPPORTED_EXTENSIONS and ANNOTATED_MARK not in path.stem.lower()


def scan_folder(root: Path, *, recursive: bool = True) -> ScanResult:
    """Article files under `root`, sorted by relative path. Raises InputError when `root`
    cannot be read or holds more than MAX_FILES articles."""
    found: list[tuple[str, Path]] = []
    skipped = 0
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except PermissionError:
            if folder == root:
                raise InputError(f"{root} cannot be read: permission denied", str(root)) from None
            skipped += 1
            continue
        except OSError as exc:
            if folder == root:
                raise InputError(f"{root} cannot be read: {exc.strerror or exc}",
                                 str(root)) from None
            skipped += 1
            continue
        for entry in entries:
            if entry.name.startswith(".") or entry.is_symlink():
                skipped += 1
                continue
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                if recursive:
                    stack.append(path)
                continue
            if entry.is_file(follow_symlinks=False) and is_article_file(path):
                found.append((path.relative_to(root).as_posix(), path))
                if len(found) > MAX_FILES:
                    raise InputError(f"{root} holds more than {MAX_FILES:,} article files; "
                                     "choose a smaller folder", str(root))
            else:
                skipped += 1
    found.sort(key=lambda item: item[0])
    return ScanResult(tuple(p for _, p in found), skipped)


def find_articles(paths: Iterable[str | Path], *, recursive: bool = True) -> ScanResult:
    """Files given by name are kept as they are (even with an unusual extension: the
    person chose them); folders are scanned. Raises InputError for a missing path."""
    files: list[Path] = []
    skipped = 0
    for given in paths:
        p = Path(given)
        if p.is_dir():
            result = scan_folder(p, recursive=recursive)
            files.extend(result.files)
            skipped += result.skipped
        elif p.exists():
            files.append(p)
        else:
            raise InputError(f"{p} does not exist", str(p))
    return ScanResult(tuple(files), skipped)
