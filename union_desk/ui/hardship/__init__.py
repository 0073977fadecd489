"""hardship tab."""
