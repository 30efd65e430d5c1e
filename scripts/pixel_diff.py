"""Pixel difference of same-named PNGs in two folders, e.g. before and after a change:

    .venv/bin/python scripts/pixel_diff.py OLD_DIR NEW_DIR [NAME.png ...]

Prints, per image, how many pixels differ and where; writes NEW_DIR/diff-NAME.png with
the differing pixels in red over a faded copy of the new image, to look at.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PySide6.QtGui import QImage


def pixels(path: Path) -> np.ndarray:
    img = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)
    raw = np.frombuffer(img.constBits(), np.uint8, img.sizeInBytes())
    return raw.reshape(img.height(), img.bytesPerLine() // 4, 4)[:, :img.width(), :3].copy()


def compare(old: Path, new: Path) -> str:
    a, b = pixels(old), pixels(new)
    if a.shape != b.shape:
        return f"{new.name}: size differs {a.shape[1]}x{a.shape[0]} -> {b.shape[1]}x{b.shape[0]}"
    mask = (a != b).any(axis=2)
    n = int(mask.sum())
    if n == 0:
        return f"{new.name}: identical"
    ys, xs = np.nonzero(mask)
    faded = (b // 3 + 170).astype(np.uint8)
    shown = np.where(mask[..., None], np.array([0, 0, 255], np.uint8), faded)  # BGR red
    h, w = shown.shape[:2]
    bgra = np.dstack([shown, np.full((h, w), 255, np.uint8)]).copy()
    QImage(bgra.data, w, h, 4 * w, QImage.Format.Format_RGB32).copy().save(
        str(new.with_name(f"diff-{new.name}")))
    return (f"{new.name}: {n} of {mask.size} pixels differ ({100 * n / mask.size:.3f}%), "
            f"in x {xs.min()}-{xs.max()}, y {ys.min()}-{ys.max()}")


def main(argv: list[str]) -> int:
    old, new = Path(argv[0]), Path(argv[1])
    names = argv[2:] or sorted(p.name for p in new.glob("*.png") if not p.name.startswith("diff-"))
    for name in names:
        print(compare(old / name, new / name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
