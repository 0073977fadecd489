"""Pure domain helpers: no Qt, no database."""
