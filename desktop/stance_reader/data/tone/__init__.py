"""Tone data: the news lexicon and the trained model weights (see PROVENANCE.md)."""
