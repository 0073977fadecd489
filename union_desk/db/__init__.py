"""Storage: peewee models on one SQLite file, its schema steps and its backups."""
