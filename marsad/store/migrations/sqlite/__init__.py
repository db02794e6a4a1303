"""SQLite migrations: ``NNN_name.sql``, applied in order, each in its own transaction."""
