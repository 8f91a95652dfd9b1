"""The YAML traps: values stay the text the editor typed, or are refused with a position."""

from __future__ import annotations

import pytest

from insatsbas.yamlsource import MAX_FILE_BYTES, YamlSourceError, parse_document, read_document


def test_leading_zero_codes_and_phone_numbers_stay_text():
    data = parse_document("code: 0126\nphone: 0701740605\n").data
    assert data == {"code": "0126", "phone": "0701740605"}


def test_times_stay_text_instead_of_sexagesimal_numbers():
    assert parse_document("opens: 10:30\n").data == {"opens": "10:30"}


@pytest.mark.parametrize("word", ["no", "yes", "on", "off", "NO", "n"])
def test_yaml_1_1_booleans_stay_text(word):
    assert parse_document(f"languages: [{word}]\n").data == {"languages": [word]}


def test_plain_numbers_booleans_and_nulls_are_typed():
    data = parse_document("age: 18\nlat: 59.2365\nfree: true\nempty:\ntilde: ~\n").data
    assert data == {"age": 18, "lat": 59.2365, "free": True, "empty": None, "tilde": None}


def test_quoted_values_are_always_text():
    assert parse_document('age: "18"\nfree: \'true\'\n').data == {"age": "18", "free": "true"}


def test_dates_stay_text_for_the_validator_to_parse():
    assert parse_document("last_reviewed: 2026-02-30\n").data == {"last_reviewed": "2026-02-30"}


def test_duplicate_key_names_both_lines():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("title: A\nsummary: x\ntitle: B\n")
    assert (raised.value.line, raised.value.column) == (3, 1)
    assert raised.value.params == {"key": "title", "first": 1}


def test_anchor_is_refused():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("a: &x 1\nb: 2\n")
    assert raised.value.line == 1
    assert "Ankare" in raised.value.message


def test_alias_is_refused():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("a: [1]\nb: *x\n")
    assert "alias" in raised.value.message


def test_explicit_tag_is_refused():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("age: !!int 18\n")
    assert raised.value.params["tag"] == "tag:yaml.org,2002:int"


def test_tab_indentation_is_refused_with_its_line():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("provider:\n\tname: X\n")
    assert raised.value.line == 2
    assert "Tabbtecken" in raised.value.message


def test_syntax_error_has_a_position():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("title: A\ncategories: [sfi\n")
    assert raised.value.line >= 2
    assert "YAML-syntaxfel" in raised.value.message


def test_byte_order_mark_and_crlf_are_fine(tmp_path):
    path = tmp_path / "entry.yml"
    path.write_bytes(b"\xef\xbb\xbftitle: SFI\r\ncode: 0126\r\n")
    assert read_document(path).data == {"title": "SFI", "code": "0126"}


def test_bytes_that_are_not_utf8_are_refused_with_line_and_column(tmp_path):
    path = tmp_path / "entry.yml"
    path.write_bytes(b"title: SFI\nsummary: Kurs i V" + "äs".encode("latin-1") + b"\n")
    with pytest.raises(YamlSourceError) as raised:
        read_document(path)
    assert (raised.value.line, raised.value.column) == (2, 18)
    assert raised.value.params["byte"] == "0xe4"


def test_file_over_256_kib_is_refused(tmp_path):
    path = tmp_path / "entry.yml"
    path.write_text("description: " + "a" * MAX_FILE_BYTES + "\n", encoding="utf-8")
    with pytest.raises(YamlSourceError) as raised:
        read_document(path)
    assert raised.value.params["limit"] == 256


def test_positions_of_keys_and_values_are_kept():
    document = parse_document("contact:\n  role: X\n  phone: 123\n")
    assert document.position(("contact", "phone")) == (3, 10)
    assert document.position(("contact", "phone"), key=True) == (3, 3)
    assert document.position(("contact", "email")) == (1, 1)


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
@pytest.mark.parametrize(
    ("text", "message"),
    [("a: 1\na: 2\n", "Nyckeln"), ("a: &x 1\n", "Ankare"), ("a:\n\tb: 1\n", "Tabbtecken"), ("a: !!int 1\n", "YAML-taggen"),
     ("a: 1\n---\nb: 2\n", "flera YAML-dokument")],
)
def test_libyaml_and_pure_python_parsers_follow_the_same_rules(monkeypatch, loader, text, message):
    import yaml

    from insatsbas import yamlsource

    monkeypatch.setattr(yamlsource, "_EVENT_LOADER", getattr(yaml, loader))
    assert parse_document("code: 0126\nopens: 10:30\n").data == {"code": "0126", "opens": "10:30"}
    with pytest.raises(YamlSourceError) as raised:
        parse_document(text)
    assert message in raised.value.message


def test_typed_plain_scalars_keep_what_the_editor_wrote():
    document = parse_document("opens: 10.30\ncapacity: 020\nfree: true\ntitle: Kurs\n")
    assert document.data["opens"] == 10.3
    assert document.typed == {("opens",): "10.30", ("free",): "true"}


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
def test_colon_inside_a_text_suggests_quoting_the_whole_text(monkeypatch, loader):
    import yaml

    from insatsbas import yamlsource

    monkeypatch.setattr(yamlsource, "_EVENT_LOADER", getattr(yaml, loader))
    with pytest.raises(YamlSourceError) as raised:
        parse_document('title: A\nsummary: Obs: ta med "LMA-kort".\n')
    error = raised.value
    assert (error.line, error.column) == (2, 13)
    assert error.message.format(**error.params) == (
        "Texten innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Sätt hela texten inom "
        'citattecken: summary: "Obs: ta med \\"LMA-kort\\"."')


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
def test_unexpected_colon_from_a_wrong_indent_says_so(monkeypatch, loader):
    import yaml

    from insatsbas import yamlsource

    monkeypatch.setattr(yamlsource, "_EVENT_LOADER", getattr(yaml, loader))
    with pytest.raises(YamlSourceError) as raised:
        parse_document("contact:\n  role: Vägledare\n   email: a@example.org\n")
    assert raised.value.line == 3
    assert raised.value.message.startswith("Oväntat kolon: raden har troligen fel indrag.")
