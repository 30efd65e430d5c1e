"""The per-article job, the same in this process, a pool worker or a Dask worker.

Each process loads the spaCy pipeline and the tone model once (`warm`, the pool's
initializer and the Dask worker plugin's setup) and keeps them, with its documents
service, in module globals; every article after that reuses them. Articles are opened
through the documents service, as everywhere else (annotated copies, the analysis cache). Errors come back as values, never as exceptions, so one
bad file never stops a collection and nothing unpicklable crosses a process boundary.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stance_reader.collection.outlet import HEAD_BYTES, outlet_of
from stance_reader.core.analysis import Analysis
from stance_reader.errors import StanceReaderError

log = logging.getLogger(__name__)
_state: dict[Any, Any] = {}  # per process: the tone scorer, documents services by history


@dataclass(frozen=True, slots=True)
class Outcome:
    """One article's result: an analysis, or the reason there is none."""

    path: str
    analysis: Analysis | None = None
    outlet: str | None = None
    error: str | None = None
    internal: bool = False  # the error is a bug of ours, not a problem of the file
    detail: str | None = None  # the traceback of an internal error, for --debug


def warm(model: str | None = None) -> None:
    """Load the pipeline and the tone model in this process (once)."""
    from stance_reader.core.nlp import load_pipeline

    load_pipeline(model)
    _tone_scorer()


def _tone_scorer() -> Any:
    if "tone" not in _state:
        from stance_reader.core.tone import ToneScorer

        _state["tone"] = ToneScorer()
    return _state["tone"]


def _documents(model: str | None, history_db: str | None) -> Any:
    """This process' documents service over the history at `history_db` (its analysis
    cache), or over none. It only loads and analyses: corrections, tone thresholds and
    the record of an open are applied by the process that asked (`DocumentService.finish`)."""
    key = (model, history_db)
    if key not in _state:
        from stance_reader.documents import DocumentService
        from stance_reader.store.history import NullHistory, open_history

        history = open_history(Path(history_db))[0] if history_db else NullHistory()
        _state[key] = DocumentService(history, model=model, tone=_tone_scorer(),
                                      record_opens=False)
    return _state[key]


def head_of(path: Path, analysis: Analysis) -> str:
    """The start of a web page's file, where its metadata and address are; "" otherwise."""
    if analysis.source.format != "html":
        return ""
    try:
        with path.open("rb") as fh:
            return fh.read(HEAD_BYTES).decode("utf-8", "replace")
    except OSError:
        return ""


def _failure(path: str, exc: Exception) -> Outcome:
    if isinstance(exc, StanceReaderError):
        return Outcome(path, error=str(exc))
    import traceback

    return Outcome(path, error=f"internal error: {type(exc).__name__}: {exc}", internal=True,
                   detail="".join(traceback.format_exception(exc)))


def analyse_path(path: str, model: str | None = None, history_db: str | None = None) -> Outcome:
    """Load the file at `path` (an annotated copy of ours reopens as its analysis) and
    analyse it, or take its analysis from the cache of the history at `history_db`."""
    try:
        return analyse_with(_documents(model, history_db), path)
    except Exception as exc:  # every failure is reported as a value (see module docstring)
        return _failure(path, exc)


def analyse_with(documents: Any, path: str) -> Outcome:
    """The same with a given documents service (one job: the caller's own, so problems
    of its history are reported once, where it reports them)."""
    try:
        item = documents.load(path)
        analysis = item if isinstance(item, Analysis) else documents.analysed(item)
        return Outcome(path, analysis, outlet_of(analysis.byline, analysis.text,
                                                 head_of(Path(path), analysis)))
    except Exception as exc:  # every failure is reported as a value (see module docstring)
        return _failure(path, exc)


def analyse_bytes(data: bytes, path: str, model: str | None = None,
                  source: str | None = None) -> Outcome:
    """Analyse a file's bytes read elsewhere (a cluster worker needs no shared disk, and
    keeps no cache); `source` is the file's absolute path on the machine that read it."""
    from stance_reader.core.loaders import load_bytes

    try:
        article = load_bytes(data, Path(path).name, path=source or path)
        analysis = _documents(model, None).analysed(article)
        head = data[:HEAD_BYTES].decode("utf-8", "replace") if article.format == "html" else ""
        return Outcome(path, analysis, outlet_of(analysis.byline, analysis.text, head))
    except Exception as exc:
        return _failure(path, exc)
