"""What an analysis is asked to do, apart from the analysis itself: the language server makes
and sends options without importing the interpreter (analyses run in its analysis processes,
so the core is off the way to its first diagnostics). `analysis.Options` is this class."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .keras.versions import KERAS_3, KerasVersion

if TYPE_CHECKING:
    from .config import RuleSelection
    from .resolve import Resolver

INTERNAL_ERROR = "SS000"  # the fuzz tests treat this code as a crash
REFUSED_ON_CPU = "SS301"  # a hint, an error with device="cpu-without-onednn"


@dataclass(frozen=True)
class Options:
    keras: KerasVersion = KERAS_3
    resolver: Resolver | None = None  # project modules and array files; None: this text alone
    report_unused_suppressions: bool = False  # SS900
    rules: RuleSelection | None = None  # select / ignore / severity from the configuration
    whole_program_fixes: bool = True  # re-analyse the file with each fix (program_fixes.py)
    explain_silence: bool = False  # SS300: each call not fully checked, and why (coverage.py)
    # "cpu-without-onednn": TensorFlow on a CPU with its oneDNN kernels off (TF_ENABLE_ONEDNN_OPTS=0
    # or a build without them), where SS301's layers raise: an error there
    device: str = "any"
