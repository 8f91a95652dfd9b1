"""Usage statistics from the search page's beacons: ingest access logs into stats.db, report, suggest."""
