"""The YAML traps: values stay the text the editor typed, or are refused with a position."""

from __future__ import annotations

import ast
import json
import math
import re
import subprocess
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.extract import extract_from_dir

from insatsbas.i18n import translate
from insatsbas.sources import yamlerrors, yamlsource
from insatsbas.sources.problems import translated_params
from insatsbas.sources.yamlsource import MAX_FILE_BYTES, YamlSourceError, parse_document, read_document
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


def test_unclosed_list_is_placed_at_its_bracket():
    with pytest.raises(YamlSourceError) as raised:
        parse_document("title: A\ncategories: [sfi\n")
    assert (raised.value.line, raised.value.column) == (2, 13)
    assert raised.value.message.startswith("Listan som börjar med [ här stängs inte med ]")


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

    from insatsbas.sources import yamlsource

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

    from insatsbas.sources import yamlsource

    monkeypatch.setattr(yamlsource, "_EVENT_LOADER", getattr(yaml, loader))
    with pytest.raises(YamlSourceError) as raised:
        parse_document('title: A\nsummary: Obs: ta med "LMA-kort".\n')
    error = raised.value
    assert (error.line, error.column) == (2, 13)
    assert error.message.format(**error.params) == (
        "Texten innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Sätt hela texten inom "
        'citattecken: summary: "Obs: ta med \\"LMA-kort\\"."')


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


# --- syntax errors in Swedish, on the line to fix -------------------------------------------------------

ENTRY = "title: Språkcafé\nstatus: active\nprovider:\n  name: Biblioteket\n  type: kommun\nlanguages: [sv]\n"

# (name, broken file, line and column of the mistake, the start of the Swedish message)
BROKEN_FILES = [
    ("key dedented by one space", "provider:\n  name: X\n type: kommun\nstatus: active\n", (3, 2),
     "Raden har 1 mellanslag i indrag, men raderna den kan höra ihop med har 2"),
    ("key indented under a key with a value", "contact:\n  role: X\n   email: a@example.org\n", (3, 4),
     "Raden har 3 mellanslag i indrag, fler än «role:» på rad 2"),
    ("field of a list item indented one space short",
     "locations:\n  - name: A\n    city: B\n  - name: C\n   city: D\n", (5, 4),
     "Raden har 3 mellanslag i indrag, men raderna den kan höra ihop med har 4 (som «name:» på rad 4)"),
    ("list item dedented", "locations:\n  - name: A\n    city: B\n - name: C\n", (4, 2), "Raden har 1 mellanslag"),
    ("field without its dash in a list", "categories:\n  - sfi\n  b: c\n", (3, 3),
     "Raden står bland listans punkter (som «sfi» på rad 2) men börjar inte med «- »"),
    ("dash among fields", "title: A\n- sv\n", (2, 1), "Raden börjar med «- » men står bland fält (som «title:» på rad 1)"),
    ("block text line dedented", "description: |\n  En rad.\n\n Nästa rad.\nstatus: active\n", (4, 2),
     "Raden är mindre indragen än texten ovanför (efter «description:» på rad 1)"),
    ("mistake above an indented continuation", "summary: Öva\n  svenska\ncontact:\n  role: X\n email: y\n", (5, 2),
     "Raden har 1 mellanslag i indrag"),
    ("key without a colon", "title: A\nsummary\nstatus: active\n", (2, 1), "Raden saknar kolon efter fältnamnet."),
    ("no space after the colon", "title:Språkcafé\nstatus: active\n", (1, 7),
     "Efter kolonet i «title:» saknas ett mellanslag. Skriv: title: Språkcafé"),
    ("list not closed", "title: A\ncategories: [sfi, arbete\nstatus: active\n", (2, 13),
     "Listan som börjar med [ här stängs inte med ]"),
    ("group not closed", "provider: {name: X\nstatus: active\n", (1, 11), "Gruppen som börjar med { här stängs inte med }"),
    ("quote not closed", 'title: "Språkcafé\nstatus: active\n', (1, 8), 'Citattecknet (") här stängs aldrig.'),
    ("quote closed by a typographic one", 'opens: "09:00”\ncloses: "12:00"\n', (1, 8),
     "Citattecknet här stängs med ett typografiskt citattecken (”, U+201D)"),
    ("backslash in double quotes", 'description: "C:\\Users\\kurs"\n', (1, 17), "Inom dubbla citattecken"),
    ("text after the block indicator", "description: | Text\n  mer\n", (1, 16), "Efter | eller > får inget mer stå"),
    ("value starting with @", "contact:\n  email: @huddinge\n", (2, 10),
     'Ett värde kan inte börja med «@» utan citattecken; tecknet betyder något särskilt i YAML. Sätt hela värdet '
     'inom citattecken: email: "@huddinge"'),
    ("value starting with a backtick", "title: `SFI`\n", (1, 8), "Ett värde kan inte börja med «`»"),
    ("value starting with & and a space", "title: & vänner\n", (1, 8), "Ett värde kan inte börja med «&»"),
    ("line starting with %", "title: A\n%bra\n", (2, 1), "En rad som börjar med % läser YAML som en instruktion"),
    ("colon inside a text", 'summary: Obs: ta med "LMA-kort".\n', (1, 13),
     'Texten innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Sätt hela texten inom '
     'citattecken: summary: "Obs: ta med \\"LMA-kort\\"."'),
    ("colon inside typographic quotes", "summary: ”Obs: ta med kortet”\n", (1, 14),
     'Texten står inom ett typografiskt citattecken (”, U+201D), som YAML inte läser som citattecken, och '
     'innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Skriv raka citattecken: '
     'summary: "Obs: ta med kortet"'),
    ("tab in the indentation", "provider:\n\tname: X\n", (2, 1), "Tabbtecken i indraget"),
    ("control character", "title: Språk\x07café\n", (1, 13), "Raden innehåller ett osynligt styrtecken (U+0007)"),
    ("second document", "title: A\n---\ntitle: B\n", (2, 1), "Filen innehåller flera YAML-dokument"),
]

