"""Numbered schema migrations, one folder per backend (``NNN_name.sql``)."""
