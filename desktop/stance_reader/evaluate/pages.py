"""`python -m stance_reader.evaluate pages DIR`: main-text extraction of saved pages.

DIR is one of:
- a folder with `snippets.jsonl` and saved web pages (../shared/eval/html): snippet
  precision, recall, F1 and accuracy of our loader beside trafilatura alone;
- a folder of browser-printed PDFs whose snippets are in `../html/snippets.jsonl`
  (../shared/eval/pdf): our PDF loader beside pypdf's plain text and beside trafilatura on
  the same pages' HTML;
- a checkout of the Zyte article-extraction benchmark (`ground-truth.json`, `html/*.html.gz`):
  its shingle-overlap F1, and the quotation marks of the true bodies our text lost.

Loading time is measured in the same run for our loader and for the reference, so a speed
target ("within 2x of today") compares ratios, not seconds on a busy machine.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable

from stance_reader.evaluate import quotations, shingles
from stance_reader.evaluate.jsonl import read_or_report
from stance_reader.evaluate.snippets import SnippetCounts, score_page

Extractor = Callable[[bytes, str], str | None]


def _ours(data: bytes, name: str) -> str | None:
    from stance_reader.core.loaders import load_bytes
    from stance_reader.errors import InputError

    try:
        return load_bytes(data, name).text
    except InputError:
        return None


def _trafilatura(data: bytes, name: str) -> str | None:
    import trafilatura

    return trafilatura.extract(data) or ""


def _article_reference(data: bytes) -> str:
    """The quotations' reference: trafilatura's article without the readers' comments
    (its default keeps them, and a comment's quotation is not the article's)."""
    import trafilatura

    return trafilatura.extract(data, include_comments=False) or ""


def _pypdf(data: bytes, name: str) -> str | None:
    import io
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages)
    except Exception:  # a reference extractor: a failure is scored as a failed page
        return None


def _check(record: dict) -> None:
    if not isinstance(record["file"], str) or not isinstance(record["with"], list) \
            or not isinstance(record["without"], list):
        raise TypeError("file, with and without are needed")


class _Column:
    """One extractor's counts and time over the pages."""

    def __init__(self, label: str, run: Extractor) -> None:
        self.label, self.run = label, run
        self.counts = SnippetCounts()
        self.seconds = 0.0
        self.failed: list[str] = []
        self.text: str | None = None  # the last page's text
        self.quotes = self.quotes_lost = 0
        self.overlap: list[shingles.Row] = []

    def against_reference(self, reference: str | None) -> list[str]:
        """Tally, on the last page, the reference's quotations this extractor kept and the
        shingle overlap with the reference; the lost quotations are returned."""
        self.overlap.append(shingles.tp_fp_fn(reference or "", self.text or ""))
        lost, total = quotations.kept(reference or "", self.text)
        self.quotes += total
        self.quotes_lost += len(lost)
        return lost

    def score(self, data: bytes, name: str, record: dict) -> SnippetCounts:
        start = time.perf_counter()
        text = self.text = self.run(data, name)
        self.seconds += time.perf_counter() - start
        if text is None:
            self.failed.append(name)
        page = score_page(text, record["with"], record["without"])
        self.counts.add(page)
        return page


def _print_table(columns: list[_Column], pages: int) -> None:
    print(f"{'extractor':<44}{'precision':>10}{'recall':>8}{'F1':>7}{'accuracy':>10}"
          f"{'seconds':>9}{'failed':>8}{'quotations kept':>17}{'shingle F1':>12}")
    for c in columns:
        p, r, f, a = c.counts.scores()
        kept = (f"{c.quotes - c.quotes_lost}/{c.quotes} "
                f"({(c.quotes - c.quotes_lost) / c.quotes:.1%})") if c.quotes else "-"
        overlap = shingles.summarise(c.overlap)[2] if c.overlap else 0.0
        print(f"{c.label:<44}{p:>10.3f}{r:>8.3f}{f:>7.3f}{a:>10.3f}{c.seconds:>9.2f}"
              f"{len(c.failed):>8}{kept:>17}{overlap:>12.3f}")
    print("quotations kept, shingle F1: against trafilatura's article text (readers' "
          "comments off) of each web page")
    ref = columns[1]
    if ref.seconds:
        print(f"time ratio {columns[0].label} / {ref.label}: "
              f"{columns[0].seconds / ref.seconds:.2f} ({pages} pages)")
    for c in columns:
        if c.failed:
            print(f"{c.label} failed on: {', '.join(c.failed)}")


