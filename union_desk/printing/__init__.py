"""PDF printing with ReportLab (Chinese fonts, slips, sheets)."""
