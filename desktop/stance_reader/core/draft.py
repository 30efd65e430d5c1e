"""The analysis in progress: what one step hands the next, before it is an `Analysis`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from stance_reader.core.analysis import AttributionKind, Offsets, QuoteKind, Speaker, Tone
from stance_reader.core.article import Article
from stance_reader.core.attribution import Attribution
from stance_reader.core.mentions import Mention
from stance_reader.core.quotes import QuoteSpan
from stance_reader.core.resolution import Resolver
from stance_reader.core.types import CancelToken, ProgressFn

if TYPE_CHECKING:
    from spacy.language import Language


class ToneModel(Protocol):
    def score(self, text: str) -> Tone: ...
    def toward(self, text: str, start: int, end: int) -> Tone: ...


@dataclass(slots=True)
class DraftItem:
    """A quotation or reported sentence on its way to the Analysis."""

    start: int
    end: int
    paragraph: int
    attribution: Attribution | None
    span: QuoteSpan | None = None
    entity: int | None = None  # index into the resolver's entities
    source: Mention | None = None  # the words that name the speaker
    how: AttributionKind = "none"
    kind: QuoteKind = "direct"

    @property
    def named(self) -> bool:
        """A speaker, or at least the words that name one."""
        return self.entity is not None or self.source is not None


@dataclass(slots=True)
class Draft:
    """Everything the steps of `pipeline.analyse` read and write, in one place."""

    article: Article
    nlp: Language
    tone: ToneModel
    progress: ProgressFn
    cancel: CancelToken | None
    batch_size: int
    quoted: dict[int, list[QuoteSpan]] = field(default_factory=dict)  # by paragraph
    docs: list[Any] = field(default_factory=list)  # one spaCy Doc per paragraph
    quotes: list[DraftItem] = field(default_factory=list)
    reported: list[DraftItem] = field(default_factory=list)
    intros: list[DraftItem] = field(default_factory=list)  # paragraphs ending "X said:"
    entities: list[Mention] = field(default_factory=list)
    sentence_starts: list[int] = field(default_factory=list)
    resolver: Resolver = field(default_factory=Resolver)
    speakers: tuple[Speaker, ...] = ()
    ids: dict[int, str] = field(default_factory=dict)  # entity index -> speaker id

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def paragraphs(self) -> tuple[Offsets, ...]:
        return self.article.paragraphs

    def check_cancel(self) -> None:
        if self.cancel is not None:
            self.cancel.raise_if_cancelled()
