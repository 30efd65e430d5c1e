"""The documents service: from a path to the analysis a person sees, the same way everywhere.

The command line (`annotate`), the window (its background job) and `render` all open a
document through here, so they agree: an annotated copy of ours reopens as its analysis,
anything else is loaded and analysed, or taken from the cache under the one key
(`store.history.pipeline_key`); the corrections a person made in the window for the same
content are replayed; tone labels follow the person's thresholds; the open is recorded.

Qt-free: the window runs `load`, `analysed` and `finish` on its worker thread; the command
line calls `open`, which runs the same three steps.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from stance_reader.core.analysis import Analysis, Correction, PipelineInfo
from stance_reader.core.article import Article
from stance_reader.core.types import CancelToken, ProgressFn
from stance_reader.documents.annotated import read_annotated
from stance_reader.store.history import DocumentRecord, History, NullHistory, pipeline_key

if TYPE_CHECKING:
    from stance_reader.core.pipeline import ToneModel

log = logging.getLogger(__name__)

# An opener reads a path as one kind of document, or returns None when the file is not
# of its kind. Tried in order: our annotated copies first, then the article loaders.
Opener = Callable[[Path], "Article | Analysis | None"]


def _load_article(path: Path) -> Article:
    from stance_reader.core.loaders import load

    return load(path)


OPENERS: tuple[tuple[str, Opener], ...] = (
    ("annotated copy", read_annotated),
    ("article", _load_article),
)


def current_pipeline(model: str | None) -> PipelineInfo:
    """What would analyse a document now (model and program versions), known without
    loading spaCy: with `pipeline_key`, the cache key of a new analysis."""
    from stance_reader import __version__
    from stance_reader.core.nlp import installed_model_info

    name, version = installed_model_info(model)
    return PipelineInfo(name, version, __version__)


@dataclass(frozen=True, slots=True)
class OpenedDocument:
    """An analysis ready to show, and what the history remembers of its content (reading
    position, layers, speaker colours), or None."""

    analysis: Analysis
    record: DocumentRecord | None
    entry: str | None = None  # the history entry's key (see `DocumentService.finish`)

    @property
    def colors(self) -> dict[str, str]:
        """The speaker colours a person chose for this content."""
        layers = self.record.layers if self.record is not None else None
        colors = layers.get("colors") if isinstance(layers, dict) else None
        return {str(k): str(v) for k, v in colors.items()} if isinstance(colors, dict) else {}


class DocumentService:
    """Opens documents against one history. Store problems never stop a document from
    opening: they are logged and the document opens without cache or history."""

    def __init__(self, history: History | NullHistory, *, model: str | None = None,
                 thresholds: tuple[float, float] | None = None,
                 tone: ToneModel | None = None, batch_size: int = 256,
                 record_opens: bool = True) -> None:
        self.history = history
        self.model = model
        self.thresholds = thresholds  # (positive from, negative up to); None: VADER's rule
        self.tone = tone
        self.batch_size = batch_size
        self.record_opens = record_opens

    # -- the steps ---------------------------------------------------------------------
    def load(self, path: str | Path) -> Article | Analysis:
        """The document at `path`: the first opener that recognises it decides."""
        p = Path(path)
        for _kind, opener in OPENERS:
            item = opener(p)
            if item is not None:
                return item
        raise AssertionError("the article loader always answers")  # pragma: no cover

    def analysed(self, article: Article, *, progress: ProgressFn | None = None,
                 cancel: CancelToken | None = None) -> Analysis:
        """The cached analysis of this content and pipeline, or a new one (then cached).

        Only analyses of articles loaded here are cached: a reopened annotated copy never
        reaches this step, so a crafted copy cannot stand in for an article."""
        try:
            key = pipeline_key(current_pipeline(self.model))
            cached = self.history.cache_get(article.sha256, key)
        except Exception:  # a cache problem must never stop the analysis
            log.warning("analysis cache unavailable", exc_info=True)
            cached = None
        if cached is not None and cached.text != article.text:
            # Never trust a cache entry over the text actually loaded (entries written
            # by older versions may have come from a crafted annotated copy).
            log.warning("cached analysis of %s does not match its text; re-analysing",
                        article.sha256[:12])
            cached = None
        if cached is not None:
            return cached.with_changes(source=cached.source.__class__(
                article.path, article.sha256, article.format))
        from stance_reader.core.pipeline import analyse

        analysis = analyse(article, progress=progress, cancel=cancel, model=self.model,
                           tone=self.tone, batch_size=self.batch_size)
        try:
            self.history.cache_put(analysis)
        except Exception as exc:
            log.warning("analysis not cached: %s", exc)
        return analysis

    def finish(self, analysis: Analysis, path: str | Path | None, *,
               corrections: bool = True, copy: bool = False) -> OpenedDocument:
        """Replay the stored corrections (unless the analysis carries its own, as an
        annotated copy does), label tones by the person's thresholds, record the open.

        The history entry is the content's; an annotated copy (`copy`) is an entry of its
        own, keyed by its file's bytes, so opening it never replaces its original in Open
        Recent. Its title is the article's, else the file's name."""
        sha = analysis.source.sha256
        entry = (_file_sha256(Path(path)) if copy and path else None) or sha
        title = analysis.title or (Path(path).name if path else None)
        record = None
        try:
            if corrections and not analysis.corrections:
                from stance_reader.core.corrections import replay

                stored = self.history.corrections_for(sha)
                if stored:
                    analysis = replay(analysis, stored)
            if self.record_opens:
                self.history.record_open(entry, str(path) if path else None, title)
            record = self.history.get(entry)
        except Exception as exc:  # the store must never break reading
            log.warning("history unavailable: %s", exc)
        from stance_reader.core.tone import relabel

        if self.thresholds is not None:
            analysis = relabel(analysis, *self.thresholds)
        return OpenedDocument(analysis, record, entry)

    # -- the whole way -----------------------------------------------------------------
    def open(self, path: str | Path, *, corrections: bool = True) -> Analysis:
        """Load, analyse (or reuse) and finish: what the command line and `render` show."""
        item = self.load(path)
        analysis = item if isinstance(item, Analysis) else self.analysed(item)
        return self.finish(analysis, path, corrections=corrections,
                           copy=isinstance(item, Analysis)).analysis

    def add_correction(self, analysis: Analysis, correction: Correction) -> None:
        """Keep a person's correction for this content (raises when the store fails)."""
        self.history.add_correction(analysis.source.sha256, correction)


def _file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes (an annotated copy's own identity), None if unreadable."""
    import hashlib

    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()
