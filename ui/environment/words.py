"""The environment's codes in the app's words: the SUP rules and requirement levels (the UI's own texts),
the reasons and assumptions (the core's catalogue, in the UI language)."""

from __future__ import annotations

from PySide6.QtCore import QObject

from workbench.messages import CATALOGUE, text


class EnvironmentWords(QObject):
    """The texts' translation context (lupdate finds a class's ``self.tr``)."""

    def sup_rule(self, code: str) -> str:
        labels = {"banned": self.tr("banned"), "marking": self.tr("marking"), "reduce": self.tr("reduce")}
        return labels.get(code, "–")

    def level(self, code: str) -> str:
        labels = {"bas": self.tr("basic"), "avancerad": self.tr("advanced"), "spjutspets": self.tr("spearhead")}
        return labels.get(code, code or "–")


def sup_rule_label(code: str) -> str:
    """"förbjuden" / "märkning" / "minska" / "–" (no rule)."""
    return EnvironmentWords().sup_rule(code)


def level_label(code: str) -> str:
    return EnvironmentWords().level(code)


def reason_text(code: str, language: str) -> str:
    key = f"env_reason_{code}"
    return text(key, language) if key in CATALOGUE else code


def assumption_text(code: str, language: str) -> str:
    key = f"env_assume_{code}"
    return text(key, language) if key in CATALOGUE else code
