"""activities tab."""
