"""Data files shipped with Stance Reader."""
