"""Menu mnemonics (the underlined Alt letters): one per entry, unique within its menu.

Alt+E then P must open what it says. Entries written with an explicit "&" keep it; the
others get the first free letter of a word, then any free letter, so entries added later
(layer names, other engineers' actions) never collide silently. A test walks every menu.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QMenuBar, QWidget


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" (lower case), or None; "&&" is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def escape(text: str) -> str:
    """Text shown as is in a menu (titles of files): "&" is not a mnemonic."""
    return text.replace("&", "&&")


def _with_mnemonic(text: str, taken: set[str]) -> str:
    starts = [i for i, c in enumerate(text) if c.isalnum() and (i == 0 or not text[i - 1].isalnum())]
    for i in [*starts, *range(len(text))]:
        c = text[i]
        if c.isalnum() and c.lower() not in taken:
            taken.add(c.lower())
            return text[:i] + "&" + text[i:]
    return text


def assign_mnemonics(container: QWidget) -> None:
    """Give every entry of a menu bar or menu (and its submenus) a unique mnemonic."""
    if not isinstance(container, (QMenu, QMenuBar)):
        return
    actions = [a for a in container.actions() if not a.isSeparator() and a.text()]
    taken = {m for a in actions if (m := mnemonic(a.text())) is not None}
    for a in actions:
        if mnemonic(a.text()) is None:
            a.setText(_with_mnemonic(a.text(), taken))
        if a.menu() is not None:
            assign_mnemonics(a.menu())
