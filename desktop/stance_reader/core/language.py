"""Is this text English? The share of its words that are English function words.

Function words ("the", "of", "and", "said" …) make up about a third of any English
prose and almost none of other languages' (a loan "the" or "is" here and there), so a
small list separates the two without a language-identification model. The analysis
(cue words, the spaCy model) is English-only; other text gets a notice and no speakers.
"""

from __future__ import annotations

import re

from stance_reader.core.notices import Notice

FUNCTION_WORDS = frozenset("""
a about after all also an and are as at be been but by can could did do for from had has
have he her his i if in into is it its more no not of on one or our out said says she so
than that the their them there they this to up was we were what when which who will with
would you
""".split())
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORDS = 30
MIN_SHARE = 0.12
SAMPLE_WORDS = 3000
NOT_ENGLISH = Notice("not-english", "This text does not look like English: the analysis is "
                     "English-only, so no speakers are attributed.")


def looks_english(text: str) -> bool:
    """False only when there are enough words to tell and few are English function words."""
    words = [w.casefold() for w in _WORD.findall(text[:SAMPLE_WORDS * 12])][:SAMPLE_WORDS]
    if len(words) < MIN_WORDS:
        return True
    return sum(w in FUNCTION_WORDS for w in words) / len(words) >= MIN_SHARE
