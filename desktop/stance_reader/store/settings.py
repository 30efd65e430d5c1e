"""Settings: each declared once (name, type, default, title, allowed values), one typed
object, stored as human-readable JSON.

Loading is tolerant: unknown keys are kept for newer versions, a bad value (a string for
a number, `1e999`, a number out of range) falls back to its default with a warning; a file
that is not JSON (a bad byte, deep nesting, too large) is moved aside
(`settings.json.corrupt-<time>`) and the caller is told once; a UTF-8 BOM is fine. No
content of the file stops the program. Saving is atomic; `load_settings` also removes the
temporary files a killed save left behind. Listeners hear the name of each changed key.
"""

from __future__ import annotations

import json
import logging
import math
import reprlib
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from stance_reader.core.loaders.files import read_regular_file
from stance_reader.errors import DocumentTooLarge, InputError, StoreError
from stance_reader.fileio import WriteFailed, atomic_write_text, remove_stale_temp_files
from stance_reader.presentation.layers import LAYER_NAMES

log = logging.getLogger(__name__)
MAX_FILE_BYTES = 1_000_000  # a settings file is a few hundred bytes


@dataclass(frozen=True, slots=True)
class Spec:
    title: str
    choices: tuple[Any, ...] | None = None
    minimum: float | None = None
    maximum: float | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    """Every user setting with its default. `SPECS` gives titles and limits."""

    theme: str = "system"
    font_family: str = ""
    font_size: int = 12
    zoom: int = 100
    reading_width: int = 70
    default_layers: tuple[str, ...] = LAYER_NAMES
    tone_positive: float = 0.05
    tone_negative: float = -0.05
    spacy_model: str = ""
    restore_last_session: bool = True
    history_enabled: bool = True
    recent_files_limit: int = 10
    single_instance: bool = True
    last_folder: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False)


SPECS: dict[str, Spec] = {
    "theme": Spec("Theme", ("system", "light", "dark")),
    "font_family": Spec("Reading font (empty: system font)"),
    "font_size": Spec("Font size (points)", minimum=8, maximum=32),
    "zoom": Spec("Zoom (%)", minimum=50, maximum=300),
    "reading_width": Spec("Reading width (characters)", minimum=40, maximum=140),
    "default_layers": Spec("Layers shown when opening a document", LAYER_NAMES),
    "tone_positive": Spec("Positive tone from (compound)", minimum=0.0, maximum=1.0),
    "tone_negative": Spec("Negative tone up to (compound)", minimum=-1.0, maximum=0.0),
    "spacy_model": Spec("spaCy model (empty: automatic)"),
    "restore_last_session": Spec("Reopen the last session on start"),
    "history_enabled": Spec("Keep reading history"),
    "recent_files_limit": Spec("Recent files to list", minimum=0, maximum=50),
    "single_instance": Spec("Open files in the running window"),
    "last_folder": Spec("Folder last used in the Open and Save dialogs"),
}