def _run_snippets(pairs: list[tuple[Path, Path, dict]], columns: list[_Column],
                  verbose: bool) -> None:
    """`pairs`: (file columns[0] and, for PDFs, columns[1] read; the web page the last
    column and the quotations' reference read; snippet record)."""
    for own, other, record in pairs:
        data = own.read_bytes()
        page = columns[0].score(data, own.name, record)
        for c in columns[1:-1]:
            c.score(data, own.name, record)
        html = data if other == own else other.read_bytes()
        columns[-1].score(html, other.name, record)
        reference = _article_reference(html)
        lost = [c.against_reference(reference) for c in columns][0]
        if verbose and (page.fn or page.fp or lost):
            print(f"{own.name}: {page.fn} of {len(record['with'])} kept snippets missing, "
                  f"{page.fp} of {len(record['without'])} boilerplate snippets present"
                  + "".join(f"\n  quotation lost: {q[:100]}" for q in lost))
    _print_table(columns, len(pairs))


def _html_set(folder: Path, limit: int | None, verbose: bool) -> int:
    records = read_or_report(str(folder / "snippets.jsonl"), _check, "snippet")
    if records is None:
        return 2
    pairs = [(folder / r["file"], folder / r["file"], r) for r in records[:limit]]
    print(f"{len(pairs)} saved web pages from {folder} (snippet metric)")
    _run_snippets(pairs, [_Column("stance-reader HTML loader", _ours),
                          _Column("trafilatura.extract (defaults)", _trafilatura)], verbose)
    return 0


def _pdf_set(folder: Path, snippets: Path, limit: int | None, verbose: bool) -> int:
    records = read_or_report(str(snippets), _check, "snippet")
    if records is None:
        return 2
    by_stem = {Path(r["file"]).stem: r for r in records}
    pdfs = [p for p in sorted(folder.glob("*.pdf")) if p.stem in by_stem][:limit]
    html_dir = snippets.parent
    pairs = [(p, html_dir / by_stem[p.stem]["file"], by_stem[p.stem]) for p in pdfs]
    print(f"{len(pairs)} printed PDFs from {folder} (snippet metric, snippets of {snippets})")
    columns = [_Column("stance-reader PDF loader", _ours),
               _Column("pypdf extract_text (reference)", _pypdf),
               _Column("trafilatura on the same pages' HTML", _trafilatura)]
    _run_snippets(pairs, columns, verbose)  # pypdf reads the PDF, trafilatura the HTML
    return 0


def _benchmark(folder: Path, limit: int | None) -> int:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[:limit]
    ours: list[shingles.Row] = []
    plain: list[shingles.Row] = []
    lost = total = 0
    for key in keys:
        path = folder / "html" / f"{key}.html.gz"
        raw = gzip.decompress(path.read_bytes()) if path.exists() else b""
        body = truth[key].get("articleBody", "")
        text = _ours(raw, f"{key}.html") or ""
        ours.append(shingles.tp_fp_fn(body, text))
        plain.append(shingles.tp_fp_fn(body, _trafilatura(raw, key) or ""))
        missing, want = shingles.missing_marks(body, text)
        lost, total = lost + missing, total + want
    print(f"{len(keys)} pages from {folder} (shingle metric)")
    print(f"{'extractor':<28}{'precision':>10}{'recall':>10}{'F1':>8}")
    for label, rows in (("stance-reader HTML loader", ours), ("trafilatura.extract", plain)):
        p, r, f = shingles.summarise(rows)
        print(f"{label:<28}{p:>10.3f}{r:>10.3f}{f:>8.3f}")
    print(f"quotation marks of the true bodies missing from ours: {lost}/{total}")
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m stance_reader.evaluate pages",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--snippets", type=Path, default=None,
                        help="snippets.jsonl for a PDF folder (default: ../html/snippets.jsonl)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="list the pages that miss snippets or keep boilerplate")
    args = parser.parse_args(argv)
    folder: Path = args.folder
    if (folder / "ground-truth.json").is_file():
        return _benchmark(folder, args.limit)
    if (folder / "snippets.jsonl").is_file():
        return _html_set(folder, args.limit, args.verbose)
    snippets = args.snippets or folder.parent / "html" / "snippets.jsonl"
    if any(folder.glob("*.pdf")) and snippets.is_file():
        return _pdf_set(folder, snippets, args.limit, args.verbose)
    print(f"error: {folder} holds neither snippets.jsonl, ground-truth.json nor PDFs with "
          f"snippets at {snippets}", file=sys.stderr)
    return 2
