"""The per-user store: paths, settings and history (SQLite). Never imports Qt."""
