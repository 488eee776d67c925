"""Install the one translator of the app: Swedish by default, English selectable."""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from workbench.resources import resource_path

log = logging.getLogger(__name__)

LANGUAGES = ("sv", "en")
# Qt's standard buttons whose Swedish text ours corrects (see install_translator)
QT_CORRECTIONS = (QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),)
_installed: list[QTranslator] = []


def install_translator(app: QCoreApplication, language: str) -> str:
    """Switch the UI language; returns the language now in force.

    Source strings are English, so English loads only the plural forms of texts with a count
    (``behovsanalys_en.qm``: "1 row", "2 rows"); Swedish loads our ``behovsanalys_sv.qm`` and Qt's
    ``qtbase_sv.qm`` for standard dialog buttons.
    """
    language = language if language in LANGUAGES else "sv"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
                               QLocale.Country.Sweden if language == "sv" else QLocale.Country.UnitedKingdom))
    if language == "sv":
        # Qt's own catalogue first, ours after it: the translator installed last is asked first, so
        # ours can correct Qt's where Swedish usage differs (it says "Ok"; Swedish writes "OK").
        qt_base = QTranslator(app)
        if qt_base.load("qtbase_sv", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt_base)
            _installed.append(qt_base)
        ours = QTranslator(app)
        qm = resource_path("translations", "behovsanalys_sv.qm")
        if ours.load(str(qm)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("Swedish translation %s is missing; showing English", qm)
    else:
        plurals = QTranslator(app)
        qm = resource_path("translations", "behovsanalys_en.qm")
        if plurals.load(str(qm)):
            app.installTranslator(plurals)
            _installed.append(plurals)
        else:
            log.warning("English plural forms %s are missing", qm)
    return language
