"""Plain-Python services: every write goes through here (validation, audit log, transactions)."""
