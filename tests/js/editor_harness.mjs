// Runs the web editor's scripts (theme/editor/insatsbas-yaml.js, setup.js) for the tests: reads one JSON request
// from stdin, {layout, cases: [...]}, and writes one JSON answer per case in the same order.
//   {op: "roundtrip", text}            -> {text: toFile(fromFile(text))}
//   {op: "write", data}                -> {text: toFile(data)}
//   {op: "read", text}                 -> {data: fromFile(text)}
//   {op: "edit", text, path, value}    -> {text}: fromFile, set the value at the key path, toFile
//   {op: "expand", setup}              -> {config}: the editor page's Decap configuration (setup.js)
import { readFileSync } from 'node:fs';
import { fromFile, toFile } from '../../insatsbas/theme/editor/insatsbas-yaml.js';
import { expandConfig } from '../../insatsbas/theme/editor/setup.js';

const request = JSON.parse(readFileSync(0, 'utf8'));

function run(item) {
  try {
    switch (item.op) {
      case 'roundtrip':
        return { text: toFile(fromFile(item.text), request.layout) };
      case 'write':
        return { text: toFile(item.data, request.layout) };
      case 'read':
        return { data: fromFile(item.text) };
      case 'edit': {
        const data = fromFile(item.text);
        let target = data;
        for (const key of item.path.slice(0, -1)) target = target[key];
        target[item.path[item.path.length - 1]] = item.value;
        return { text: toFile(data, request.layout) };
      }
      case 'expand':
        return { config: expandConfig(item.setup) };
      default:
        return { error: `unknown op ${item.op}` };
    }
  } catch (error) {
    return { error: String(error) };
  }
}

process.stdout.write(JSON.stringify(request.cases.map(run)));
