// Interface text for scripts: the templates write it, translated through gettext, into JSON blocks.

export function strings(id) {
  const element = document.getElementById(id);
  return element ? JSON.parse(element.textContent) : {};
}

export function format(template, params) {
  return template.replace(/\{(\w+)\}/g, (match, key) => (key in params ? String(params[key]) : match));
}

export const pageLanguage = document.documentElement.lang || "sv";
