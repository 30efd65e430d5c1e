"""Small articles written for these tests (a few sentences each, with quotations)."""

from __future__ import annotations

from pathlib import Path

BUDGET = """Ministers argue over budget

"We will not raise taxes this year," Finance Minister Anna Berg said on Monday.

Opposition leader Tom Wells called the plan "a reckless gamble with people's savings."

Berg told reporters that the deficit would shrink by spring.
"""

HARBOUR = """---
title: Harbour plan divides town
date: 2024-03-05
---

"The harbour is our future," Mayor Lena Fox said at the council meeting.

"This is a terrible waste of money," Tom Wells said.

"We are delighted," said Fox.
"""

SCHOOLS = """<html><head><title>Schools reopen</title>
<meta property="og:site_name" content="The Valley Courier">
<meta name="date" content="2024-04-11"></head>
<body><article><h1>Schools reopen</h1>
<p>"Children are happy to be back," headteacher Maria Lopez said on Thursday.</p>
<p>"It was a hard winter," Tom Wells said, "but the town pulled together."</p>
</article></body></html>
"""


def write_collection(folder: Path) -> list[Path]:
    """Three articles (one in a sub-folder), plus files a scan must pass over."""
    (folder / "2024").mkdir(parents=True)
    files = [folder / "budget.txt", folder / "2024" / "harbour.md", folder / "schools.html"]
    for path, text in zip(files, (BUDGET, HARBOUR, SCHOOLS)):
        path.write_text(text, encoding="utf-8")
    (folder / "budget.annotated.html").write_text("<html>copy</html>", encoding="utf-8")
    (folder / ".hidden.txt").write_text('"Secret," she said.', encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return sorted(files, key=lambda p: p.relative_to(folder).as_posix())
