"""Install the one translator of the app: Swedish by default, English selectable."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("sv", "en")
_installed: list[QTranslator] = []


def install_translator(app: QCoreApplication, language: str) -> str:
    """Switch the UI language; returns the language now in force.

    Source strings are English, so English needs only Qt's own translations removed; Swedish loads
    our ``behovsanalys_sv.qm`` and Qt's ``qtbase_sv.qm`` for standard dialog buttons.
    """
    language = language if language in LANGUAGES else "sv"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
                               QLocale.Country.Sweden if language == "sv" else QLocale.Country.UnitedKingdom))
    if language == "sv":
        ours = QTranslator(app)
        qm = resource_path("translations", "behovsanalys_sv.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("Swedish translation %s is missing; showing English", qm)
        qt_base = QTranslator(app)
        if qt_base.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
    return language
