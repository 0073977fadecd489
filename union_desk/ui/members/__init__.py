"""members tab."""
