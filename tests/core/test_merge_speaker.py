"""Merging one speaker into another is a correction: kept, replayed, exported."""

from __future__ import annotations

import pytest

from stance_reader.core import corrections
from stance_reader.core.analysis import Analysis

pytestmark = pytest.mark.model


def test_merge_moves_quotes_reported_and_mentions_and_replays(sample_analysis) -> None:  # type: ignore[no-untyped-def]
    a = sample_analysis
    chiu = next(s for s in a.speakers if s.name == "Chiu Kuo-cheng")
    tan = next(s for s in a.speakers if s.name == "Tan Kefei")
    quoted = sum(q.speaker in (chiu.id, tan.id) for q in a.quotes)
    merged = corrections.merge_speaker(a, tan.id, chiu.id)
    assert merged.speaker_by_id(tan.id) is None
    into = merged.speaker_by_id(chiu.id)
    assert "Tan Kefei" in into.aliases
    assert len(into.mentions) == len(chiu.mentions) + len(tan.mentions)
    assert sum(q.speaker == chiu.id for q in merged.quotes) == quoted
    assert not any(x.speaker == tan.id for x in (*merged.quotes, *merged.reported))
    last = merged.corrections[-1]
    assert (last.field, last.target, last.new) == ("speaker_merge", tan.id, chiu.id)
    again = corrections.replay(a, merged.corrections)
    assert again.to_dict()["quotes"] == merged.to_dict()["quotes"]
    assert Analysis.from_dict(merged.to_dict()).corrections[-1].field == "speaker_merge"
    with pytest.raises(KeyError):
        corrections.merge_speaker(a, chiu.id, chiu.id)
