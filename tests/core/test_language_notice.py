"""Text that is not English: a notice on the article and the analysis (window status and
command-line warning), quotations shown, and no speakers guessed by the English model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from stance_reader.core.analysis import Analysis
from stance_reader.core.language import looks_english
from stance_reader.core.loaders import load_bytes

FRENCH = ("Le gouvernement a présenté mardi son projet de budget pour l'année prochaine, "
          "après plusieurs semaines de négociations avec les syndicats et les élus locaux.\n\n"
          "« Nous ne reculerons pas sur cette réforme », a déclaré Marie Dupont devant les "
          "journalistes réunis à Paris. « C'est une question de justice », a-t-elle ajouté.\n\n"
          "L'opposition a dénoncé un texte injuste qui pèsera sur les familles modestes.")
ENGLISH = ("The government presented its budget for next year on Tuesday, after weeks of "
           "talks with the unions and local officials.\n\n“We will not back down on this "
           "reform,” Maria Lopez told reporters in Paris. “It is a question of fairness,” "
           "she added.\n\nThe opposition called the plan unfair to families on low incomes.")


def test_language_is_told_from_function_words() -> None:
    assert looks_english(ENGLISH)
    assert not looks_english(FRENCH)
    assert looks_english("Breaking: Paris.")  # too short to tell: no false alarm


def test_article_in_french_carries_a_notice() -> None:
    article = load_bytes(FRENCH.encode(), "budget.txt")
    assert article.language == "other"
    assert [n.kind for n in article.notices] == ["not-english"]
    assert "English-only" in article.notices[0].message
    assert load_bytes(ENGLISH.encode(), "budget.txt").notices == ()


@pytest.mark.model
def test_french_article_gets_quotations_but_no_speakers(nlp) -> None:  # type: ignore[no-untyped-def]
    from stance_reader.core.pipeline import analyse

    analysis = analyse(load_bytes(FRENCH.encode(), "budget.txt"), nlp=nlp)
    assert len(analysis.quotes) >= 2
    assert analysis.speakers == ()
    assert [n.kind for n in analysis.notices] == ["not-english"]
    again = Analysis.from_dict(analysis.to_dict())
    assert again.notices == analysis.notices


@pytest.mark.model
def test_command_line_warns_on_stderr(tmp_path: Path) -> None:
    src = tmp_path / "budget.txt"
    src.write_text(FRENCH, encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "stance_reader", "annotate", str(src), "-o",
                          str(tmp_path / "out.html")], capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert "warning" in out.stderr and "English-only" in out.stderr
