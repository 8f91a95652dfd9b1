"""Cards that answer "is this for me" (issue 16): on a municipality's page, a card of an entry run elsewhere says
that it is open to that municipality's residents; a card past its review date says so."""

from __future__ import annotations

import re
from pathlib import Path

from insatsbas.reader import load_catalogue
from tests.conftest import SAMPLE, TODAY

CARD = re.compile(r'<li class="card">(.*?)</li>', re.S)


def cards(page: Path) -> dict[str, str]:
    """Entry id -> the card's HTML."""
    found = {}
    for card in CARD.findall(page.read_text("utf-8")):
        entry = re.search(r'data-add-to-list="([^"]+)"', card).group(1)
        found[entry] = card
    return found


def test_a_card_from_another_municipality_says_it_is_open_to_the_pages_residents(sample_build):
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    entries = {entry.id: entry for entry in catalogue.published()}
    shown = cards(sample_build / "kommun/haninge/index.html")
    assert shown
    elsewhere = {entry for entry in shown if entries[entry].municipality != "haninge"}
    assert elsewhere  # the sample has such entries (18 of 33 in November 2026)
    for entry, card in shown.items():
        assert ("Öppen för dig som bor i Haninge." in card) == (entry in elsewhere), entry
    english = cards(sample_build / "en/kommun/haninge/index.html")
    assert all("Open to you if you live in Haninge." in english[entry] for entry in elsewhere)


def test_a_card_past_its_review_date_is_marked_and_no_other(sample_build):
    catalogue = load_catalogue(SAMPLE, today=TODAY)
    entries = {entry.id: entry for entry in catalogue.published()}
    shown = cards(sample_build / "kommun/haninge/index.html")
    overdue = {entry for entry in shown if catalogue.review_overdue(entries[entry])}
    assert overdue and overdue != set(shown)
    for entry, card in shown.items():
        assert ("badge-overdue" in card) == (entry in overdue), entry
