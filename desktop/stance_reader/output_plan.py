"""Where each input's output goes, decided for all inputs before any work is done.

Promises (docs/reliability.md, "Outputs never replace inputs"):
- No output is ever an input: every planned path is compared with every input, by
  resolved path and, when both exist, by device and inode (hard and symbolic links).
- With --output-dir, inputs sharing a stem get distinct names, in command-line order:
  the first keeps `<stem><ext>` (taiwan.txt → taiwan.json), the next ones take their
  whole file name (taiwan.docx → taiwan.docx.json), then a number (taiwan.docx.2.json).
  A name that is one of the inputs is skipped the same way. Names are compared without
  case, so the plan holds on case-insensitive disks too. Unique stems keep plain names.
- An input named twice (the same file) is processed once.
- An existing output is replaced only with `force`; a folder is never a target.

`plan_outputs` returns one `PlannedOutput` per distinct input, each with a target path (None
for standard output) or the reason it is refused; the batch runner acts on it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from stance_reader.errors import ExportError

MAX_NAME_BYTES = 255  # one name in a path, on every common file system


@dataclass(frozen=True, slots=True)
class PlannedOutput:
    """One input and where its output goes; `refused` says why it will not be written."""

    source: Path
    target: Path | None  # None: standard output
    refused: str | None = None


def _resolved(p: Path) -> Path:
    try:
        return p.resolve()
    except (OSError, RuntimeError, ValueError):
        return p.absolute()


class InputIndex:
    """The inputs of a run, each resolved and stat'ed once: which one a path would
    overwrite is a lookup, not a comparison with every input (a batch of thousands of
    files would otherwise resolve millions of paths)."""

    def __init__(self, inputs: Iterable[Path]) -> None:
        self._by_path: dict[Path, Path] = {}
        self._by_inode: dict[tuple[int, int], Path] = {}
        for src in inputs:
            self.add(src)

    def add(self, src: Path) -> None:
        self._by_path.setdefault(_resolved(src), src)
        inode = _inode(src)
        if inode is not None:
            self._by_inode.setdefault(inode, src)

    def find(self, path: Path) -> Path | None:
        """The input that `path` names (the same resolved path or the same inode)."""
        found = self._by_path.get(_resolved(path))
        if found is None:
            inode = _inode(path)
            found = self._by_inode.get(inode) if inode is not None else None
        return found


def _inode(p: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(p)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def input_overwritten(target: Path, inputs: Iterable[Path] | InputIndex) -> Path | None:
    """The input `target` would overwrite, if any."""
    index = inputs if isinstance(inputs, InputIndex) else InputIndex(inputs)
    return index.find(target)


def check_target(target: Path, inputs: Iterable[Path] | InputIndex, *, force: bool) -> None:
    """Raise ExportError if writing `target` would replace an input, a folder, or (without
    force) an existing file. The message names both files. (The window asks before it
    replaces a file and passes force; only the command line reaches the last refusal.)"""
    name = os.fsencode(target.name)
    if len(name) > MAX_NAME_BYTES:
        raise ExportError(f"{target.name[:40]}… is too long a file name ({len(name)} bytes; "
                          f"file systems take {MAX_NAME_BYTES}): choose a shorter name")
    src = input_overwritten(target, inputs)
    if src is not None:
        what = ("is an input" if _resolved(target) == _resolved(src)
                else f"is the same file as the input {src} (a link)")
        raise ExportError(f"{target} {what}; Stance Reader never overwrites an input: "
                          "choose another name")
    if target.is_dir():
        raise ExportError(f"{target} is a folder; give a file name")
    if target.exists() and not force:
        raise ExportError(f"{target} already exists; use --force to replace it")


def _distinct_inputs(inputs: Sequence[Path]) -> list[Path]:
    kept: list[Path] = []
    seen = InputIndex(())
    for src in inputs:
        if seen.find(src) is None:
            kept.append(src)
            seen.add(src)
    return kept


def _names(src: Path, ext: str) -> Iterable[str]:
    yield f"{src.stem}{ext}"
    yield f"{src.name}{ext}"
    n = 2
    while True:
        yield f"{src.name}.{n}{ext}"
        n += 1


def _in_folder(sources: list[Path], folder: Path, ext: str) -> list[Path]:
    """One distinct target in `folder` per source, never the name of an input."""
    inputs = InputIndex(sources)
    taken: set[str] = set()
    targets = []
    for src in sources:
        for name in _names(src, ext):
            candidate = folder / name
            if name.casefold() in taken or inputs.find(candidate) is not None:
                continue
            taken.add(name.casefold())
            targets.append(candidate)
            break
    return targets


def plan_outputs(inputs: Sequence[Path], ext: str, *, output: str | None = None,
                 output_dir: str | None = None, force: bool = False,
                 beside: str = ".annotated") -> list[PlannedOutput]:
    """Plan every output before any work. `output` "-" is standard output; without
    `output` or `output_dir`, each output goes beside its input as `<stem><beside><ext>`."""
    sources = _distinct_inputs(inputs)
    if output == "-":
        return [PlannedOutput(src, None) for src in sources]
    if output:
        targets = [Path(output)] * len(sources)
    elif output_dir:
        targets = _in_folder(sources, Path(output_dir), ext)
    else:
        targets = [src.with_name(f"{src.stem}{beside}{ext}") for src in sources]
    plan = []
    index = InputIndex(inputs)
    for src, target in zip(sources, targets):
        try:
            check_target(target, index, force=force)
        except ExportError as exc:
            plan.append(PlannedOutput(src, target, str(exc)))
        else:
            plan.append(PlannedOutput(src, target))
    return plan