# What PyYAML and libyaml write; none of it may reach an editor.
ENGLISH = re.compile(r"\b(expected|found|while|scanning|parsing|mapping|token|allowed|character|indicator|"
                     r"document|stream|block|flow|scalar|directive)\b")


def rendered(error: YamlSourceError) -> str:
    return translate(error.message, "sv", **translated_params(error.params, "sv"))


@pytest.mark.parametrize("loader", ["CBaseLoader", "BaseLoader"])
@pytest.mark.parametrize(("name", "text", "place", "message"), BROKEN_FILES, ids=[case[0] for case in BROKEN_FILES])
def test_broken_files_get_a_swedish_message_on_the_line_to_fix(monkeypatch, loader, name, text, place, message):
    monkeypatch.setattr(yamlsource, "_EVENT_LOADER", getattr(yaml, loader))
    with pytest.raises(YamlSourceError) as raised:
        parse_document(text)
    error = raised.value
    assert (error.line, error.column) == place
    assert rendered(error).startswith(message)
    assert not ENGLISH.search(rendered(error)), rendered(error)
    assert error.message in swedish_message_ids()


@cache
def swedish_message_ids() -> set[str]:
    found = extract_from_dir(REPO / "insatsbas", method_map=[("**.py", "python")], keywords={"N_": None})
    return {message for _, _, message, _, _ in found}


# What PyYAML's scanner and parser put in place of %s in their contexts.
NAMES_IN_CONTEXTS = {"while scanning an %s": ("anchor", "alias"), "while scanning a %s": ("tag", "directive"),
                     "while parsing a %s": ("tag", "directive"), "while parsing a %s node": ("block", "flow")}


def pyyaml_problems() -> list[tuple[str, str]]:
    """(context, problem) of every error PyYAML's pure-Python scanner and parser raise, from their source."""
    def text(node: ast.expr | None) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, ast.BinOp) and isinstance(node.left, ast.Constant):
            return node.left.value
        return None

    found = []
    for module in ("scanner.py", "parser.py"):
        tree = ast.parse((Path(yaml.__file__).parent / module).read_text(encoding="utf-8"))
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", "") in ("ScannerError", "ParserError"):
                context, problem = text(call.args[0]), text(call.args[2]) if len(call.args) > 2 else None
                names = NAMES_IN_CONTEXTS.get(context, (None,))
                for name in names:
                    found.append(((context or "").replace("%s", name or ""), (problem or "").replace("%r", "'x'")
                                  .replace("%d", "4")))
    return found


def test_every_problem_pythons_pyyaml_raises_has_its_own_swedish_message():
    problems = pyyaml_problems()
    assert len({problem for _, problem in problems}) > 30
    for context, problem in problems:
        if problem:
            assert yamlerrors.handler_for(problem, context) is not yamlerrors.unreadable_line, (context, problem)


