"""Reporting cues: the verbs and phrases that introduce what someone said or thought.

Word forms are listed (not lemmatised at run time) so the pipeline can run without
spaCy's lemmatizer.
"""

from __future__ import annotations

import re

# Verbs that report an utterance: they may introduce direct and reported speech.
SPEECH_VERBS = (
    "say tell state add warn claim argue explain note announce insist write report declare "
    "acknowledge admit deny reply respond remark comment ask urge suggest predict promise "
    "confirm reveal assert contend allege tweet post testify recall conclude "
    "describe call accuse criticize criticise praise complain observe emphasize "
    "emphasise stress caution boast vow pledge concede counter quip joke shout recount "
    "repeat whisper demand propose speak tout dismiss blast slam threaten mention "
    "lament question charge insist advise inform assure reiterate affirm retort agree "
    "disclose divulge refer label dub brand nickname mock chant deride hail decry "
    "condemn denounce applaud welcome sing declare implore blurt email e-mail echo "
    "thank liken put"
).split()
# Verbs that introduce a quotation but, on their own, are too common to mark reported
# speech ("her pleading with officers", "does not answer whether").
QUOTE_VERBS = (
    "answer echo exclaim interject muse yell scream cry plead beg mutter brag confide gush "
    "marvel scoff snap snipe vent fume rail thunder chant shout continue maintain read "
    "talk brush decline express take"
).split()

# Cue verbs that report speech only with a given word beside them: "took aim at",
# "brushed off", "talked about", "declined to comment", "expressed concern". The verb
# maps to the words, one of which must be its particle, preposition or object.
PHRASAL_CUES: dict[str, frozenset[str]] = {
    "take": frozenset({"aim"}),
    "brush": frozenset({"off", "aside"}),
    "talk": frozenset({"about", "of"}),
    "decline": frozenset({"comment", "say", "elaborate", "discuss"}),
    "put": frozenset({"it"}),  # "as Simonyan put it, …" (with "as": MARKED_CUES)
    "express": frozenset({"concern", "concerns", "frustration", "doubt", "doubts", "hope",
                          "support", "opposition", "regret", "confidence", "disappointment",
                          "anger", "surprise", "sympathy", "condolences", "gratitude"}),
}
# Phrasal cues that report speech only in a comparison clause: "as X put it", "how X put
# it" — "she put it on the table" reports nothing.
MARKED_CUES: dict[str, frozenset[str]] = {
    "put": frozenset({"as", "how"}),
}
# Senses of speech verbs that report no speech: "added a goal", "the index added 0.3 %",
# "reported a profit", "called in", "told CNN" with nothing told. Verb -> objects or
# particles that make it a non-speech use.
NON_SPEECH_OBJECTS: dict[str, frozenset[str]] = {
    "add": frozenset({"goal", "goals", "point", "points", "run", "runs", "percent", "%",
                      "touchdown", "touchdowns", "jobs", "job", "assist", "assists", "yards",
                      "shares", "cents", "weight", "pounds", "layer", "fuel", "insult",
                      "value", "billion", "million"}),
    "report": frozenset({"profit", "profits", "loss", "losses", "earnings", "revenue",
                         "revenues", "sales", "income", "growth", "decline", "increase",
                         "cases", "deaths", "gain", "gains", "quarter", "results"}),
    "call": frozenset({"in", "off", "up", "back", "out", "meeting", "election", "vote",
                       "strike", "timeout", "police", "911"}),
    "post": frozenset({"bail", "gain", "gains", "loss", "losses", "profit", "record",
                       "win", "time"}),
    "score": frozenset(),
}
# Cue verbs whose passive reports nothing said or thought: "known as", "charged with a
# crime", "the holiday is observed", "refugees were admitted", "is intended to".
NOT_REPORTING_PASSIVES = frozenset((
    "known charged observed admitted intended worried concerned posted assured found "
    "shown decided planned seen"
).split())

