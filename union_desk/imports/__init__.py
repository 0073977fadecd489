"""Imports from Excel, WPS and CSV: one pipeline (read → map headers → check → preview → apply in one transaction → report) for rosters, ledgers, plans and sign-ups."""
