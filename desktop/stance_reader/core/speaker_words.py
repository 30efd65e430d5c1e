"""Word lists for speaker resolution: titles, roles, documents, gendered words, first names.

Data only, named once here, so the rules in `resolution.py` and `names.py` read as rules.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

# Titles before a name that tell the person's gender.
MALE_TITLES = frozenset("mr mr. sir king prince lord father brother monsieur herr".split())
FEMALE_TITLES = frozenset("ms ms. mrs mrs. miss madam queen princess lady sister dame".split())

# Words that can stand before a name but are not part of it: titles, offices, rankings,
# team and position jargon ("Sen.", "Gov.", "Browns DL", "14th-ranked").
TITLES = frozenset((
    "president vice mr mr. mrs mrs. ms ms. miss dr dr. sen sen. senator rep rep. "
    "representative gov gov. governor secretary minister prime premier chancellor "
    "spokesman spokeswoman spokesperson judge justice general gen gen. admiral adm adm. "
    "chairman chairwoman chair ceo cfo coo pope king queen prince princess sir lord lady rev "
    "rev. reverend professor prof prof. former late mayor ambassador attorney "
    "candidate nominee leader speaker sheikh chief deputy commissioner director "
    "officer lt lt. col col. capt capt. sgt sgt. coach defense defence foreign "
    "interior finance health state party republican democratic democrat gop "
    "presidential u.s. us american chinese det det. insp insp. supt supt. cmdr cmdr. "
    "maj maj. pvt pvt. cpl cpl. amb amb. atty atty. gov.-elect sen.-elect "
    "quarterback linebacker striker midfielder defender goalkeeper forward guard center "
    "pitcher catcher outfielder infielder receiver tackle end safety cornerback manager "
    "owner founder executive analyst economist activist actor actress singer rapper "
    "author writer reporter journalist columnist editor anchor host star player "
    "rookie veteran captain skipper no no. world seed top-seeded unseeded "
    "dl ol qb rb wr te lb cb fs ss de dt mlb olb k p lhp rhp sp rp"
).split())

# Roles that name one person: "the minister", "the 26-year-old", "the Indiana governor".
PERSON_ROLES = frozenset((
    "president minister premier chancellor governor senator congressman congresswoman "
    "representative mayor secretary ambassador nominee candidate spokesman spokeswoman "
    "spokesperson chairman chairwoman chair ceo executive founder director manager coach "
    "judge justice prosecutor attorney lawyer official officer commissioner sheriff chief "
    "leader lawmaker businessman businesswoman mogul billionaire millionaire tycoon actor "
    "actress singer star player rookie veteran striker quarterback pitcher champion "
    "author writer reporter journalist columnist editor host anchor analyst economist "
    "professor scientist researcher doctor physician activist pastor priest bishop pope "
    "king queen prince princess father mother son daughter husband wife brother sister "
    "man woman boy girl teenager student teacher resident owner driver victim suspect "
    "former incumbent challenger frontrunner front-runner republican democrat "
    "year-old aide adviser advisor strategist organizer organiser pollster general admiral "
    "colonel captain sergeant lieutenant detective inspector superintendent"
).split())
# Roles that name one organisation: "the company", "the utility", "the commission".
ORG_ROLES = frozenset((
    "company firm corporation utility bank agency commission committee council department "
    "ministry government administration campaign party newspaper paper network broadcaster "
    "channel station magazine outlet website site union league club team group organization "
    "organisation foundation charity institute university college school hospital court "
    "board city state county town village country nation police army military navy "
    "insurer lender retailer carrier airline automaker manufacturer startup studio "
    "publisher label watchdog regulator authority office bureau service center centre "
    "association coalition alliance caucus federation"
).split())
# Things that carry words without being the person who chose them: the author they name
# is the speaker ("her statement read", "a release from X said"), else they are.
DOCUMENT_NOUNS = frozenset((
    "statement report study poll survey letter memo memorandum release press-release ad "
    "advertisement commercial video clip spot tweet post email e-mail message note filing "
    "complaint lawsuit suit motion ruling decision order opinion editorial op-ed column "
    "article story piece book document documents records transcript analysis review audit "
    "investigation findings paper brief proposal plan bill law policy website page "
    "announcement notice warning guidance guidelines data figures estimate estimates "
    "forecast projection campaign-ad film documentary broadcast interview speech remarks "
    "testimony petition resolution platform manifesto"
).split())
# Gendered role nouns: evidence of gender for the entity they describe.
MALE_NOUNS = frozenset(
    "spokesman chairman congressman businessman father son husband brother man boy king "
    "prince actor uncle nephew grandfather".split())
FEMALE_NOUNS = frozenset(
    "spokeswoman chairwoman congresswoman businesswoman mother daughter wife sister woman "
    "girl queen princess actress aunt niece grandmother".split())
# Words that make a capitalised phrase an organisation whatever the tagger says.
ORG_WORDS = frozenset((
    "inc inc. corp corp. co co. ltd ltd. llc plc party committee department ministry "
    "university college association council commission agency bank group company network "
    "institute foundation center centre office court police news times post journal "
    "tribune herald press media campaign administration government board union league "
    "club fund bureau service services house senate congress parliament assembly "
    "coalition alliance caucus federation organization organisation society church "
    "airlines airways motors systems technologies labs studios records"
).split())
# Words, at the start of a subject, that stand for an unnamed other source ("said another").
OTHER_SOURCE_WORDS = frozenset("another one others some many several few both".split())


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name -> "male" | "female", for names one sex holds >= 90 % of (1990 US Census)."""
    table: dict[str, str] = {}
    text = resources.files("stance_reader.data").joinpath("first_names.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, gender = line.partition("\t")
            table[name] = gender
    return table


def gender_of_first_name(word: str) -> str | None:
    return first_names().get(word.strip(".").title())

# Words that make a different office of the role after them ("Vice President").
RANK_MODIFIERS = frozenset(("vice", "deputy", "assistant", "associate", "lieutenant", "under",
                            "acting"))

# Nouns that report words: "Trump's claim that there were “thousands of shootings”", "his
# description of the plan as “a disaster”". Their possessor is the speaker.
SPEECH_NOUNS = frozenset((
    "claim claims statement statements remark remarks comment comments words assertion "
    "assertions description characterization characterisation promise promises pledge "
    "vow warning warnings accusation accusations allegation allegations charge prediction "
    "insistence argument arguments suggestion call calls demand demands question questions "
    "answer response reply retort quip joke boast complaint criticism praise admission "
    "denial declaration announcement explanation insistence tweet tweets post posts "
    "speech interview testimony missive letter message"
).split())

# Abbreviated titles, for matching a role written before a name with a description.
ROLE_ABBREVIATIONS = {
    "gov": "governor", "sen": "senator", "rep": "representative", "gen": "general",
    "adm": "admiral", "lt": "lieutenant", "col": "colonel", "capt": "captain",
    "sgt": "sergeant", "prof": "professor", "dr": "doctor", "atty": "attorney",
    "supt": "superintendent", "insp": "inspector", "det": "detective", "amb": "ambassador",
    "pres": "president", "sec": "secretary", "cmdr": "commander", "maj": "major",
    "justice": "judge",  # "Supreme Court Justice Frank Nervo" ... "the judge"
}


# Heads of noun phrases that never speak, seen as junk voices on real pages ("temperatures
# said to reach", "an intense experience", "the basis"): abstractions, quantities, body
# parts, weather. A description with one of these heads is no voice.
NOT_SOURCE_HEADS = frozenset((
    "temperature temperatures weather rain snow wind experience experiences idea ideas "
    "example examples basis time times decision decisions behavior behaviour "
    "implementation case cases method methods equation equations brain brains eyes eye "
    "heart mind factor factors way ways thing things fact facts percentage level "
    "levels rate rates price prices cost costs value values amount amounts thickness "
    "density weight height size stakes chance chances problem problems issue issues "
    "question questions situation reason reasons everything anything nothing something"
).split())
