"""Stable HSDS identifiers: UUID version 5 from one fixed project namespace.

HSDS wants a UUID for every object. Deriving it from the entry id and the object's key inside the entry
(`uuid5(NAMESPACE, "location|huddinge/sprakcafe|1")`) gives the same UUID on every build, so consumers can
follow an object from one export to the next, and the round trip export -> import -> export is identical.
"""

from __future__ import annotations

import uuid

# Fixed for the life of the project: changing it changes every published identifier.
NAMESPACE = uuid.UUID("5e122856-8d8b-4108-acad-b047d819d1ea")


def hsds_id(kind: str, *keys: str) -> str:
    """The UUID of the object of `kind` (an HSDS table name) identified by `keys`."""
    return str(uuid.uuid5(NAMESPACE, "|".join((kind, *keys))))
