"""Open data in Open Referral's Human Services Data Specification (HSDS) 3.0.

- `export`: the `Catalogue` model -> a JSON list of full services and the tabular form (CSV + datapackage.json).
- `importer`: an HSDS JSON service list -> catalogue YAML files for one owner, with a report of what was not kept.
- `ids`: stable uuid5 identifiers; `terms`: the taxonomies; `tables`: the tabular form.
"""
