"""Every message of the command line has an English translation with the same placeholders."""

from __future__ import annotations

import re
import string

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from insatsbas.i18n import LOCALE_DIR, translate
from tests.conftest import REPO


def extracted_messages() -> set[str]:
    found = extract_from_dir(
        REPO / "insatsbas", method_map=[("**.py", "python")], keywords={"N_": None, "translate": (1,)},
    )
    return {message for _, _, message, _, _ in found if isinstance(message, str) and message}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_catalogue_is_complete():
    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "insatsbas.po").open("rb") as po:
        catalogue = read_po(po)
    messages = extracted_messages()
    assert len(messages) > 40
    missing = [m for m in messages if not (catalogue.get(m) and catalogue.get(m).string)]
    assert not missing, missing
    for message in messages:
        assert placeholders(catalogue.get(message).string) == placeholders(message), message


def test_swedish_is_the_source_and_english_is_translated():
    assert translate("fel", "sv") == "fel"
    assert translate("fel", "en") == "error"
    assert re.search("Did you mean", translate(" Menade du «{word}»?", "en", word="x"))
