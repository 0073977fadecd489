"""Excel ledgers: one column spec per ledger drives export, import and display."""
