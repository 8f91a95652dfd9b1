"""Relevance judgments for the site's search over the sample catalogue (issue 16): what a newcomer or a
caseworker types, with each plausibly matching entry graded as a caseworker would grade it:

    2  exactly what was asked for
    1  related: worth seeing, but not the answer
    0  anything else (not listed)

Every entry that could plausibly match is judged, not only those today's ranking returns. A query is
typed on the search page of `lang` (/sok/, /en/sok/, /ar/sok/). benchmarks/relevance.py runs them through
the real page and prints nDCG@10 and the rank of the first relevant result; tests/browser/
test_search_relevance.py checks a few of them on every test run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Judged:
    query: str
    grades: dict[str, int]
    lang: str = "sv"
    kind: str = "word"  # word, need (two words), abbreviation, typo, foreign (another language's words)


def graded(exact: Iterable[str], related: Iterable[str] = ()) -> dict[str, int]:
    grades = {entry: 1 for entry in related}
    grades.update({entry: 2 for entry in exact})
    return grades


# --- groups of entries that many queries share ----------------------------------------------------------

SFI = [
    "botkyrka/sfi-kvall-tumba", "botkyrka/sfi-studievag-1", "haninge/sfi-distans", "haninge/sfi-studievag-2",
    "huddinge/sfi-for-akademiker", "huddinge/sfi-studievag-3", "nacka/sfi-barnskotare", "nykvarn/sfi-larcentrum",
    "nynashamn/sfi-nynashamn", "sodertalje/sfi-distans-kvall", "sodertalje/sfi-studievag-1",
    "sodertalje/sfi-yrkessvenska-lager", "sodertalje/sfi-yrkessvenska-vard", "tyreso/sfi-c3l",
    "varmdo/sfi-gustavsberg",
]
SWEDISH_COURSES = [  # learning Swedish, not SFI: study circles, job Swedish
    "abf-sodertorn/prata-svenska-kvallscirkel-handen", "sensus-sodertorn/vardagssvenska-skogas",
    "huddinge/svenska-fran-dag-ett", "arbetsformedlingen/yrkessvenska-restaurang-storkok",
    "arbetsformedlingen/arbetsmarknadsutbildning-lager-logistik",
]
LANGUAGE_CAFES = [
    "botkyrka/sprakcafe-fittja-bibliotek", "botkyrka/sprakcafe-tumba-bibliotek", "haninge/sprakcafe-kulturhuset",
    "huddinge/sprakcafe-flemingsberg-bibliotek", "nacka/sprakcafe-fisksatra-bibliotek",
    "nykvarn/sprakcafe-nykvarn-bibliotek", "nynashamn/sprakcafe-biblioteket", "roda-korset-sodertorn/sprakcafe-gustavsberg",
    "svenska-kyrkan-sodertalje/sprakcafe-sankta-ragnhild", "tyreso/sprakcafe-trollbacken", "varmdo/sprakcafe-kulturhuset",
]
PRACTISING_SWEDISH = [  # other ways to practise Swedish
    "salem/sprakvan", "nacka/sprakpromenader-nyckelviken", "sensus-sodertorn/seniorcirkel-salem",
    "nynashamn/sprakpraktik-kommunen",
]
HOMEWORK = [
    "botkyrka/laxhjalp-alby", "haninge/laxhjalp-jordbro", "huddinge/laxhjalp-skogas",
    "radda-barnen-sodertorn/laxhjalp-tyreso", "roda-korset-sodertorn/laxhjalp-tumba", "salem/laxhjalp-biblioteket",
]
JOB_COACHING = [
    "arbetsformedlingen/introduktionsjobb", "arbetsformedlingen/jobbcoachning-tillfalligt-skydd",
    "arbetsformedlingen/rusta-och-matcha-nynashamn", "haninge/jobbcoachning-nyanlanda", "nacka/ung-framtid",
    "sodertalje/arbetstraning-kommunen", "tyreso/jobbspar-unga", "varmdo/jobbcoachning",
]
WORK_RELATED = [
    "arbetsformedlingen/etableringsprogrammet", "arbetsformedlingen/starta-eget",
    "arbetsformedlingen/validering-vard-och-omsorg", "arbetsformedlingen/arbetsmarknadsutbildning-lager-logistik",
    "arbetsformedlingen/yrkessvenska-restaurang-storkok", "botkyrka/nasta-steg-efter-etablering",
    "huddinge/mentorprogram-akademiker", "roda-korset-sodertorn/mentorprogram-orminge",
    "nynashamn/sprakpraktik-kommunen", "varmdo/ny-i-varmdo-ukraina",
]
WORK_PLACEMENTS = [
    "arbetsformedlingen/rusta-och-matcha-nynashamn", "haninge/jobbcoachning-nyanlanda",
    "nynashamn/sprakpraktik-kommunen", "sodertalje/arbetstraning-kommunen", "tyreso/jobbspar-unga", "nacka/ung-framtid",
]
PARENTING = [
    "botkyrka/foraldraskap-i-sverige", "nacka/foraldragrupp-ukrainska", "radda-barnen-sodertorn/foraldragrupper-hallunda",
    "region-stockholm/foraldragrupper-mvc-bvc-fittja", "sodertalje/foraldrautbildning-ronna",
    "varmdo/foraldragrupp-familjecentralen",
]
FAMILY_RELATED = [
    "huddinge/familjecentral-varby", "nynashamn/oppen-forskola-osmo", "tyreso/oppen-forskola-familjecentralen",
    "forsakringskassan/foraldrapenning-familjecentralen-handen", "radda-barnen-sodertorn/trygga-barn-varby",
    "nacka/samtalsgrupp-barn-flykt",
]
SWIMMING = ["botkyrka/simskola-kvinnor", "ik-sodertorn/simskola-vuxna-sydpoolen", "sodertalje/simundervisning-vuxna"]
HOUSING = ["haninge/bostadsradgivning", "nacka/boendeskola", "tyreso/boskola"]
HOUSING_RELATED = ["forsakringskassan/bostadsbidrag-information-alby", "salem/mottagning-nyanlanda"]
CIVIC_ORIENTATION = [
    "botkyrka/samhallsorientering-modersmal", "nynashamn/samhallsorientering-arabiska-somaliska",
    "sodertalje/samhallsorientering-modersmal", "tyreso/samhallsorientering-ukrainska",
    "varmdo/samhallsorientering-dari-tigrinja",
]
CIVIC_RELATED = ["nacka/samhallsinformation-ukrainska", "nykvarn/integrationsvagledning", "huddinge/halsoskola"]
EMPLOYMENT_SERVICE = [
    "arbetsformedlingen/arbetsmarknadsutbildning-lager-logistik", "arbetsformedlingen/etableringsprogrammet",
    "arbetsformedlingen/introduktionsjobb", "arbetsformedlingen/jobbcoachning-tillfalligt-skydd",
    "arbetsformedlingen/rusta-och-matcha-nynashamn", "arbetsformedlingen/starta-eget",
    "arbetsformedlingen/validering-vard-och-omsorg", "arbetsformedlingen/yrkessvenska-restaurang-storkok",
]
SOCIAL_INSURANCE = [
    "forsakringskassan/bostadsbidrag-information-alby", "forsakringskassan/foraldrapenning-familjecentralen-handen",
    "forsakringskassan/informationsmote-etableringsersattning",
]
TRAUMA = [
    "region-stockholm/traumabehandling-vuxna", "roda-korset-sodertorn/behandlingscenter-krig-och-tortyr",
    "nacka/samtalsgrupp-barn-flykt", "radda-barnen-sodertorn/trygga-barn-varby",
    "region-stockholm/bup-barn-med-flyktbakgrund",
]
STRESS_GROUPS = [
    "haninge/samtalsgrupp-stress-oro", "varmdo/samtalsgrupp-ma-bra", "region-stockholm/aterhamtning-efter-flykt-grupper",
]
UKRAINE = [
    "arbetsformedlingen/jobbcoachning-tillfalligt-skydd", "nacka/foraldragrupp-ukrainska",
    "nacka/samhallsinformation-ukrainska", "tyreso/samhallsorientering-ukrainska", "varmdo/ny-i-varmdo-ukraina",
    "region-stockholm/aterhamtning-efter-flykt-grupper",
]
UNACCOMPANIED = [
    "huddinge/introduktion-ensamkommande", "radda-barnen-sodertorn/stod-ensamkommande-unga",
    "sodertalje/introduktion-ensamkommande",
]
WOMEN_GROUPS = [
    "abf-sodertorn/sycirkel-kvinnor-flemingsberg", "botkyrka/kvinnogrupp-fittja", "nacka/kvinnotraff-orminge",
    "tyreso/kvinnocafe-granangsringen", "sensus-sodertorn/promenadgrupp-kvinnor-fisksatra",
    "sodertalje/halsoskola-kvinnor", "botkyrka/simskola-kvinnor", "ik-sodertorn/fotboll-tjejer-alby",
]
CHILDREN_SPORT = ["huddinge/prova-pa-idrott", "tyreso/prova-pa-idrott", "ik-sodertorn/idrott-for-alla-torvalla"]
CHILDREN_SPORT_RELATED = ["ik-sodertorn/fotboll-tjejer-alby", "botkyrka/sommarlov-unga", "nykvarn/fritidsbanken"]
CYCLING = ["haninge/cykelskola-vuxna", "nynashamn/cykelskola-vuxna"]
MENTORING = ["huddinge/mentorprogram-akademiker", "roda-korset-sodertorn/mentorprogram-orminge"]
DIGITAL_HELP = ["tyreso/digital-vardag-biblioteket", "abf-sodertorn/dator-och-mobil-fittja"]
DEBT = ["salem/budget-och-skuldradgivning", "sodertalje/budget-och-skuldradgivning"]
INTERPRETER = ["region-stockholm/tolk-i-varden-information"]
HANINGE_JOBS = ["haninge/jobbcoachning-nyanlanda", "arbetsformedlingen/introduktionsjobb"]
HANINGE_SFI = ["haninge/sfi-distans", "haninge/sfi-studievag-2"]

JUDGMENTS: tuple[Judged, ...] = (
    # --- Swedish: single words
    Judged("svenska", graded(SFI, SWEDISH_COURSES + LANGUAGE_CAFES + PRACTISING_SWEDISH)),
    Judged("språkcafé", graded(LANGUAGE_CAFES, ["salem/sprakvan"])),
    Judged("läxhjälp", graded(HOMEWORK, ["sodertalje/introduktion-ensamkommande"])),
    Judged("praktik", graded(WORK_PLACEMENTS, ["arbetsformedlingen/yrkessvenska-restaurang-storkok",
                                              "sodertalje/sfi-yrkessvenska-lager", "sodertalje/sfi-yrkessvenska-vard",
                                              "nacka/sfi-barnskotare", "arbetsformedlingen/introduktionsjobb"])),
    Judged("jobb", graded(JOB_COACHING, WORK_RELATED)),
    Judged("föräldrastöd", graded(PARENTING, FAMILY_RELATED)),
    Judged("simskola", graded(SWIMMING, ["botkyrka/sommarlov-unga"])),
    Judged("bostad", graded(HOUSING, HOUSING_RELATED)),
    Judged("samhällsorientering", graded(CIVIC_ORIENTATION, CIVIC_RELATED)),
    Judged("trauma", graded(TRAUMA, STRESS_GROUPS)),
    Judged("ukraina", graded(UKRAINE, ["tyreso/sfi-c3l", "huddinge/svenska-fran-dag-ett"])),
    Judged("ensamkommande", graded(UNACCOMPANIED, ["region-stockholm/bup-barn-med-flyktbakgrund"])),
    Judged("kvinnor", graded(WOMEN_GROUPS, ["ik-sodertorn/simskola-vuxna-sydpoolen", "haninge/cykelskola-vuxna",
                                            "nynashamn/cykelskola-vuxna"])),
    Judged("mentor", graded(MENTORING, ["nacka/ung-framtid", "tyreso/jobbspar-unga",
                                        "sodertalje/introduktion-ensamkommande"])),
    Judged("körkort", graded(["abf-sodertorn/korkortsteori-arabiska-dari"])),
    Judged("skulder", graded(DEBT)),
    Judged("bankid", graded(DIGITAL_HELP, ["botkyrka/medborgarkontor-hallunda"])),
    Judged("tolk", graded(INTERPRETER)),
    Judged("cykla", graded(CYCLING, ["nykvarn/fritidsbanken"])),
    # --- Swedish: two-word needs
    Judged("svenska kurs", graded(SFI, SWEDISH_COURSES), kind="need"),
    Judged("sfi haninge", graded(HANINGE_SFI, ["huddinge/sfi-for-akademiker",
                                               "abf-sodertorn/prata-svenska-kvallscirkel-handen"]), kind="need"),
    Judged("jobb haninge", graded(HANINGE_JOBS, ["arbetsformedlingen/rusta-och-matcha-nynashamn"]), kind="need"),
    Judged("jobb botkyrka", graded(["botkyrka/nasta-steg-efter-etablering"],
                                   ["arbetsformedlingen/arbetsmarknadsutbildning-lager-logistik", "botkyrka/sfi-kvall-tumba"]),
           kind="need"),
    Judged("idrott barn", graded(CHILDREN_SPORT, CHILDREN_SPORT_RELATED), kind="need"),
    Judged("språkcafé nacka", graded(["nacka/sprakcafe-fisksatra-bibliotek"], LANGUAGE_CAFES), kind="need"),
    Judged("läxhjälp tumba", graded(["roda-korset-sodertorn/laxhjalp-tumba"], HOMEWORK), kind="need"),
    # --- abbreviations
    Judged("sfi", graded(SFI, SWEDISH_COURSES), kind="abbreviation"),
    Judged("af", graded(EMPLOYMENT_SERVICE, ["arbetsformedlingen/introduktionsjobb"]), kind="abbreviation"),
    Judged("fk", graded(SOCIAL_INSURANCE), kind="abbreviation"),
    Judged("bup", graded(["region-stockholm/bup-barn-med-flyktbakgrund"], TRAUMA), kind="abbreviation"),
    Judged("cv", graded(JOB_COACHING, MENTORING), kind="abbreviation"),
    Judged("komvux", graded(SFI, ["botkyrka/nasta-steg-efter-etablering"]), kind="abbreviation"),
    Judged("hlr", graded(["roda-korset-sodertorn/forsta-hjalpen-pa-flera-sprak"]), kind="abbreviation"),
    # --- typos
    Judged("svenks", graded(SFI, SWEDISH_COURSES + LANGUAGE_CAFES + PRACTISING_SWEDISH), kind="typo"),
    Judged("praktk", graded(WORK_PLACEMENTS, ["sodertalje/sfi-yrkessvenska-lager", "sodertalje/sfi-yrkessvenska-vard"]),
           kind="typo"),
    Judged("sprakcafe", graded(LANGUAGE_CAFES, ["salem/sprakvan"]), kind="typo"),
    Judged("samhallsorientering", graded(CIVIC_ORIENTATION, CIVIC_RELATED), kind="typo"),
    # --- English words on the Swedish page
    Judged("swedish", graded(SFI, SWEDISH_COURSES + LANGUAGE_CAFES + PRACTISING_SWEDISH), kind="foreign"),
    Judged("swedish course", graded(SFI, SWEDISH_COURSES), kind="foreign"),
    Judged("english course", graded(SFI, SWEDISH_COURSES), kind="foreign"),
    Judged("housing", graded(HOUSING, HOUSING_RELATED), kind="foreign"),
    Judged("swimming", graded(SWIMMING), kind="foreign"),
    # --- the English page
    Judged("swedish course", graded(SFI, SWEDISH_COURSES), lang="en"),
    Judged("job", graded(JOB_COACHING, WORK_RELATED), lang="en"),
    Judged("housing", graded(HOUSING, HOUSING_RELATED), lang="en"),
    Judged("language café", graded(LANGUAGE_CAFES, ["salem/sprakvan"]), lang="en"),
    Judged("parenting", graded(PARENTING, FAMILY_RELATED), lang="en"),
    # --- the Arabic page
    Judged("اللغة السويدية", graded(SFI, SWEDISH_COURSES + LANGUAGE_CAFES), lang="ar"),
    Judged("عمل", graded(JOB_COACHING, WORK_RELATED), lang="ar"),
    Judged("سكن", graded(HOUSING, HOUSING_RELATED), lang="ar"),
    Judged("sfi", graded(SFI, SWEDISH_COURSES), lang="ar", kind="abbreviation"),
)


def dcg(gains: Sequence[int]) -> float:
    return sum((2 ** gain - 1) / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg(ranked: Sequence[str], grades: dict[str, int], k: int = 10) -> float:
    """nDCG@k of the ranked entry ids against the graded judgments (exponential gain)."""
    ideal = dcg(sorted(grades.values(), reverse=True)[:k])
    return dcg([grades.get(entry, 0) for entry in ranked[:k]]) / ideal if ideal else 0.0


def first_relevant(ranked: Sequence[str], grades: dict[str, int]) -> int | None:
    """The rank (from 1) of the first result graded 1 or 2, or None when none is among `ranked`."""
    return next((rank for rank, entry in enumerate(ranked, 1) if grades.get(entry, 0) > 0), None)
