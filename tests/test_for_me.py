"""Eligibility on the site: the bands that make /for-mig/'s static filter queries exact, the plain sentence
on entry pages in three languages, and the /for-mig/ page as built files. The browser tests in
tests/browser/test_for_me.py run the page against the independent rule."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from insatsbas.i18n import translations
from insatsbas.model import Eligibility, MonthsInSweden, Term
from insatsbas.reader import load_catalogue
from insatsbas.site import TRANSLATIONS_DIR
from insatsbas.site.eligibility import (
    Band,
    EligibilityScales,
    age_values,
    band_of,
    cut_into_bands,
    months_values,
    status_values,
)
from insatsbas.site.eligibility_text import eligibility_sentence
from tests.conftest import SAMPLE, TODAY


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(SAMPLE, today=TODAY)


@pytest.fixture(scope="module")
def statuses(catalogue):
    return catalogue.vocabularies.residence_status


# --- bands ---------------------------------------------------------------------------------------


def test_bands_are_cut_at_every_lower_limit_and_after_every_upper_limit():
    bands = cut_into_bands([18, 16, None, 18], [64, None, 17])
    assert bands == (Band(0, 15), Band(16, 17), Band(18, 64), Band(65, None))
    assert [band.value for band in bands] == ["0-15", "16-17", "18-64", "65-"]


def test_no_limits_give_one_band_from_zero():
    assert cut_into_bands([None], [None]) == (Band(0, None),)


def accepts(low: int | None, high: int | None, number: int) -> bool:
    return (low is None or number >= low) and (high is None or number <= high)


def test_the_band_of_a_whole_number_answers_exactly_for_every_entry_of_the_sample(catalogue):
    published = list(catalogue.published())
    scales = EligibilityScales.of(catalogue.vocabularies.residence_status, published)
    assert len(scales.ages) < 40 and len(scales.months) < 10
    for entry in published:
        rule = entry.eligibility
        ages, months = set(age_values(entry, scales)), set(months_values(entry, scales))
        for age in range(131):
            assert (band_of(scales.ages, age).value in ages) == accepts(rule.min_age, rule.max_age, age), (entry.id, age)
        for month in range(241):
            expected = accepts(rule.months_in_sweden.min, rule.months_in_sweden.max, month)
            assert (band_of(scales.months, month).value in months) == expected, (entry.id, month)


def test_bands_cover_every_whole_number_once():
    bands = cut_into_bands([3, 7, 20], [9, 40])
    for number in range(200):
        assert sum(band.contains(number) for band in bands) == 1


def test_residence_status_filter_lists_every_status_when_none_is_required_and_none_while_paused(catalogue):
    published = list(catalogue.published())
    scales = EligibilityScales.of(catalogue.vocabularies.residence_status, published)
    open_entry = next(e for e in published if e.status == "active" and not e.eligibility.residence_status)
    limited = next(e for e in published if e.status == "active" and e.eligibility.residence_status == ("asylsokande",))
    paused = next(e for e in published if e.status == "paused")
    assert status_values(open_entry, scales) == tuple(catalogue.vocabularies.residence_status)
    assert status_values(limited, scales) == ("asylsokande",)
    assert status_values(paused, scales) == ()


# --- the sentence ---------------------------------------------------------------------------------

PERMIT = ("uppehallstillstand-etablering", "uppehallstillstand", "anhorig")


def sentence(rule: Eligibility, lang: str, statuses) -> str:
    return eligibility_sentence(rule, translations(lang, TRANSLATIONS_DIR, "messages"), statuses, lang)


def rule(**fields) -> Eligibility:
    months = MonthsInSweden(min=fields.pop("months_min", None), max=fields.pop("months_max", None))
    return Eligibility(months_in_sweden=months, **fields)


@pytest.mark.parametrize(("fields", "sv", "en", "ar"), [
    (dict(min_age=20, max_age=64, residence_status=PERMIT, months_max=36),
     "För vuxna 20–64 år med uppehållstillstånd, under de första 36 månaderna i Sverige.",
     "For adults aged 20–64 with a residence permit, during their first 36 months in Sweden.",
     "تستهدف البالغين في سن 20–64 ممن لديهم تصريح إقامة، خلال أول 36 شهراً في السويد."),
    (dict(),
     "För alla, oavsett ålder, uppehållsstatus och tid i Sverige.",
     "For everyone, whatever their age, residence status and time in Sweden.",
     "للجميع، بغض النظر عن العمر ووضع الإقامة ومدة الوجود في السويد."),
    (dict(min_age=18, gender="women"),
     "För kvinnor från 18 år.", "For women aged 18 and over.", "تستهدف النساء من سن 18 فما فوق."),
    (dict(min_age=9, max_age=16, gender="women"),
     "För flickor 9–16 år.", "For girls aged 9–16.", "تستهدف الفتيات في سن 9–16."),
    (dict(min_age=16, max_age=24),
     "För unga 16–24 år.", "For young people aged 16–24.", "تستهدف الشباب في سن 16–24."),
    (dict(gender="men"), "För män.", "For men.", "تستهدف الرجال."),
    (dict(max_age=17, residence_status=("ensamkommande",)),
     "För barn och unga upp till 17 år som kom hit utan sina föräldrar.",
     "For children and young people aged up to 17 who came here without their parents.",
     "تستهدف الأطفال والشباب حتى سن 17 ممن قدموا إلى هنا دون والديهم."),
    (dict(residence_status=("asylsokande", "ensamkommande")),
     "För alla som söker asyl eller som kom hit utan sina föräldrar.",
     "For everyone seeking asylum or who came here without their parents.",
     "تستهدف الجميع ممن يطلبون اللجوء أو ممن قدموا إلى هنا دون والديهم."),
    (dict(residence_status=(*PERMIT, "tillfalligt-skydd"), min_age=18),
     "För vuxna från 18 år med uppehållstillstånd eller med tillfälligt skydd.",
     "For adults aged 18 and over with a residence permit or with temporary protection.",
     "تستهدف البالغين من سن 18 فما فوق ممن لديهم تصريح إقامة أو ممن لديهم حماية مؤقتة."),
    (dict(residence_status=("uppehallstillstand-etablering", "anhorig")),
     "För alla i etableringsprogrammet eller som har kommit hit som anhöriga.",
     "For everyone in the establishment programme or who came here as family members.",
     "تستهدف الجميع ممن يشاركون في برنامج التأسيس أو ممن قدموا إلى هنا للمّ شمل الأسرة."),
    (dict(months_min=18, months_max=36, min_age=20),
     "För vuxna från 20 år, när de har varit i Sverige 18–36 månader.",
     "For adults aged 20 and over, when they have been in Sweden for 18–36 months.",
     "تستهدف البالغين من سن 20 فما فوق، بعد مرور 18–36 شهراً على وجودهم في السويد."),
    (dict(months_min=24),
     "För alla, efter de första 24 månaderna i Sverige.",
     "For everyone, after their first 24 months in Sweden.",
     "تستهدف الجميع، بعد أول 24 شهراً في السويد."),
    (dict(min_age=7, max_age=15, months_max=1),
     "För barn och unga 7–15 år, under den första månaden i Sverige.",
     "For children and young people aged 7–15, during their first month in Sweden.",
     "تستهدف الأطفال والشباب في سن 7–15، خلال الشهر الأول في السويد."),
], ids=["permit-adults-36-months", "no-limits", "women", "girls", "young", "men", "unaccompanied-minors",
        "two-statuses", "permit-or-protection", "programme-or-family", "months-range", "months-min",
        "one-month"])
def test_the_eligibility_sentence_in_three_languages(statuses, fields, sv, en, ar):
    built = rule(**fields)
    assert sentence(built, "sv", statuses) == sv
    assert sentence(built, "en", statuses) == en
    assert sentence(built, "ar", statuses) == ar


@pytest.mark.parametrize(("months", "arabic"), [
    (1, "خلال الشهر الأول في السويد"),
    (2, "خلال الشهرين الأولين في السويد"),
    (5, "خلال أول 5 أشهر في السويد"),
    (10, "خلال أول 10 أشهر في السويد"),
    (24, "خلال أول 24 شهراً في السويد"),
    (101, "خلال أول 101 شهر في السويد"),
])
def test_months_take_every_arabic_plural_form(statuses, months, arabic):
    assert arabic in sentence(rule(months_max=months), "ar", statuses)


def test_months_are_singular_and_plural_in_swedish_and_english(statuses):
    assert sentence(rule(months_max=1), "sv", statuses) == "För alla, under den första månaden i Sverige."
    assert sentence(rule(months_max=2), "sv", statuses) == "För alla, under de första 2 månaderna i Sverige."
    assert sentence(rule(months_min=1), "en", statuses) == "For everyone, after their first month in Sweden."


def test_listing_every_status_is_no_limit_and_a_new_status_reads_its_label(statuses):
    assert sentence(rule(residence_status=tuple(statuses)), "sv", statuses).startswith("För alla, oavsett ålder")
    extended = {**statuses, "arbetstillstand": Term("arbetstillstand", {"sv": "Arbetstillstånd", "en": "Work permit"})}
    assert sentence(rule(residence_status=("arbetstillstand",)), "sv", extended) == (
        "För alla med status arbetstillstånd.")
    assert sentence(rule(residence_status=("arbetstillstand",)), "en", extended) == (
        "For everyone with the status work permit.")


def test_age_zero_is_no_limit(statuses):
    assert sentence(rule(min_age=0, max_age=12), "sv", statuses) == "För barn och unga upp till 12 år."
    assert sentence(rule(min_age=0), "sv", statuses).startswith("För alla, oavsett")


# --- the built pages ------------------------------------------------------------------------------


def read(out, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def test_the_page_exists_in_three_languages_with_four_questions(sample_build, statuses):
    for prefix, heading in (("", "Vad kan jag delta i?"), ("en/", "What can I take part in?"),
                            ("ar/", "ما الذي يمكنني المشاركة فيه؟")):
        html = read(sample_build, prefix + "for-mig")
        assert f"<h1>{heading}</h1>" in html
        assert len(re.findall(r'class="question"', html)) == 4
        assert 'name="status"' in html and 'name="alder"' in html and 'name="kommun"' in html
        assert 'name="manader"' in html
        assert 'name="kon"' not in html  # no gender question
    swedish, arabic = read(sample_build, "for-mig"), read(sample_build, "ar/for-mig")
    for term in statuses.values():
        assert f'value="{term.slug}"' in swedish
        assert term.description["sv"] in swedish and term.description["ar"] in arabic


def test_the_page_carries_the_bands_of_the_catalogue(sample_build, catalogue):
    html = read(sample_build, "for-mig")
    setup = json.loads(re.search(r'<script type="application/json" id="for-me-setup">(.*?)</script>', html, re.S)[1])
    scales = EligibilityScales.of(catalogue.vocabularies.residence_status, catalogue.published())
    assert setup["ageBands"] == [band.as_json() for band in scales.ages]
    assert setup["monthBands"] == [band.as_json() for band in scales.months]
    assert setup["statuses"] == list(catalogue.vocabularies.residence_status)
    assert setup["ageBands"][0]["low"] == 0 and setup["ageBands"][-1]["high"] is None
    assert "18-" in {band["value"][:3] for band in setup["ageBands"]}  # adults from 18: a cut the sample uses


def test_without_javascript_the_page_explains_the_municipality_pages(sample_build):
    html = read(sample_build, "for-mig")
    noscript = html[html.index("<noscript>"):html.index("</noscript>")]
    assert "Välj kommunen där du bor" in noscript and "Vem kan delta" in noscript
    assert noscript.count('href="/kommun/') == 10
    assert '<div id="for-me" hidden>' in html


def test_the_search_page_has_no_eligibility_checkboxes(sample_build):
    html = read(sample_build, "sok")
    assert 'data-filter="kommun"' in html
    for key in ("uppehallsstatus", "alder", "manader"):
        assert f'data-filter="{key}"' not in html and f'name="{key}"' not in html


def test_the_menu_and_the_start_page_link_to_the_page(sample_build):
    for path, link in (("", '/for-mig/'), ("en", '/en/for-mig/'), ("insats/nacka/boendeskola", '/for-mig/')):
        assert f'<a href="{link}"' in read(sample_build, path)
    start = read(sample_build, "")
    assert re.search(r'<a class="button button-secondary" href="/for-mig/">Vad kan jag delta i\?</a>', start)
    assert 'href="/for-mig/" aria-current="page"' in read(sample_build, "for-mig")


def test_entry_pages_state_eligibility_in_one_sentence(sample_build):
    sv = read(sample_build, "insats/arbetsformedlingen/etableringsprogrammet")
    en = read(sample_build, "en/insats/arbetsformedlingen/etableringsprogrammet")
    assert ('<li data-pagefind-meta="villkor">För vuxna 18–65 år i etableringsprogrammet eller som har kommit hit som '
            'anhöriga, under de första 36 månaderna i Sverige.</li>') in sv
    assert "For adults aged 18–65 in the establishment programme or who came here as family members" in en
    open_to_all = read(sample_build, "insats/huddinge/familjecentral-varby")
    assert "<li>För alla, oavsett ålder, uppehållsstatus och tid i Sverige.</li>" in open_to_all


def test_entry_pages_mark_gender_and_category_for_the_results(sample_build):
    women = read(sample_build, "insats/botkyrka/kvinnogrupp-fittja")
    assert 'data-pagefind-meta="kon:women"' in women
    assert re.search(r'data-pagefind-meta="kategori:[a-z-]+"', women)
    assert "data-pagefind-meta=\"kon:" not in read(sample_build, "insats/arbetsformedlingen/etableringsprogrammet")


def test_a_paused_entry_is_open_to_no_status_now(sample_build, catalogue):
    paused = next(e for e in catalogue.published() if e.status == "paused")
    html = read(sample_build, "insats/" + paused.id)
    assert "uppehallsstatus:" not in html
    assert 'data-pagefind-filter="kommun:' in html


def test_sentence_uses_the_model_not_the_free_text(statuses):
    base = rule(min_age=18, description="Fritext som inte ska synas i meningen.")
    assert "Fritext" not in sentence(base, "sv", statuses)
    assert sentence(replace(base, description=None), "sv", statuses) == sentence(base, "sv", statuses)
