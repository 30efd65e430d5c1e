"""Package data (installed as `stance_reader.resources`): icons, desktop entry, MIME type,
AppStream metainfo. Found the same way in an editable install, a wheel and a bundle."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DESKTOP_ID = "io.github.stance_reader.StanceReader"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def path(name: str) -> Path:
    """A resource file by its name relative to this folder."""
    return Path(str(resources.files(__name__).joinpath(name)))


def icon_path(size: int | None = None) -> Path:
    return path(f"icons/stance-reader-{size}.png" if size else "icons/stance-reader.svg")


def desktop_entry() -> Path:
    return path(f"{DESKTOP_ID}.desktop")


def metainfo() -> Path:
    return path(f"{DESKTOP_ID}.metainfo.xml")


def mime_xml() -> Path:
    return path("stance-reader-mime.xml")
