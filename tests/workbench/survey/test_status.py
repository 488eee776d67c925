"""Where a round stands (for the app's Enkäter page): per unit answered or not, when, how much; the
reminder's text; the answers the units agree on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from _forms import fill, form_keys, sample_joint

from workbench.assortment import read_joint
from workbench.survey import agreed_answers, collect_forms, make_forms, reminder_text, survey_status
from workbench.survey.answers import read_answer_sheet


def test_status_agreement_and_reminder(tmp_path: Path) -> None:
    joint = sample_joint(tmp_path)
    sent = {f.unit: f.file for f in make_forms(joint, tmp_path / "sent", user="O").forms}
    shared = sorted(set(form_keys(sent["Salem"])) & set(form_keys(sent["Tyresö"])))
    a, b, c = shared[:3]
    salem = fill(sent["Salem"], tmp_path / "home" / sent["Salem"].name,
                 {a: ("Dagligen", "Ökar", None), b: ("Sällan", None, None), c: ("varannan dag", None, None)},
                 needs=[("Blöjor", 10, "Dagligen")])
    tyreso = fill(sent["Tyresö"], tmp_path / "home" / sent["Tyresö"].name,
                  {a: ("daily", "Oförändrat", None), b: ("Varje vecka", None, None), c: ("varannan dag", None, None)})
    when = dt.datetime(2026, 12, 2, 9, 30)
    collect_forms(joint, [salem, tyreso], user="O", now=when)
    state = read_joint(joint)
    status = {s.unit: s for s in survey_status(state)}
    assert list(status) == ["Botkyrka", "Haninge", "Huddinge", "Nykvarn", "Nynäshamn", "Salem", "Södertälje",
                            "Tyresö"]
    assert (status["Salem"].answered, status["Salem"].answers, status["Salem"].new_needs) == (True, 3, 1)
    assert status["Salem"].collected == when and status["Salem"].file == salem.name
    assert not status["Botkyrka"].answered and status["Botkyrka"].answers == 0
    rows = [row for _, row in read_answer_sheet(state).rows]
    # both said daily for a; they differ on b and on a's future need; free text is never adopted
    assert agreed_answers(state, rows) == {a: {"usage": "daily"}}
    waiting = [s.unit for s in status.values() if not s.answered]
    reminder = reminder_text(waiting)
    assert reminder.startswith("Hej!") and "Botkyrka, Haninge" in reminder
    assert reminder_text(waiting, "en").startswith("Hello,")