def _coerce(name: str, value: Any, default: Any) -> Any:
    """The value as the setting's type, or raise ValueError saying why not."""
    spec = SPECS[name]
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("is not a finite number")
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ValueError("expected true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
            raise ValueError("expected a whole number")
        value = int(value)  # huge ones fail the range check below
    elif isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError("expected a number")
        try:
            value = float(value)
        except OverflowError:
            raise ValueError("is too large a number") from None
    elif isinstance(default, str):
        if not isinstance(value, str):
            raise ValueError("expected text")
    elif isinstance(default, tuple):
        if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
            raise ValueError("expected a list of names")
        bad = [v for v in value if spec.choices and v not in spec.choices]
        if bad:
            raise ValueError(f"unknown {', '.join(bad)}; valid: {', '.join(spec.choices or ())}")
        return tuple(value)
    if spec.choices and not isinstance(default, tuple) and value not in spec.choices:
        raise ValueError(f"must be one of {', '.join(map(str, spec.choices))}")
    if spec.minimum is not None and value < spec.minimum:
        raise ValueError(f"must be at least {spec.minimum}")
    if spec.maximum is not None and value > spec.maximum:
        raise ValueError(f"must be at most {spec.maximum}")
    return value


def from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from parsed JSON, and warnings for values replaced by defaults."""
    defaults = Settings()
    values: dict[str, Any] = {}
    warnings: list[str] = []
    known = {f.name for f in fields(Settings)} - {"extra"}
    for name in known:
        if name not in data:
            continue
        default = getattr(defaults, name)
        try:
            values[name] = _coerce(name, data[name], default)
        except ValueError as exc:
            warnings.append(f"setting {name!r}: {reprlib.repr(data[name])} {exc}; "
                            f"using {default!r}")
    extra = {k: v for k, v in data.items() if k not in known}
    return replace(defaults, **values, extra=extra), warnings


def to_dict(settings: Settings) -> dict[str, Any]:
    out: dict[str, Any] = dict(settings.extra)
    for f in fields(Settings):
        if f.name != "extra":
            value = getattr(settings, f.name)
            out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


class SettingsStore:
    """Owns the settings file: load, update (validated), save atomically, notify."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.settings = Settings()
        self.warnings: list[str] = []
        self.notices: list[str] = []  # shown to the user once (corrupt file moved aside)
        self._listeners: list[Callable[[str], None]] = []

    def load(self) -> Settings:
        self.warnings, self.notices = [], []
        self.settings = Settings()
        if not self.path.exists():
            return self.settings
        try:
            raw = read_regular_file(self.path, MAX_FILE_BYTES)
        except DocumentTooLarge:
            raw = b"(far too large for settings)"  # damaged: moved aside below
        except InputError as exc:  # a folder, a pipe, unreadable
            self.notices.append(f"Settings could not be read ({exc}); using defaults.")
            return self.settings
        try:
            data = json.loads(raw.decode("utf-8-sig"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            moved = self._move_aside()
            why = ("it is not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else
                   "it is nested too deep" if isinstance(exc, RecursionError) else str(exc)[:200])
            self.notices.append(f"The settings file was damaged ({why}); it was "
                                f"moved to {moved.name if moved else 'nowhere'} and defaults "
                                "are used.")
            return self.settings
        self.settings, self.warnings = from_dict(data)
        for w in self.warnings:
            log.warning("%s", w)
        return self.settings

    def _move_aside(self) -> Path | None:
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        try:
            self.path.replace(target)
            return target
        except OSError:
            return None

    def save(self) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_text(self.path, json.dumps(to_dict(self.settings), indent=2,
                                                    ensure_ascii=False) + "\n")
        except (WriteFailed, OSError) as exc:
            raise StoreError(f"settings could not be saved: {exc}") from exc

    def update(self, **changes: Any) -> Settings:
        """Validate, apply, save, then tell listeners each changed key."""
        defaults = Settings()
        values = {}
        for name, value in changes.items():
            if name not in SPECS:
                raise StoreError(f"unknown setting {name!r}; known: {', '.join(SPECS)}")
            try:
                values[name] = _coerce(name, value, getattr(defaults, name))
            except ValueError as exc:
                raise StoreError(f"setting {name!r}: {value!r} {exc}") from exc
        changed = [k for k, v in values.items() if getattr(self.settings, k) != v]
        self.settings = replace(self.settings, **values)
        self.save()
        for key in changed:
            for listener in list(self._listeners):
                listener(key)
        return self.settings

    def subscribe(self, listener: Callable[[str], None]) -> None:
        self._listeners.append(listener)


def load_settings(path: Path) -> SettingsStore:
    """The settings store, loaded once at start (its notices are for the window), after
    removing temporary files a killed save left beside the file."""
    for stale in remove_stale_temp_files(path):
        log.info("removed %s, left by an interrupted save", stale)
    store = SettingsStore(path)
    store.load()
    return store
