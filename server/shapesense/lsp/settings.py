"""Typed settings, from initializationOptions and workspace/didChangeConfiguration."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from ..config import DEVICES
from ..findings import SEVERITY_ORDER

CLIENT_ONLY = {"interpreter", "importStrategy"}  # the editor extension's own settings
KEYS = {
    "kerasVersion": "keras_version",
    "inlayHints": "inlay_hints",
    "debounceMs": "debounce_ms",
    "severityOverrides": "severity_overrides",
    "python": "python",
    "reportUnusedSuppressions": "report_unused_suppressions",
    "explainSilence": "explain_silence",
    "device": "device",
    "trace": "trace",
}


@dataclass
class Settings:
    keras_version: str = "auto"  # "auto", "2" or "3"
    inlay_hints: bool = True
    debounce_ms: int = 150
    severity_overrides: dict[str, str] = field(
        default_factory=dict
    )  # rule code -> severity or "off"
    python: str | None = None  # the user's interpreter, to read installed package versions
    trace: str = "off"
    report_unused_suppressions: bool | None = None  # None: as the configuration file says
    explain_silence: bool = False  # SS300: each call not fully checked, and why
    device: str | None = None  # "any", "cpu-without-onednn" (SS301 an error); None: the file's

    def update(self, raw: Any) -> list[str]:
        """Apply a settings object; returns log lines for what was ignored."""
        notes: list[str] = []
        if not isinstance(raw, dict):
            return notes
        if isinstance(raw.get("shapesense"), dict):
            raw = raw["shapesense"]
        for key, value in raw.items():
            if key in CLIENT_ONLY:
                continue
            name = KEYS.get(key)
            if name is None:
                notes.append(f"ignoring unknown setting {key!r}")
                continue
            ok = self._set(name, value)
            if not ok:
                notes.append(f"ignoring setting {key!r}: unexpected value {value!r}")
        return notes

    def _set(self, name: str, value: Any) -> bool:
        if name == "keras_version" and str(value) in ("auto", "2", "3"):
            self.keras_version = str(value)
        elif name == "inlay_hints" and isinstance(value, bool):
            self.inlay_hints = value
        elif (
            name == "debounce_ms"
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 0 <= value <= 10_000
        ):
            self.debounce_ms = value
        elif (
            name == "severity_overrides"
            and isinstance(value, dict)
            and all(
                isinstance(v, str) and (v in SEVERITY_ORDER or v == "off") for v in value.values()
            )
        ):
            self.severity_overrides = {str(k): v for k, v in value.items()}
        elif name == "python" and (value is None or isinstance(value, str)):
            self.python = value or None
        elif name == "report_unused_suppressions" and (value is None or isinstance(value, bool)):
            self.report_unused_suppressions = value
        elif name == "explain_silence" and isinstance(value, bool):
            self.explain_silence = value
        elif name == "device" and (value is None or value in DEVICES):
            self.device = value
        elif name == "trace" and isinstance(value, (str, dict)):
            self.trace = value if isinstance(value, str) else str(value.get("server", "off"))
        else:
            return False
        return True


__all__ = ["Settings", "fields"]
