"""PostgreSQL migrations (numbered SQL files), shipped as package data."""
