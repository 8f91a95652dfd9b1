"""Everything about the catalogue's files before there is a model: problems and their messages, the strict
YAML reader, the JSON Schemas and their Swedish messages, code lists, the written form of an entry, text
helpers and the file-and-problem plumbing the reader uses."""
