"""YAML mistakes in the editor's words: Swedish, on the line of the likely mistake, never the parser's English.

Three kinds of mistakes are found here:
- characters pasted from Word where YAML reads structure (indentation, the space after a colon or a list
  dash): found by reading the lines before parsing, because YAML does not count them as blank and reads
  the file differently, often without a syntax error;
- characters YAML refuses anywhere (control characters);
- syntax errors from PyYAML's scanner and parser (libyaml's or the pure-Python one). Every problem text
  they produce maps to a Swedish message. Indentation mistakes are placed on the line whose indentation
  does not fit its siblings, which is often above the line the parser names.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml

from insatsbas.i18n import N_
from insatsbas.sources import pasted
from insatsbas.sources.problems import Message


class YamlSourceError(Exception):
    """The file cannot be read as catalogue YAML. `message` is a Swedish message id; `more` holds further
    mistakes found at the same time (all pasted characters in structural places are reported at once)."""

    def __init__(self, line: int, column: int, message: str, **params: object):
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.params = params
        self.more: list[YamlSourceError] = []


# --- pasted characters where YAML reads structure ------------------------------------------------------

_BLANK_RUN = re.compile(f"[ \t{pasted.BLANK}]*")
_ANY_BLANK = re.compile(f"[{pasted.BLANK}]")
_AFTER_KEY = re.compile(rf"[ ]*(?:-[ ]+)*(?:[^\s#:'\"\[\]{{}}-][^:#]*?|-[^\s:#][^:#]*?):([{pasted.BLANK}])")
_AFTER_DASH = re.compile(rf"[ ]*-([{pasted.BLANK}])")
_BLOCK_HEADER = re.compile(r"(?:^|:[ ]+|^-[ ]+|[ ]-[ ]+)[|>][1-9+-]*[ ]*(?:#.*)?$")


@dataclass(frozen=True)
class StructureLine:
    number: int
    text: str
    after_block: int = 0  # the line of the `key: |` whose text ended just above this line


def structure_lines(text: str) -> list[StructureLine]:
    """Every line that YAML reads as structure: the texts of block scalars (after | or >) left out."""
    result: list[StructureLine] = []
    block_line = block_parent = 0
    block_indent: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        spaces = len(line) - len(line.lstrip(" "))
        if block_line:
            if not line.strip():
                continue
            if spaces > block_parent and spaces >= (block_indent or 0):
                block_indent = spaces if block_indent is None else block_indent
                continue
        result.append(StructureLine(number, line, block_line if block_line and block_indent is not None else 0))
        block_line, block_indent = (number, None) if _BLOCK_HEADER.search(line.rstrip()) else (0, None)
        block_parent = spaces
    return result


def pasted_in_structure(text: str) -> list[YamlSourceError]:
    """Every pasted blank character where YAML expects a plain space or the start of a line."""
    if not _ANY_BLANK.search(text):
        return []
    found = []
    for structure in structure_lines(text):
        number, line = structure.number, structure.text
        run = _BLANK_RUN.match(line).group()
        pasted_at = next((index for index, character in enumerate(run) if character in pasted.BLANK), None)
        if pasted_at is not None:
            found.append(_pasted_blank(number, pasted_at, line[pasted_at], N_(
                "Raden börjar med {character}, som YAML inte räknar som indrag. {fix}")))
            continue
        for pattern, message in ((_AFTER_KEY, N_("Efter kolonet står {character}, men YAML kräver ett vanligt "
                                                   "mellanslag efter kolon. {fix}")),
                                 (_AFTER_DASH, N_("Efter strecket står {character}, men YAML kräver ett vanligt "
                                                  "mellanslag efter strecket i en lista. {fix}"))):
            match = pattern.match(line)
            if match:
                found.append(_pasted_blank(number, match.start(1), match.group(1), message))
                break
    return found


def _pasted_blank(line: int, index: int, character: str, message: str) -> YamlSourceError:
    kind = pasted.BY_CHARACTER[character]
    fix = (Message(N_("Ersätt det med vanliga mellanslag.")) if kind.replacement
           else Message(N_("Ta bort det; det syns inte, så radera tecknen runt det och skriv om dem.")))
    return YamlSourceError(line, index + 1, message, character=kind.message, fix=fix)


# --- characters YAML refuses anywhere ------------------------------------------------------------------

# YAML 1.1 (PyYAML) allows tab, line breaks, printable ASCII, NEL and everything from U+00A0 except surrogates.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def reader_error(text: str) -> YamlSourceError:
    """PyYAML refused a character before parsing (a ReaderError): name it where it stands."""
    found = _NOT_PRINTABLE.search(text)
    index = found.start() if found else 0
    line, column = position_of(text, index)
    code = f"U+{ord(found.group()):04X}" if found else "?"
    return YamlSourceError(line, column, N_("Raden innehåller ett osynligt styrtecken ({code}) som inte får finnas "
                                            "i en YAML-fil. Ta bort det; det kommer ofta med inklistrad text."),
                           code=code)


def position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


# --- the likely line of a mistake --------------------------------------------------------------------

_KEY = re.compile(r"""(?:"[^"]*"|'[^']*'|[^\s#'"\[\]{}-][^#]*?|-[^\s#][^#]*?)[ \t]*:(?:[ \t]|$)""")
_OPENS = re.compile(r":[ \t]*(?:#.*)?$")
_GLUED = re.compile(r"[ ]*(?:-[ ]+)?([a-z_]+):(?!//)([^\s:][^:]*)$")
_TYPOGRAPHIC = "".join(p.character for p in pasted.QUOTES)
_CLOSED_TYPOGRAPHICALLY = re.compile(rf"""[ ]*(?:-[ ]+)?[^:#]+:[ ]+(["'])[^"']*([{_TYPOGRAPHIC}])[ ]*$""")


@dataclass
class Suspect:
    """A line that does not fit the lines around it, and what to say about it."""

    line: int
    column: int
    message: str
    params: dict[str, object]


@dataclass
class _Level:
    column: int
    is_list: bool
    line: int
    name: str


def _item_content(text: str) -> tuple[int, str]:
    """How far the content of a list item (`- name: A`) is from the dash, and the content."""
    rest = text[1:]
    stripped = rest.lstrip(" ")
    return 1 + len(rest) - len(stripped), stripped


def _name(text: str) -> str:
    """A line as a message shows it: the key with its colon, or the start of the text."""
    text = text.lstrip("- ").strip()
    key = _KEY.match(text)
    shown = key.group().strip() if key else text
    return shown if len(shown) <= 40 else shown[:37] + "..."


class LayoutReader:
    """Follows the indentation levels of the lines YAML reads as structure, and notes each line that fits
    none of them, or whose shape YAML cannot read (a key glued to its value, a quote closed by a typographic one)."""

    def __init__(self) -> None:
        self.levels: list[_Level] = []
        self.opens = False  # the line above ends with a colon or a lone dash: a deeper level may follow
        self.suspects: list[Suspect] = []
        self.previous: tuple[int, str, int] = (0, "", 0)  # line, text, indentation
        self.texts: dict[int, str] = {}

    def read(self, line: StructureLine) -> None:
        text = line.text.strip()
        if not text or text.startswith("#"):
            return
        indent = len(line.text) - len(line.text.lstrip(" "))
        self._check_shape(line.number, line.text)
        is_item = text == "-" or text.startswith("- ")
        if not self.levels:
            self.levels.append(_Level(indent, is_item, line.number, _name(text)))
        if self._fits_level(line, text, indent, is_item):
            self._check_kind(line.number, indent, is_item, bool(_KEY.match(text)))
            self._after(line.number, text, indent, is_item)

    def _fits_level(self, line: StructureLine, text: str, indent: int, is_item: bool) -> bool:
        top = self.levels[-1]
        if indent > top.column:
            if self.opens:
                self.levels.append(_Level(indent, is_item, line.number, _name(text)))
                return True
            if line.after_block:
                self._suspect(line.number, indent, N_(
                    "Raden är mindre indragen än texten ovanför (efter «{above}» på rad {above_line}). Ge alla rader "
                    "i texten samma indrag."), above=_name(self._line_text(line.after_block)),
                    above_line=line.after_block)
            elif _KEY.match(text) or is_item:
                above_line, above_text, above_indent = self.previous
                self._suspect(line.number, indent, N_(
                    "Raden har {indent} mellanslag i indrag, fler än «{above}» på rad {above_line}, som redan har ett "
                    "värde. Hör raden ihop med den, ge den samma indrag: {spaces} mellanslag."),
                    indent=indent, above=_name(above_text), above_line=above_line, spaces=above_indent)
            return False  # otherwise the continuation of a text on the lines above
        if self.opens and is_item and indent == top.column and not top.is_list:
            self.levels.append(_Level(indent, True, line.number, _name(text)))  # a list right under its key
        elif indent < top.column:
            popped = top
            while len(self.levels) > 1 and self.levels[-1].column > indent:
                popped = self.levels.pop()
            if self.levels[-1].column != indent:
                self._suspect(line.number, indent, N_(
                    "Raden har {indent} mellanslag i indrag, men raderna den kan höra ihop med har {outer} (som "
                    "«{outer_name}» på rad {outer_line}) eller {inner} mellanslag. Ge den samma indrag som fälten "
                    "den hör ihop med."), indent=indent, outer=popped.column, outer_name=popped.name,
                    outer_line=popped.line, inner=self.levels[-1].column)
                self._remember(line.number, text, indent, opens=False)
                return False
        return True

    def _check_kind(self, number: int, indent: int, is_item: bool, looks_like_key: bool) -> None:
        level = self.levels[-1]
        if level.is_list and not is_item and looks_like_key:
            self._suspect(number, indent, N_(
                "Raden står bland listans punkter (som «{item}» på rad {item_line}) men börjar inte med «- ». Hör "
                "fältet till punkten ovanför, ge det {spaces} mellanslag i indrag, som fälten i punkten."),
                item=level.name, item_line=level.line, spaces=indent + 2)
        elif not level.is_list and is_item:
            self._suspect(number, indent, N_(
                "Raden börjar med «- » men står bland fält (som «{sibling}» på rad {sibling_line}), inte under ett "
                "fält som är en lista. Dra in den under fältet den hör till, eller ta bort «- »."),
                sibling=level.name, sibling_line=level.line)

    def _check_shape(self, number: int, source: str) -> None:
        glued = _GLUED.match(source)
        if glued:
            key, value = glued.groups()
            self.suspects.append(Suspect(number, source.index(":") + 2, N_(
                "Efter kolonet i «{key}:» saknas ett mellanslag. Skriv: {key}: {value}"), {"key": key, "value": value}))
        closed = _CLOSED_TYPOGRAPHICALLY.match(source)
        if closed:
            self.suspects.append(Suspect(number, closed.start(1) + 1, N_(
                "Citattecknet här stängs med {character}, som YAML inte läser som citattecken. Skriv raka "
                "citattecken ({quote}) på båda sidor om värdet."),
                {"character": pasted.BY_CHARACTER[closed.group(2)].message, "quote": closed.group(1)}))

    def _after(self, number: int, text: str, indent: int, is_item: bool) -> None:
        if is_item:
            offset, content = _item_content(text)
            if content and _KEY.match(content):
                self.levels.append(_Level(indent + offset, False, number, _name(content)))
            self._remember(number, text, indent, opens=not content or bool(_OPENS.search(content)))
            return
        self._remember(number, text, indent, opens=bool(_KEY.match(text)) and bool(_OPENS.search(text)))

    def _remember(self, number: int, text: str, indent: int, opens: bool) -> None:
        self.previous = (number, text, indent)
        self.opens = opens
        self.texts[number] = text

    def _line_text(self, number: int) -> str:
        return self.texts.get(number, "")

    def _suspect(self, number: int, at: int, message: str, **params: object) -> None:
        self.suspects.append(Suspect(number, at + 1, message, params))


def likely_mistake(text: str, error_line: int) -> Suspect | None:
    """The line at or above `error_line` that fits its surroundings least: the nearest such line."""
    reader = LayoutReader()
    for line in structure_lines(text):
        if line.number > error_line:
            break
        reader.read(line)
    return reader.suspects[-1] if reader.suspects else None


# --- PyYAML's syntax errors, problem by problem ------------------------------------------------------


@dataclass(frozen=True)
class Mistake:
    """What went wrong, in PyYAML's words: where it noticed, and where the construct it was reading started."""

    problem: str
    context: str
    line: int
    column: int
    context_line: int
    context_column: int
    text: str

    def source_line(self, number: int) -> str:
        lines = self.text.splitlines()
        return lines[number - 1] if 0 < number <= len(lines) else ""

    @property
    def character(self) -> str:
        line = self.source_line(self.line)
        return line[self.column - 1] if 0 < self.column <= len(line) else ""


Handler = Callable[[Mistake], YamlSourceError]
_HANDLERS: list[tuple[re.Pattern[str], Handler]] = []


def handles(*patterns: str):
    """Register a handler for the problems (or contexts) matching any of `patterns`."""
    def register(function: Handler) -> Handler:
        _HANDLERS.extend((re.compile(pattern), function) for pattern in patterns)
        return function
    return register


def syntax_error(error: yaml.MarkedYAMLError, text: str) -> YamlSourceError:
    problem_mark = error.problem_mark or error.context_mark
    context_mark = error.context_mark or problem_mark
    mistake = Mistake(
        problem=error.problem or "", context=error.context or "",
        line=problem_mark.line + 1 if problem_mark else 1, column=problem_mark.column + 1 if problem_mark else 1,
        context_line=context_mark.line + 1 if context_mark else 1,
        context_column=context_mark.column + 1 if context_mark else 1, text=text,
    )
    return handler_for(mistake.problem, mistake.context, mistake.character)(mistake)


# Some problems (a missing letter, space or line break) are reported by the scanner in several places, so
# their context decides: "while scanning a directive", "... an anchor", "... a tag", "... a block scalar".
AMBIGUOUS = (r"alphabetic or numeric character", r"expected ' '", r"expected whitespace",
             r"comment or (a )?line break", r"expected '!'")


def handler_for(problem: str, context: str = "", character: str = "") -> Handler:
    if "tab" in problem or character == "\t":
        return tab_in_indentation
    for pattern, handler in _HANDLERS if not any(re.search(a, problem) for a in AMBIGUOUS) else ():
        if pattern.search(problem):
            return handler
    for pattern, handler in _HANDLERS:
        if pattern.search(context):
            return handler
    return unreadable_line


def tab_in_indentation(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.line, mistake.column, N_("Tabbtecken i indraget. Använd mellanslag (två per nivå)."))


def unreadable_line(mistake: Mistake) -> YamlSourceError:
    """The last resort for a problem no handler knows: still Swedish, still the line."""
    return YamlSourceError(mistake.line, mistake.column, N_(
        "YAML kan inte läsa raden. Kontrollera indraget, att varje fält har kolon och mellanslag efter namnet, och "
        "att citattecken och hakparenteser stängs; kontrollera också raden ovanför."))


@handles(r"mapping values are not allowed")
def unexpected_colon(mistake: Mistake) -> YamlSourceError:
    """A colon where YAML did not expect one: most often a colon inside a text, otherwise a wrong indent."""
    source = mistake.source_line(mistake.line)
    found = _KEY_AND_TEXT.match(source)
    if found:
        key, value = found.groups()
        return colon_in_text(mistake.line, mistake.column, key, value.strip())
    return indentation(mistake)


_KEY_AND_TEXT = re.compile(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s+(.*:\s.*)$")


def colon_in_text(line: int, column: int, key: str, value: str) -> YamlSourceError:
    quotes = "".join(p.character for p in pasted.QUOTES)
    if len(value) > 1 and value[0] in quotes and value[-1] in quotes:
        return YamlSourceError(line, column, N_(
            "Texten står inom {character}, som YAML inte läser som citattecken, och innehåller kolon och mellanslag "
            "(«: »), som YAML läser som ett nytt fält. Skriv raka citattecken: {key}: \"{value}\""),
            character=pasted.BY_CHARACTER[value[0]].message, key=key, value=value[1:-1].replace('"', '\\"'))
    return YamlSourceError(line, column, N_(
        "Texten innehåller kolon och mellanslag («: »), som YAML läser som ett nytt fält. Sätt hela texten "
        "inom citattecken: {key}: \"{value}\""), key=key, value=value.replace('"', '\\"'))


@handles(r"did not find expected key", r"expected <block end>", r"did not find expected '-' indicator",
         r"sequence entries are not allowed", r"invalid indentation or unclosed", r"expected the node content",
         r"did not find expected node content", r"while parsing a block (mapping|collection|node)")
def indentation(mistake: Mistake) -> YamlSourceError:
    suspect = likely_mistake(mistake.text, mistake.line)
    if suspect:
        return YamlSourceError(suspect.line, suspect.column, suspect.message, **suspect.params)
    return YamlSourceError(mistake.line, mistake.column, N_(
        "Raden har troligen fel indrag. Ge den samma indrag som fälten den hör ihop med (två mellanslag per "
        "nivå), och kontrollera raden ovanför."))


@handles(r"could not find expected ':'")
def missing_colon(mistake: Mistake) -> YamlSourceError:
    line = mistake.context_line
    source = mistake.source_line(line)
    glued = re.match(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):(\S.*)$", source)
    if glued:
        key, value = glued.groups()
        return YamlSourceError(line, mistake.context_column + len(key) + 1, N_(
            "Efter kolonet i «{key}:» saknas ett mellanslag. Skriv: {key}: {value}"), key=key, value=value)
    suspect = likely_mistake(mistake.text, line)
    if suspect and suspect.line == line:
        return YamlSourceError(line, suspect.column, suspect.message, **suspect.params)
    return YamlSourceError(line, mistake.context_column, N_(
        "Raden saknar kolon efter fältnamnet. Skriv «fält: värde». Är raden fortsättningen på en text ovanför, "
        "dra in den lika mycket som texten, eller sätt hela texten inom citattecken."))


@handles(r"expected ',' or '\]'", r"did not find expected ',' or '\]'", r"while parsing a flow sequence")
def unclosed_list(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.context_line, mistake.context_column, N_(
        "Listan som börjar med [ här stängs inte med ] på samma rad, eller så saknas ett komma mellan två värden. "
        "Skriv listan på en rad, till exempel languages: [sv, ar]."))


@handles(r"expected ',' or '\}'", r"did not find expected ',' or '\}'", r"while parsing a flow mapping")
def unclosed_group(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.context_line, mistake.context_column, N_(
        "Gruppen som börjar med {open} här stängs inte med {close}, eller så saknas ett komma mellan två fält. "
        "Skriv hellre ett fält per rad, indraget under gruppens namn, utan klamrar."), open="{", close="}")


@handles(r"found unexpected end of stream", r"while scanning a (double-)?quoted scalar")
def unclosed_quote(mistake: Mistake) -> YamlSourceError:
    line, column = mistake.context_line, mistake.context_column
    source = mistake.source_line(line)
    quote = source[column - 1] if 0 < column <= len(source) else '"'
    typographic = next((p for p in pasted.QUOTES if p.character in source[column:]), None)
    if typographic:
        return YamlSourceError(line, column, N_(
            "Citattecknet här stängs med {character}, som YAML inte läser som citattecken. Skriv raka citattecken "
            "({quote}) på båda sidor om värdet."), character=typographic.message, quote=quote)
    return YamlSourceError(line, column, N_(
        "Citattecknet ({quote}) här stängs aldrig. Avsluta värdet med samma citattecken på samma rad."), quote=quote)


@handles(r"found unexpected document (separator|indicator)")
def document_marker_in_quote(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.line, mistake.column, N_(
        "En rad som börjar med --- eller ... avslutar filen mitt i texten inom citattecken som börjar på rad "
        "{start}. Stäng citattecknet före raden, eller dra in raden."), start=mistake.context_line)


@handles(r"unknown escape character", r"escape sequence of", r"invalid Unicode character escape",
         r"expected hexdecimal number")
def backslash_in_quotes(mistake: Mistake) -> YamlSourceError:
    backslash = mistake.source_line(mistake.line).rfind("\\", 0, mistake.column)
    return YamlSourceError(mistake.line, backslash + 1 if backslash >= 0 else mistake.column, N_(
        "Inom dubbla citattecken (\"...\") betyder omvänt snedstreck (\\) något särskilt. Skriv \\\\ för ett "
        "snedstreck, eller använd enkla citattecken ('...') runt värdet."))


@handles(r"chomping or indentation indicator", r"indentation indicator", r"while scanning a block scalar")
def after_block_indicator(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.line, mistake.column, N_(
        "Efter | eller > får inget mer stå på raden. Skriv texten på raderna under, indragen två mellanslag mer "
        "än fältet."))


@handles(r"cannot start any token", r"found unexpected ':'")
def reserved_first_character(mistake: Mistake) -> YamlSourceError:
    return reserved_character(mistake, mistake.character or "?")


@handles(r"while scanning an? (anchor|alias)")
def bad_anchor(mistake: Mistake) -> YamlSourceError:
    return reserved_character(mistake, mistake.source_line(mistake.context_line)[mistake.context_column - 1:][:1])


@handles(r"directive", r"version number", r"YAML document", r"expected a digit", r"digit or '\.'",
         r"non-alphabetical character", r"duplicate tag handle")
def directive(mistake: Mistake) -> YamlSourceError:
    return YamlSourceError(mistake.context_line, mistake.context_column, N_(
        "En rad som börjar med % läser YAML som en instruktion till sig själv. Ta bort raden, eller dra in den "
        "och sätt texten inom citattecken om den hör till ett värde."))


@handles(r"tag", r"expected '>'", r"URI", r"mapping keys are not allowed")
def bad_tag(mistake: Mistake) -> YamlSourceError:
    return reserved_character(mistake, mistake.source_line(mistake.context_line)[mistake.context_column - 1:][:1])


def reserved_character(mistake: Mistake, character: str) -> YamlSourceError:
    source = mistake.source_line(mistake.context_line)
    found = re.match(r"\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_]*):\s+(.*)$", source)
    if found:
        key, value = found.groups()
        return YamlSourceError(mistake.context_line, mistake.context_column, N_(
            "Ett värde kan inte börja med «{character}» utan citattecken; tecknet betyder något särskilt i YAML. "
            "Sätt hela värdet inom citattecken: {key}: \"{value}\""),
            character=character, key=key, value=value.strip().replace('"', '\\"'))
    return YamlSourceError(mistake.context_line, mistake.context_column, N_(
        "Ett värde kan inte börja med «{character}» utan citattecken; tecknet betyder något särskilt i YAML. Sätt "
        "hela värdet inom citattecken."), character=character)


@handles(r"document start", r"expected a single document")
def after_the_document(mistake: Mistake) -> YamlSourceError:
    lines = mistake.text.splitlines()[:mistake.line]
    percent = [number for number, line in enumerate(lines, start=1) if line.startswith("%")]
    if percent:
        return directive(Mistake(mistake.problem, mistake.context, percent[-1], 1, percent[-1], 1, mistake.text))
    return YamlSourceError(mistake.line, mistake.column, N_(
        "YAML läser filen som slut före den här raden. Ta bort raden eller raden med --- eller ... ovanför, så "
        "att filen beskriver en sak."))