# Verbs that report a belief, finding or intention: reported speech only, never a cue for
# a direct quotation.
THOUGHT_VERBS = (
    "believe think know learn find show feel hope fear expect want estimate speculate "
    "worry guess doubt wonder suspect consider reckon understand realize realise "
    "conclude decide plan intend recognize recognise insist suggest indicate signal"
).split()

# Verbs of stance and reference whose object is what the source put forward: "Clinton
# cited …", "Trump attacked …", "The paper endorsed …". PolNeAR counts these as
# attributions; they are reported (never cues for a direct quotation).
ACT_VERBS = (
    "cite mention attack question criticize criticise praise back endorse support "
    "accuse reference detail deny reject oppose dispute promote blame slam mock tout "
    "highlight urge propose unveil tweet retweet post dismiss challenge "
    "condemn denounce applaud welcome hail decry push demand insist argue admit concede "
    "describe refer recommend predict estimate forecast "
    "favor favour prefer disapprove approve"
).split()

# Nouns that report what someone said or holds when a "that" clause follows: "his claim
# that …", "the Times report that …", "a warning from the agency that …".
SPEECH_NOUNS = frozenset((
    "claim claims statement statements report reports charge charges allegation "
    "allegations assertion assertions argument arguments belief beliefs view views promise "
    "promises warning warnings suggestion suggestions comment comments remark remarks "
    "insistence accusation accusations announcement announcements pledge pledges prediction "
    "predictions conclusion conclusions finding findings admission acknowledgment "
    "acknowledgement contention notion idea fear fears hope hopes"
).split())

# Head nouns of phrases that can hold a belief or take a stand ("officials believe", "the
# poll shows"): a belief or act with any other common-noun subject is not an attribution.
AGENT_NOUNS = frozenset((
    "official officials spokesman spokeswoman spokesperson source sources critic critics "
    "lawmaker lawmakers senator senators congressman congresswoman representative campaign "
    "committee aide aides adviser advisers advisor advisors analyst analysts expert experts "
    "economist economists poll polls survey surveys report reports study studies statement "
    "ad ads video letter candidate candidates nominee voter voters supporter supporters "
    "democrat democrats republican republicans president governor leader leaders people "
    "residents activist activists group groups organization organisation agency department "
    "ministry government administration court judge prosecutor prosecutors police lawyer "
    "lawyers attorney attorneys company companies firm bank paper newspaper network website "
    "editorial editorials board researcher researchers scientist scientists doctor doctors "
    "official's advocate advocates opponent opponents member members party parties union "
    "officer officers investigator investigators authorities authority administration's "
    "white house pentagon spokesmen staff staffer staffers member executive executives "
    "chairman ceo founder director manager secretary minister mayor ambassador observers "
    "commentator commentators pundit pundits columnist reporter reporters journalist "
    "journalists author authors writer writers memo document documents filing filings tweet "
    "tweets post posts book article story op-ed speech remarks interview "
    "man men woman women person persons citizen citizens american americans family "
    "families parent parents student students worker workers employee employees judge "
    "judges state states city cities country countries nation nations panel commission "
    "council research data figures records slide chart analysis polling average averages "
    "side team coalition alliance regulator regulators environmentalist environmentalists "
    "conservative conservatives liberal liberals progressive progressives evangelical "
    "evangelicals teams industry lobby"
).split())

# Words for a share of people that hold a view as a group: "a majority of voters expect",
# "twelve percent indicated", "others believe".
GROUP_WORDS = frozenset((
    "majority minority plurality percent share half most many some others everyone "
    "everybody nobody few several all none both each one"
).split())
# Endings of plural nouns for people by what they do or are ("environmentalists",
# "regulators", "peacekeepers", "Republicans"), for subjects not in AGENT_NOUNS.
AGENT_ENDINGS = ("ists", "ians", "ers", "ors", "ents", "ants", "ees", "ics")
# Plural nouns with those endings that are things, not people.
NOT_AGENTS = frozenset((
    "numbers orders papers letters waters factors doors floors documents components "
    "comments statements elements events moments percents payments investments "
    "governments instruments arguments agreements rents cents talents ants plants "
    "grants chants fees trees matters others layers powers towers corners borders "
    "offers answers centers computers markets rumors errors sectors "
    "colors mirrors motors"
).split())

