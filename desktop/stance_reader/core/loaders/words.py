"""English words known to the installed spaCy model (its string store, about 85,000
forms seen in training), read from the model's files without loading the pipeline.

Used to decide whether a line-end hyphen splits one word ("de-⏎fence") or joins two
("neo-⏎Nazis"). Empty when no model is installed: then hyphens are kept.
"""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from stance_reader.core.nlp import MODEL_PREFERENCE


@functools.lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    for name in MODEL_PREFERENCE:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            for strings in sorted(Path(folder).glob("*/vocab/strings.json")):
                try:
                    forms = json.loads(strings.read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    continue
                return frozenset(s.casefold() for s in forms
                                 if isinstance(s, str) and s.isalpha())
    return frozenset()


def is_word(word: str, document_words: frozenset[str] = frozenset()) -> bool:
    """True when `word` is an English word or is written unbroken elsewhere in the text."""
    w = word.casefold()
    return w in document_words or w in known_words()
