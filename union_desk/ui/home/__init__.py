"""home tab."""
