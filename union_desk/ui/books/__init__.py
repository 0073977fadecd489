"""台账 · 年度统计 on the screen: the ledger page (`ledger_page.LedgerPage`, a navigation entry) and
the export panel it shares with the 台账 dialog (`ledger_panel.LedgerPanel`)."""
