"""Who may take part, in one plain sentence built from an entry's structured eligibility:

    För vuxna 20–64 år med uppehållstillstånd, under de första 36 månaderna i Sverige.

The text goes through the site's gettext catalogues (theme/translations, Swedish msgids), with plural
forms for months, so it reads right in Swedish, English and Arabic. Who: the age limits choose the noun
(vuxna from 18, barn och unga up to 17, unga across 18, otherwise alla) and gender turns it into kvinnor,
flickor ... Statuses: the three that hold a residence permit together read "med uppehållstillstånd";
otherwise each status has its phrase, joined with "eller" by Babel's list formatting.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from gettext import NullTranslations

from babel.lists import format_list

from insatsbas.i18n import babel_locale
from insatsbas.model import Eligibility, Term

ADULT_AGE = 18
YOUNG_UP_TO = 29
# Every one of these holds a residence permit; together they are "people with a residence permit".
PERMIT_STATUSES = ("uppehallstillstand-etablering", "uppehallstillstand", "anhorig")


def _noun(t: NullTranslations, rule: Eligibility) -> str:
    low, high = rule.min_age, rule.max_age
    if low is not None and low >= ADULT_AGE:
        group = "adults"
    elif high is not None and high < ADULT_AGE:
        group = "children"
    elif low is not None and high is not None and high <= YOUNG_UP_TO:
        group = "young"
    else:
        group = "everyone"
    nouns: dict[tuple[str, str | None], Callable[[], str]] = {
        ("adults", None): lambda: t.gettext("vuxna"),
        ("adults", "women"): lambda: t.gettext("kvinnor"),
        ("adults", "men"): lambda: t.gettext("män"),
        ("children", None): lambda: t.gettext("barn och unga"),
        ("children", "women"): lambda: t.gettext("flickor"),
        ("children", "men"): lambda: t.gettext("pojkar"),
        ("young", None): lambda: t.gettext("unga"),
        ("young", "women"): lambda: t.gettext("flickor och unga kvinnor"),
        ("young", "men"): lambda: t.gettext("pojkar och unga män"),
        ("everyone", None): lambda: t.gettext("alla"),
        ("everyone", "women"): lambda: t.gettext("kvinnor"),
        ("everyone", "men"): lambda: t.gettext("män"),
    }
    return nouns[group, rule.gender]()


def _ages(t: NullTranslations, rule: Eligibility) -> str | None:
    low, high = rule.min_age or None, rule.max_age  # "from 0 years" is no limit
    if low is not None and high is not None:
        return t.gettext("%(low)s–%(high)s år") % {"low": low, "high": high}
    if low is not None:
        return t.gettext("från %(low)s år") % {"low": low}
    if high is not None:
        return t.gettext("upp till %(high)s år") % {"high": high}
    return None


def _status_phrase(t: NullTranslations, slug: str, terms: Mapping[str, Term], lang: str) -> str:
    phrases: dict[str, Callable[[], str]] = {
        "permit": lambda: t.gettext("med uppehållstillstånd"),
        "asylsokande": lambda: t.gettext("som söker asyl"),
        "uppehallstillstand-etablering": lambda: t.gettext("i etableringsprogrammet"),
        "uppehallstillstand": lambda: t.gettext("med uppehållstillstånd efter etableringsprogrammet"),
        "anhorig": lambda: t.gettext("som har kommit hit som anhöriga"),
        "tillfalligt-skydd": lambda: t.gettext("med tillfälligt skydd"),
        "ensamkommande": lambda: t.gettext("som kom hit utan sina föräldrar"),
    }
    if slug in phrases:
        return phrases[slug]()
    # A status added to the vocabulary after this code was written: its label, until it gets a phrase.
    return t.gettext("med status %(status)s") % {"status": terms[slug].label_in(lang).lower()}


def _statuses(t: NullTranslations, statuses: Collection[str], terms: Mapping[str, Term], lang: str) -> str | None:
    if not statuses or set(terms) <= set(statuses):
        return None
    ordered = [slug for slug in terms if slug in statuses]
    if all(slug in ordered for slug in PERMIT_STATUSES):
        first = ordered.index(PERMIT_STATUSES[0])
        ordered = [slug for slug in ordered if slug not in PERMIT_STATUSES]
        ordered.insert(first, "permit")
    phrases = [_status_phrase(t, slug, terms, lang) for slug in ordered]
    return format_list(phrases, style="or", locale=babel_locale(lang))


def _time(t: NullTranslations, rule: Eligibility) -> str | None:
    low = rule.months_in_sweden.min or None  # "from month 0" is no limit
    high = rule.months_in_sweden.max
    if low is not None and high is not None:
        return t.ngettext("när de har varit i Sverige %(low)s–%(num)s månad",
                          "när de har varit i Sverige %(low)s–%(num)s månader", high) % {"low": low, "num": high}
    if high is not None:
        return t.ngettext("under den första månaden i Sverige",
                          "under de första %(num)s månaderna i Sverige", high) % {"num": high}
    if low is not None:
        return t.ngettext("efter den första månaden i Sverige",
                          "efter de första %(num)s månaderna i Sverige", low) % {"num": low}
    return None


def open_to_everyone(rule: Eligibility, terms: Mapping[str, Term]) -> bool:
    """No limit of age, gender, residence status or time in Sweden (listing every status is no limit)."""
    return (not rule.min_age and rule.max_age is None and rule.gender is None
            and not rule.months_in_sweden.min and rule.months_in_sweden.max is None
            and (not rule.residence_status or set(terms) <= set(rule.residence_status)))


def eligibility_sentence(rule: Eligibility, t: NullTranslations, terms: Mapping[str, Term], lang: str) -> str:
    """The sentence in the language of `t` (`lang` for list formatting and vocabulary labels);
    `terms` is the residence-status vocabulary."""
    if open_to_everyone(rule, terms):
        return t.gettext("För alla, oavsett ålder, uppehållsstatus och tid i Sverige.")
    statuses = _statuses(t, rule.residence_status, terms, lang)
    people = " ".join(part for part in (_noun(t, rule), _ages(t, rule), statuses) if part)
    time = _time(t, rule)
    if time:
        people = t.gettext("%(people)s, %(time)s") % {"people": people, "time": time}
    return t.gettext("För %(people)s.") % {"people": people}
