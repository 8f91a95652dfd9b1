// The editor's Decap configuration from the page's setup JSON (written by insatsbas/editor/config.py): the
// fields are the same in every owner's collection, so the page carries them once, with each owner's
// defaults for a new entry (by dotted key path), and this puts them together.
export function expandConfig({ config, fields, defaults }) {
  return {
    ...config,
    collections: config.collections.map((collection) => ({
      ...collection,
      fields: withDefaults(fields, defaults[collection.name] ?? {}, []),
    })),
  };
}

function withDefaults(fields, defaults, path) {
  return fields.map((field) => {
    const key = [...path, field.name].join('.');
    const copy = { ...field };
    if (key in defaults) copy.default = defaults[key];
    if (field.fields) copy.fields = withDefaults(field.fields, defaults, [...path, field.name]);
    return copy;
  });
}
