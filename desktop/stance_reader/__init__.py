"""Stance Reader: see who speaks in a news article, and how."""

__version__ = "0.1.0"
