"""Screenshots of the collection tab, light and dark, for docs/screenshots/.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/collection_screenshots.py [OUT_DIR]

Writes a small made-up collection (a town council over three weeks; written for this
script, not taken from any publisher) into a temporary folder, opens it in the real
window with the real pipeline (analysed in this process), selects the most quoted voice
and saves collection-light.png and collection-dark.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["STANCE_READER_HOME"] = tempfile.mkdtemp()

ARTICLES = {
    "2024-03-04-harbour.md": ("2024-03-04", "Harbour plan splits council", [
        '"The harbour is our future," Mayor Lena Fox said at Monday\'s meeting.',
        '"This is a reckless waste of money," councillor Tom Wells said.',
        'Fox said the plan would bring "hundreds of jobs" to the town.']),
    "2024-03-06-budget.md": ("2024-03-06", "Budget passes after long night", [
        '"We will not raise taxes this year," treasurer Anna Berg said.',
        '"It is a fair budget for hard times," Mayor Lena Fox said.',
        'Tom Wells called the vote "a sad day for this town."']),
    "2024-03-06-schools.md": ("2024-03-06", "Schools reopen after floods", [
        '"Children are happy to be back," headteacher Maria Lopez said.',
        '"The staff worked wonders," Lopez added.',
        '"We owe the teachers a great deal," Mayor Lena Fox said.']),
    "2024-03-11-ferry.md": ("2024-03-11", "Ferry service to resume", [
        '"The first boat leaves on Monday," said Sam Okafor of the ferry company.',
        '"Passengers have been very patient," Okafor said.',
        '"It is about time," Tom Wells said.']),
    "2024-03-13-protest.md": ("2024-03-13", "Residents protest harbour dredging", [
        '"They are destroying the bay," protester Ines Duarte said.',
        '"Nobody asked us," Duarte said. "Nobody listened."',
        '"We will listen to every resident," Mayor Lena Fox said.']),
    "2024-03-18-harbour-vote.md": ("2024-03-18", "Council approves harbour plan", [
        '"A proud day for the town," Mayor Lena Fox said after the vote.',
        '"I fear we will regret this terrible decision," Tom Wells said.',
        '"The numbers work," treasurer Anna Berg said.']),
    "2024-03-20-market.md": ("2024-03-20", "Spring market draws crowds", [
        '"Best market in years," stallholder Priya Nair said.',
        '"We sold out by noon," Nair said with a smile.',
        '"The ferry brought half the crowd," Okafor said.']),  # joins Sam Okafor (surname)
}


# Made-up bylines: the outlet column reads them ("Jo Reed, Harbour Gazette").
BYLINES = ("Jo Reed, Harbour Gazette", "Sam Ortiz | Bay Courier")


def write(folder: Path) -> None:
    for n, (name, (day, title, paragraphs)) in enumerate(ARTICLES.items()):
        body = "\n\n".join(paragraphs)
        byline = BYLINES[n % len(BYLINES)]
        (folder / name).write_text(f"---\ntitle: {title}\nauthor: {byline}\ndate: {day}\n"
                                   f"---\n\n{body}\n", encoding="utf-8")


def main() -> int:
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])  # noqa: F841
    from stance_reader.collection.pool import run_local
    from stance_reader.store.history import open_history
    from stance_reader.store.paths import user_paths
    from stance_reader.store.settings import SettingsStore
    from stance_reader.ui.main_window import MainWindow

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[1] / "docs" / "screenshots"
    folder = Path(tempfile.mkdtemp()) / "town-council"
    folder.mkdir()
    write(folder)
    paths = user_paths()
    settings = SettingsStore(paths.settings_file)
    settings.load()
    history, _ = open_history(paths.history_db)
    window = MainWindow(settings, history)
    window.collections.run = lambda p, **k: run_local(p, jobs=1, model=k.get("model"),
                                                      cancel=k.get("cancel"))
    window.resize(1400, 900)
    window.show()
    tab = window.open_path(str(folder))
    loop = QEventLoop()
    tab.done.connect(lambda _how: loop.quit())
    QTimer.singleShot(300_000, loop.quit)
    loop.exec()
    tab.select_voice(tab.voices.voices[0].key)
    for theme in ("light", "dark"):
        settings.update(theme=theme)
        settle = QEventLoop()  # layouts and scroll bars follow in later events
        QTimer.singleShot(300, settle.quit)
        settle.exec()
        window.grab().save(str(out / f"collection-{theme}.png"))
        print(out / f"collection-{theme}.png")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
