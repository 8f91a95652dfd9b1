"""Editors' tools over the reader: new entries and the schema file (authoring), the written form
(formatting), confirming a review (confirm), review status and reminders (review, remind), ownership
(owners) and validation (validation)."""