# libyaml's scanner and parser (inside PyYAML's compiled module), with the context each problem comes with.
LIBYAML_PROBLEMS = [
    ("while scanning for the next token", "found character that cannot start any token"),
    ("while scanning a simple key", "could not find expected ':'"),
    ("", "block sequence entries are not allowed in this context"),
    ("", "mapping keys are not allowed in this context"),
    ("", "mapping values are not allowed in this context"),
    ("while scanning a directive", "found unknown directive name"),
    ("while scanning a directive", "could not find expected directive name"),
    ("while scanning a directive", "found unexpected non-alphabetical character"),
    ("while scanning a directive", "did not find expected comment or line break"),
    ("while scanning a %YAML directive", "did not find expected whitespace"),
    ("while scanning a %YAML directive", "did not find expected digit or '.' character"),
    ("while scanning a %YAML directive", "found extremely long version number"),
    ("while scanning a %YAML directive", "did not find expected version number"),
    ("while scanning a %TAG directive", "did not find expected whitespace or line break"),
    ("while scanning a tag directive", "did not find expected '!'"),
    ("while scanning an anchor", "did not find expected alphabetic or numeric character"),
    ("while scanning an alias", "did not find expected alphabetic or numeric character"),
    ("while scanning a tag", "did not find the expected '>'"),
    ("while scanning a tag", "did not find expected whitespace or line break"),
    ("while scanning a tag", "did not find expected '!'"),
    ("while parsing a tag", "did not find expected tag URI"),
    ("while parsing a tag", "did not find URI escaped octet"),
    ("while parsing a tag", "found an incorrect leading UTF-8 octet"),
    ("while parsing a tag", "found an incorrect trailing UTF-8 octet"),
    ("while scanning a block scalar", "found an indentation indicator equal to 0"),
    ("while scanning a block scalar", "did not find expected comment or line break"),
    ("while scanning a block scalar", "found a tab character where an indentation space is expected"),
    ("while scanning a quoted scalar", "found unexpected end of stream"),
    ("while scanning a quoted scalar", "found unexpected document indicator"),
    ("while parsing a quoted scalar", "found unknown escape character"),
    ("while parsing a quoted scalar", "did not find expected hexdecimal number"),
    ("while parsing a quoted scalar", "found invalid Unicode character escape code"),
    ("while scanning a plain scalar", "found unexpected ':'"),
    ("while scanning a plain scalar", "found a tab character that violates indentation"),
    ("", "did not find expected <document start>"),
    ("", "found duplicate %YAML directive"),
    ("", "found incompatible YAML document"),
    ("", "found duplicate %TAG directive"),
    ("while parsing a node", "found undefined tag handle"),
    ("while parsing a block node", "did not find expected node content"),
    ("while parsing a flow node", "did not find expected node content"),
    ("while parsing a block collection", "did not find expected '-' indicator"),
    ("while parsing a block mapping", "did not find expected key"),
    ("while parsing a flow sequence", "did not find expected ',' or ']'"),
    ("while parsing a flow mapping", "did not find expected ',' or '}'"),
]


def test_every_problem_libyaml_raises_has_its_own_swedish_message():
    compiled = Path(yaml._yaml.__file__).read_bytes()
    for context, problem in LIBYAML_PROBLEMS:
        assert problem.encode() in compiled and context.encode() in compiled, (context, problem)
        assert yamlerrors.handler_for(problem, context) is not yamlerrors.unreadable_line, (context, problem)


def test_an_unknown_problem_still_gets_a_swedish_message_with_its_line():
    error = yamlerrors.syntax_error(yaml.MarkedYAMLError("while doing something new", None, "something odd happened",
                                                         yaml.Mark("x", 5, 1, 2, None, None)), "a: 1\nb: 2\n")
    assert (error.line, error.column) == (2, 3)
    assert not ENGLISH.search(rendered(error)) and error.message in swedish_message_ids()


# --- characters pasted from Word where YAML reads structure ----------------------------------------------


def structure_errors(text: str) -> list[tuple[int, int, str]]:
    with pytest.raises(YamlSourceError) as raised:
        parse_document(text)
    return [(e.line, e.column, rendered(e)) for e in [raised.value, *raised.value.more]]


def test_every_line_indented_with_non_breaking_spaces_is_named_where_it_is():
    errors = structure_errors("provider:\n\u00a0\u00a0name: X\n\u00a0\u00a0type: kommun\nstatus: active\n")
    assert [(line, column) for line, column, _ in errors] == [(2, 1), (3, 1)]
    assert errors[0][2] == ("Raden börjar med ett hårt mellanslag (U+00A0), som YAML inte räknar som indrag. "
                            "Ersätt det med vanliga mellanslag.")


def test_a_non_breaking_space_after_ordinary_indentation_is_placed_on_its_column():
    assert structure_errors("contact:\n  role: X\n  \u202femail: a@example.org\n")[0][:2] == (3, 3)


def test_an_invisible_character_at_the_start_of_a_line_is_named():
    [(line, column, message)] = structure_errors("provider:\n  \u200bname: X\n")
    assert (line, column) == (2, 3)
    assert message.startswith("Raden börjar med ett osynligt mellanslag (U+200B), som YAML inte räknar som indrag. "
                              "Ta bort det")


def test_a_non_breaking_space_after_a_colon_is_named_on_its_own_line_not_the_next():
    [(line, column, message)] = structure_errors("title:\u00a0Språkcafé\nstatus: active\n")
    assert (line, column) == (1, 7)
    assert message.startswith("Efter kolonet står ett hårt mellanslag (U+00A0), men YAML kräver ett vanligt mellanslag")


def test_a_non_breaking_space_after_a_list_dash_is_named():
    assert structure_errors("languages:\n  -\u00a0sv\n")[0][:2] == (2, 4)


def test_pasted_spaces_inside_texts_are_not_structure():
    document = parse_document("description: |\n  \u00a0Inledning\n  Mer.\nsummary: Kurs\u00a0i svenska\n"
                              "title: می\u200cخواهم\n")
    assert document.data["description"] == "\u00a0Inledning\nMer.\n"
    assert document.data["title"] == "می\u200cخواهم"


def test_a_pasted_character_is_found_at_its_line_and_column_in_a_value():
    document = parse_document('title: Kurs\ncontact:\n  phone: "08-123\u00a045 67"\n')
    assert document.position_of(("contact", "phone"), "\u00a0") == (3, 17)
