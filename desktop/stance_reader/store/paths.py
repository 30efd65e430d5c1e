"""Where Stance Reader keeps its files: the platform's per-user folders.

Settings go in the user config folder, history and caches in the user data folder, logs
in the user log folder (found with platformdirs, the maintained successor of appdirs).
Set STANCE_READER_HOME to keep all three under one folder instead (portable installs,
tests): `$STANCE_READER_HOME/config`, `/data`, `/log`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "stance-reader"
HOME_ENV = "STANCE_READER_HOME"


@dataclass(frozen=True, slots=True)
class UserPaths:
    config: Path
    data: Path
    log: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def history_db(self) -> Path:
        return self.data / "history.sqlite3"

    @property
    def records_db(self) -> Path:
        return self.data / "collections.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log / "stance-reader.log"


def user_paths() -> UserPaths:
    home = os.environ.get(HOME_ENV)
    if home:
        root = Path(home).expanduser()
        return UserPaths(root / "config", root / "data", root / "log")
    import platformdirs

    return UserPaths(Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
                     Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
                     Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)))
