"""Light and dark themes: follow the system, or a person's choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from stance_reader.style.palette import PAGE, TEXT


def system_theme() -> str:
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else None
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def resolve(setting: str) -> str:
    return setting if setting in ("light", "dark") else system_theme()


def reading_palette(theme: str, base: QPalette) -> QPalette:
    """The reading view's page and text colours for a theme."""
    pal = QPalette(base)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        pal.setColor(group, QPalette.ColorRole.Base, QColor(PAGE[theme]))
        pal.setColor(group, QPalette.ColorRole.Text, QColor(TEXT[theme]))
        pal.setColor(group, QPalette.ColorRole.Window, QColor(PAGE[theme]))
        pal.setColor(group, QPalette.ColorRole.WindowText, QColor(TEXT[theme]))
    return pal


def app_palette(theme: str) -> QPalette:
    """A full application palette for the dark theme (Fusion style); light uses the style's."""
    pal = QPalette()
    if theme == "dark":
        colors = {
            QPalette.ColorRole.Window: "#2a2b2e", QPalette.ColorRole.WindowText: "#ececec",
            QPalette.ColorRole.Base: PAGE["dark"], QPalette.ColorRole.AlternateBase: "#2f3034",
            QPalette.ColorRole.Text: TEXT["dark"], QPalette.ColorRole.Button: "#34353a",
            QPalette.ColorRole.ButtonText: "#ececec", QPalette.ColorRole.Highlight: "#3d6fa8",
            QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#34353a",
            QPalette.ColorRole.ToolTipText: "#ececec", QPalette.ColorRole.PlaceholderText: "#9a9a9a",
            QPalette.ColorRole.Link: "#8ab4f8",
        }
        for role, colour in colors.items():
            pal.setColor(role, QColor(colour))
        # Disabled text (a greyed menu entry, the toolbar's Save Annotated Copy on a
        # collection tab) reads as disabled, as the light style's does.
        for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                     QPalette.ColorRole.ButtonText):
            pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#777777"))
    return pal
