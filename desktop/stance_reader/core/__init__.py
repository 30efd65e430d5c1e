"""The processing core: loaders, analysis and the `Analysis` model. Never imports Qt."""