IRREGULAR = {
    "say": ["said", "says", "saying", "say"],
    "tell": ["told", "tells", "telling", "tell"],
    "write": ["wrote", "writes", "writing", "written", "write"],
    "speak": ["spoke", "spoken", "speaks", "speaking", "speak"],
    "know": ["knew", "known", "knows", "knowing", "know"],
    "think": ["thought", "thinks", "thinking", "think"],
    "feel": ["felt", "feels", "feeling", "feel"],
    "find": ["found", "finds", "finding", "find"],
    "show": ["showed", "shown", "shows", "showing", "show"],
    "understand": ["understood", "understands", "understanding", "understand"],
    "learn": ["learned", "learnt", "learns", "learning", "learn"],
    "see": ["saw", "seen", "sees", "seeing", "see"],
    "read": ["read", "reads", "reading"],
    "take": ["took", "taken", "takes", "taking", "take"],
    "swear": ["swore", "sworn", "swears", "swear"],
}


def _inflect(verb: str) -> list[str]:
    if verb in IRREGULAR:
        return IRREGULAR[verb]
    forms = [verb]
    if verb.endswith("e"):
        forms += [verb + "s", verb + "d", verb[:-1] + "ing"]
    elif verb.endswith("y") and verb[-2] not in "aeiou":
        forms += [verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"]
    elif verb.endswith(("s", "sh", "ch", "x")):
        forms += [verb + "es", verb + "ed", verb + "ing"]
    else:
        forms += [verb + "s", verb + "ed", verb + "ing"]
        if (len(verb) >= 3 and verb[-1] in "tpgnm" and verb[-2] in "aeiou"
                and verb[-3] not in "aeiou" and verb not in ("visit", "edit", "limit")):
            d = verb + verb[-1]
            forms += [d + "ed", d + "ing"]
    return forms


SPEECH_FORMS: frozenset[str] = frozenset(f for v in SPEECH_VERBS for f in _inflect(v))
PHRASAL_FORMS: dict[str, frozenset[str]] = {
    f: words for v, words in PHRASAL_CUES.items() for f in _inflect(v)}
MARKED_FORMS: dict[str, frozenset[str]] = {
    f: words for v, words in MARKED_CUES.items() for f in _inflect(v)}
NON_SPEECH_FORMS: dict[str, frozenset[str]] = {
    f: words for v, words in NON_SPEECH_OBJECTS.items() for f in _inflect(v)}
THOUGHT_FORMS: frozenset[str] = frozenset(f for v in THOUGHT_VERBS for f in _inflect(v))
QUOTE_FORMS: frozenset[str] = SPEECH_FORMS | frozenset(f for v in QUOTE_VERBS for f in _inflect(v))
ACT_FORMS: frozenset[str] = frozenset(f for v in ACT_VERBS for f in _inflect(v))
ALL_FORMS = QUOTE_FORMS | THOUGHT_FORMS | ACT_FORMS

# A cheap pre-filter over raw paragraph text: does it contain anything that could be a
# cue or a quotation? Paragraphs without one skip the dependency parse.
_CUE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(ALL_FORMS, key=len, reverse=True)) + r"|according)\b",
    re.IGNORECASE)
QUOTE_MARK_RE = re.compile(r"[\"“”„«»‹›「」『』]|(?<![A-Za-z])['‘’](?=[A-Za-z])")


def may_attribute(paragraph: str) -> bool:
    """True when a paragraph has a quotation mark or a possible cue word."""
    return bool(QUOTE_MARK_RE.search(paragraph) or _CUE_RE.search(paragraph))
