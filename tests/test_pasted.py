"""Characters pasted from Word: cleaned in texts, kept where they mean something."""

from __future__ import annotations

import pytest

from insatsbas.sources.pasted import clean, clean_data, found_in, names


@pytest.mark.parametrize(("pasted", "meant"), [
    ("Kurs\u00a0i svenska", "Kurs i svenska"),
    ("10\u202fkr", "10 kr"),
    ("Språk\u200bcafé", "Språkcafé"),
    ("sam\u00adhälls\u00adorientering", "samhällsorientering"),
    ("Ord\u2060ord", "Ordord"),
    ("Text\ufeffmed BOM", "Textmed BOM"),
    ("e\u2011post", "e-post"),
])
def test_word_characters_become_what_the_editor_meant(pasted, meant):
    assert clean(pasted) == meant


def test_joiners_in_persian_dari_and_emoji_are_kept():
    persian = "می\u200cخواهم"  # ZWNJ between the prefix and the verb
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # ZWJ holds the emoji together
    assert clean(persian) == persian and clean(family) == family
    assert found_in(persian + family) == []


def test_typographic_quotes_and_dashes_in_prose_are_kept():
    text = "”Välkommen”, säger hon – «مرحباً»"
    assert clean(text) == text


def test_dashes_in_a_phone_number_are_hyphens():
    assert clean("08 – 123 45 67", in_number=True) == "08 - 123 45 67"
    assert clean("08\u2011123\u00a045\u00a067", in_number=True) == "08-123 45 67"


def test_the_characters_found_are_named_once_each_in_order():
    found = found_in("a\u200bb\u00a0c\u200bd")
    assert names(found).text("sv") == "ett osynligt mellanslag (U+200B), ett hårt mellanslag (U+00A0)"
    assert names(found).text("en") == "an invisible space (U+200B), a non-breaking space (U+00A0)"


def test_a_whole_entry_is_cleaned_with_dashes_only_in_phone_numbers():
    data = {"title": "Kurs\u00a0– SFI", "contact": {"phone": "08–123", "role": "Lärare"}, "capacity": 10,
            "keywords": ["sfi\u200b"]}
    assert clean_data(data) == {"title": "Kurs – SFI", "contact": {"phone": "08-123", "role": "Lärare"},
                                "capacity": 10, "keywords": ["sfi"]}
