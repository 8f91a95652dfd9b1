"""The YAML traps: values stay the text the editor typed, or are refused with a position."""

from __future__ import annotations

import json
import math
import subprocess

import pytest

from insatsbas.yamlsource import MAX_FILE_BYTES, YamlSourceError, parse_document, read_document
from tests.conftest import REPO


def test_unquoted_leading_zero_codes_and_phone_numbers_are_numbers_that_keep_their_digits():
    document = parse_document("code: 0126\nphone: 0860670000\n")
    assert document.data == {"code": 126, "phone": 860670000}
    assert document.typed == {("code",): "0126", ("phone",): "0860670000"}


def test_quoted_codes_and_phone_numbers_stay_text():
    assert parse_document('code: "0126"\nphone: \'0860670000\'\n').data == {"code": "0126", "phone": "0860670000"}


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
    path.write_bytes(b"\xef\xbb\xbftitle: SFI\r\ncode: \"0126\"\r\n")
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
    assert parse_document("code: 0126\nopens: 10:30\n").data == {"code": 126, "opens": "10:30"}
    with pytest.raises(YamlSourceError) as raised:
        parse_document(text)
    assert message in raised.value.message


def test_typed_plain_scalars_keep_what_the_editor_wrote():
    document = parse_document("opens: 10.30\ncapacity: 020\nfree: true\ntitle: Kurs\n")
    assert document.data["opens"] == 10.3
    assert document.typed == {("opens",): "10.30", ("capacity",): "020", ("free",): "true"}


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


# Plain scalars an editor may type, and the spellings that decide YAML 1.2's core schema.
PLAIN_SCALARS = [
    "0126", "0860670000", "+46701740605", "-12", "0", "-0", "18", "0o17", "0o8", "0x1F", "0X1F", "0xg", "1.5", "10.30",
    "10.", ".5", "1e3", "1E-2", "1.5e+3", "1_000", "1,5", "08-123 45 67", "10:30", "9:00", "2026-06-01", ".inf",
    "-.Inf", "+.INF", ".nan", ".NaN", "nan", "inf", "true", "True", "TRUE", "tRUE", "false", "no", "yes", "on",
    "off", "y", "n", "null", "Null", "NULL", "~", "", "nil", "None", "sv", "141 30",
]


def yaml_package_values(texts: list[str]) -> list[tuple[str, object]]:
    """Each text as the value of a plain scalar, typed by the `yaml` package in node_modules: the parser
    inside yaml-language-server, with the options it uses (YAML 1.2, not strict)."""
    script = """
        const YAML = require("yaml");
        const texts = JSON.parse(require("fs").readFileSync(0, "utf8"));
        console.log(JSON.stringify(texts.map((text) => {
            const value = YAML.parseDocument("v: " + text, {version: "1.2", strict: false}).toJS().v;
            const kind = value === null ? "null" : typeof value;
            return [kind, kind === "number" && !Number.isFinite(value) ? String(value) : value];
        })));
    """
    result = subprocess.run(["node", "-e", script], input=json.dumps(texts), capture_output=True, text=True,
                            cwd=REPO, check=True)
    return [tuple(pair) for pair in json.loads(result.stdout)]


def as_javascript(value: object) -> tuple[str, object]:
    if value is None:
        return ("null", None)
    if isinstance(value, bool):
        return ("boolean", value)
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return ("number", "NaN" if math.isnan(value) else ("-Infinity" if value < 0 else "Infinity"))
        return ("number", value)
    return ("string", value)


def test_plain_scalars_are_typed_as_yaml_language_server_types_them():
    """An editor's VS Code and `insatsbas validate` agree on what is a number, a boolean or text, so they
    agree on what needs quotes."""
    expected = yaml_package_values(PLAIN_SCALARS)
    ours = [as_javascript(parse_document(f"v: {text}\n").data["v"]) for text in PLAIN_SCALARS]
    assert dict(zip(PLAIN_SCALARS, ours, strict=True)) == dict(zip(PLAIN_SCALARS, expected, strict=True))
    assert ("number", 860670000) in ours and ("string", "10:30") in ours  # both kinds were compared
