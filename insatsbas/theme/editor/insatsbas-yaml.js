// The catalogue's YAML form for the web editor (Decap CMS): reads an entry file and writes it back byte for
// byte as `insatsbas format` does (insatsbas/canonical.py). The rules are the same, written once here in
// JavaScript: the layout (key order, which lists are flow lists, which texts are Markdown or always quoted)
// comes from the entry schema through Python, this module chooses each node's style, and the `yaml` package
// does the syntax and escaping. The same file runs in the browser (an import map points `yaml` at the
// package's browser build) and in Node for the tests.
import { Document, Pair, Scalar, YAMLMap, YAMLSeq, parse } from 'yaml';

const TEXT = { kind: 'text' };

// Line breaks of other systems become "\n"; a tab becomes a space.
const BREAKS = /\r\n|[\r\x85\u2028\u2029]/g;
// Control characters, the byte order mark, noncharacters at the end of a plane, lone surrogate halves.
const INVISIBLE = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufeff\ufffe\uffff\u{10ffff}]/gu;
// Markdown's hard break as trailing spaces becomes a backslash, as Decap's Markdown widget writes it.
const TRAILING_SPACES_BREAK = / {2,}$/;

// YAML 1.2 core schema: the plain scalars that are not text.
const CORE_NON_TEXT = new RegExp(
  '^(?:(?:~|null|Null|NULL)?' +
    '|true|True|TRUE|false|False|FALSE' +
    '|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+' +
    '|[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?' +
    '|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$',
);
const PLAIN_FIRST = new Set("-?:,[]{}#&*!|>'\"%@` ");
const FLOW_INDICATORS = /[,?[\]{}:]/;
const ASTRAL = /[\u{10000}-\u{10ffff}]/u;

const OUTPUT = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  flowCollectionPadding: false,
  doubleQuotedMinMultiLineLength: Infinity,
};

export function fromFile(text) {
  return parse(text, { version: '1.2', schema: 'core', uniqueKeys: true }) ?? {};
}

export function toFile(data, layout) {
  const value = tidy(data, layout, layout.pasted);
  if (isEmpty(value)) return '';
  const doc = new Document();
  doc.contents = styledNode(value, layout, false);
  return doc.toString(OUTPUT);
}

// Decap's custom format: `CMS.registerCustomFormat(name, 'yml', createFormat(layout))`.
export function createFormat(layout) {
  return { fromFile, toFile: (data) => toFile(data, layout) };
}

export function fieldLayout(layout, key) {
  return layout.fields?.[key] ?? layout.each ?? TEXT;
}

export function tidyText(text, markdown = false) {
  let lines = text.replace(BREAKS, '\n').replace(/\t/g, ' ').replace(INVISIBLE, '').split('\n');
  if (markdown) {
    lines = lines.map((line, index) =>
      index + 1 < lines.length && /[^ ]/.test(lines[index + 1]) ? line.replace(TRAILING_SPACES_BREAK, '\\') : line,
    );
  }
  lines = lines.map((line) => line.replace(/ +$/, ''));
  while (lines.length && !lines[0]) lines.shift();
  while (lines.length && !lines[lines.length - 1]) lines.pop();
  if (!lines.length) return '';
  if (lines.length === 1 && !markdown) return lines[0].replace(/^ +/, '');
  return lines.join('\n') + '\n';
}

// Characters pasted from Word, replaced as the catalogue's reader replaces them (`pasted` is the layout's
// table from insatsbas/pasted.py: a non-breaking space becomes a space; in telephone numbers dashes become
// hyphens).
export function cleanPasted(text, pasted, inNumber = false) {
  const table = pasted?.[inNumber ? 'number' : 'text'] ?? {};
  return Array.from(text, (character) => table[character] ?? character).join('');
}

export function tidy(value, layout, pasted) {
  if (Array.isArray(value)) {
    const itemsLayout = layout.items ?? TEXT;
    return value.map((item) => tidy(item, itemsLayout, pasted)).filter((item) => !isEmpty(item));
  }
  if (value !== null && typeof value === 'object') {
    const kept = {};
    for (const [key, item] of Object.entries(value)) {
      const tidied = tidy(item, fieldLayout(layout, key), pasted);
      if (!isEmpty(tidied)) kept[key] = tidied;
    }
    return kept;
  }
  if (typeof value === 'string') {
    return tidyText(cleanPasted(value, pasted, layout.number === true), layout.kind === 'markdown');
  }
  if (value === 0) return 0; // -0 too
  return value;
}

function isEmpty(value) {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

export function plainAllowed(text, inFlow) {
  return (
    text !== '' &&
    !(
      PLAIN_FIRST.has(text[0]) ||
      text.startsWith('...') ||
      text.endsWith(' ') ||
      text.endsWith(':') ||
      text.includes(': ') ||
      text.includes(' #') ||
      text.includes('\n') ||
      (inFlow && FLOW_INDICATORS.test(text)) ||
      CORE_NON_TEXT.test(text)
    )
  );
}

export function textStyle(text, kind, inFlow) {
  if (text.includes('\n') && !inFlow) return Scalar.BLOCK_LITERAL;
  if (kind !== 'quoted' && plainAllowed(text, inFlow)) return Scalar.PLAIN;
  return ASTRAL.test(text) ? Scalar.QUOTE_SINGLE : Scalar.QUOTE_DOUBLE;
}

function styledNode(value, layout, inFlow) {
  if (Array.isArray(value)) {
    const flow = layout.kind === 'flow' && value.every(fitsFlow);
    const itemsLayout = flow ? TEXT : (layout.items ?? TEXT);
    const seq = new YAMLSeq();
    seq.flow = flow;
    seq.items = value.map((item) => styledNode(item, itemsLayout, flow));
    return seq;
  }
  if (value !== null && typeof value === 'object') {
    const known = (layout.keys ?? []).filter((key) => key in value);
    const unknown = Object.keys(value).filter((key) => !(layout.keys ?? []).includes(key));
    const map = new YAMLMap();
    map.items = [...known, ...unknown].map(
      (key) => new Pair(keyNode(key), styledNode(value[key], fieldLayout(layout, key), false)),
    );
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string') scalar.type = textStyle(value, layout.kind ?? 'text', inFlow);
  return scalar;
}

function keyNode(key) {
  const scalar = new Scalar(key);
  scalar.type = textStyle(key, 'text', true);
  return scalar;
}

function fitsFlow(item) {
  return !(item !== null && typeof item === 'object') && !(typeof item === 'string' && item.includes('\n'));
}
