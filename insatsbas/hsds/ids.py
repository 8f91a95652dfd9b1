"""Stable HSDS identifiers: UUID version 5 from one fixed project namespace.

HSDS wants a UUID for every object. Deriving it from the entry id and the object's key inside the entry
(`uuid5(NAMESPACE, "location|huddinge/sprakcafe|1")`) gives the same UUID on every build, so consumers can
follow an object from one export to the next, and the round trip export -> import -> export is identical.
"""

from __future__ import annotations

import uuid
from hashlib import sha1

# Fixed for the life of the project: changing it changes every published identifier.
NAMESPACE = uuid.UUID("5e122856-8d8b-4108-acad-b047d819d1ea")
_NAMESPACE_BYTES = NAMESPACE.bytes


def hsds_id(kind: str, *keys: str) -> str:
    """The UUID of the object of `kind` (an HSDS table name) identified by `keys`: exactly
    `str(uuid.uuid5(NAMESPACE, "kind|key|..."))` (tested), computed without building UUID objects, which
    took 3.5 s of the export at 5,000 entries (55 identifiers an entry)."""
    digest = bytearray(sha1(_NAMESPACE_BYTES + "|".join((kind, *keys)).encode()).digest()[:16])
    digest[6] = digest[6] & 0x0F | 0x50  # version 5
    digest[8] = digest[8] & 0x3F | 0x80  # RFC 4122 variant
    text = digest.hex()
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
