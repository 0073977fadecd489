"""plan tab."""
