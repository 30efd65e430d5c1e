"""The reader window (PySide6). Reads only the Analysis model and the store; no NLP here."""
