"""An entry's translation covers what a reader needs (how to apply, what to bring, who can take part, when,
cost, accessibility); a field it leaves out is shown in Swedish, marked lang="sv", with a note beside it."""

from __future__ import annotations

import re
from pathlib import Path

from insatsbas.reader import load_catalogue
from tests.conftest import SAMPLE

NOTE_EN = "(in Swedish, not translated yet)"


def page(out: Path, path: str) -> str:
    return (out / path / "index.html").read_text(encoding="utf-8")


def section(html: str, heading: str) -> str:
    """The <dd> after a <dt>."""
    match = re.search(rf"<dt>{re.escape(heading)}</dt>\s*<dd>(.*?)</dd>", html, re.S)
    assert match, heading
    return match.group(1)


def test_the_reader_reads_every_translated_field():
    catalogue = load_catalogue(SAMPLE)
    entry = next(e for e in catalogue.interventions if e.id == "haninge/sfi-distans")
    english = entry.translations["en"]
    assert english.how_to_apply.startswith("Apply in the e-service")
    assert english.required_documents == ("Identity document", "E-mail address and mobile number")
    assert english.schedule and english.eligibility and english.cost
    assert english.accessibility == ("Entrance with a ramp, lift, accessible toilet on every floor.",)
    assert next(e for e in catalogue.interventions if e.id == "huddinge/sfi-for-akademiker").translations["en"] \
        .how_to_apply is None


def test_a_fully_translated_entry_shows_every_field_in_the_page_language(sample_build):
    html = page(sample_build, "en/insats/haninge/sfi-distans")
    assert "Apply in the e-service and choose" in section(html, "How to apply")
    assert "<li><span>Identity document</span></li>" in section(html, "What to bring")
    assert "Live lessons on Monday and Wednesday evenings." in section(html, "When")
    assert "The course is free." in section(html, "Cost")
    assert "You need to be able to read and write" in section(html, "Who can take part")
    assert "Entrance with a ramp" in section(html, "Where")
    assert NOTE_EN not in html and 'lang="sv">Ansök i e-tjänsten' not in html
    arabic = page(sample_build, "ar/insats/haninge/sfi-distans")
    assert "قدّم طلبك في الخدمة الإلكترونية" in arabic


def test_a_field_the_translation_lacks_is_shown_in_swedish_with_its_lang_and_a_note(sample_build):
    html = page(sample_build, "en/insats/huddinge/sfi-for-akademiker")
    how = section(html, "How to apply")
    assert re.search(r'<span lang="sv">Ansök via din hemkommuns vuxenutbildning[^<]*</span> '
                     rf'<span class="fallback-note">{re.escape(NOTE_EN)}</span>', how)
    documents = section(html, "What to bring")
    assert '<li><span lang="sv">Legitimation</span></li>' in documents and documents.count(NOTE_EN) == 1
    # Right-to-left pages mark Swedish text left-to-right as well.
    arabic = page(sample_build, "ar/insats/huddinge/sfi-for-akademiker")
    assert '<span lang="sv" dir="ltr">Ansök via din hemkommuns vuxenutbildning' in arabic
    assert "(بالسويدية، لم تُترجم بعد)" in arabic


def test_an_untranslated_entry_has_one_notice_and_no_note_per_field(sample_build):
    html = page(sample_build, "so/insats/haninge/sfi-distans")
    assert "Adeeggan weli lama turjumin. Qoraalka waxaa lagu muujiyey iswiidhish." in html
    assert "fallback-note" not in html
    assert '<span lang="sv">Ansök i e-tjänsten' in html


def test_a_translated_field_without_its_swedish_text_or_with_too_many_items_is_an_error(make_catalogue):
    from insatsbas.reader import read_catalogue
    from tests.conftest import TODAY, VALID_ENTRY

    root = make_catalogue({"huddinge/sprakcafe.yml": VALID_ENTRY + """\
translations:
  en:
    title: Language café
    summary: Practise Swedish.
    description: Every Tuesday.
    schedule: Every Tuesday afternoon.
    accessibility:
      - Step-free entrance.
""", })
    problems = read_catalogue(root, today=TODAY).problems
    messages = [(p.line, p.text()) for p in problems if p.is_error]
    assert any("translations.en.schedule översätter schedule.description, som saknas" in message
               for _, message in messages), messages
    assert any("translations.en.accessibility har 1 rader, men locations har 0" in message
               for _, message in messages), messages
    assert all(line for line, _ in messages)
