"""The questionnaires' hook in the main window; the logic is in ui/survey."""

from __future__ import annotations


class SurveyMixin:
    """Enkäter > Skapa enkäter…, Läs in svar…, the Enkäter page and Redigera > Använd enheternas svar."""

    def _build_survey(self) -> None:
        from ui.survey.controller import Survey

        self.survey = Survey(self)
