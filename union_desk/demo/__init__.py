"""Demo data: a realistic (but invented) school union, for trying the program and for tests."""
