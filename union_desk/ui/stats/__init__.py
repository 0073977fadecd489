"""年度统计: the statistics page."""
