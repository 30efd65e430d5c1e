"""Presentation shared by the window and the exports (no Qt): colours and contrast."""
