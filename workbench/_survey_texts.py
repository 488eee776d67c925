"""The questionnaires' words in the message catalogue (:mod:`workbench.messages` merges them): the
reports of ``workbench survey make | collect | export`` and why a returned file is refused."""

from __future__ import annotations

SURVEY_TEXTS: dict[str, tuple[str, str]] = {
    "survey_no_org_unit": (
        "{file}: bladet {sheet} har ingen kolumn Förvaltning, så enkäter per förvaltning går inte att göra: "
        "välj --by municipality eller lägg till kolumnen.",
        "{file}: the sheet {sheet} has no column Förvaltning (org unit), so questionnaires per org unit cannot "
        "be made: choose --by municipality or add the column.",
    ),
    "survey_made": (
        "{count} {count|enkät skapad|enkäter skapade} från {file} (arbetsbokens ID {id}).",
        "{count} {count|questionnaire|questionnaires} made from {file} (workbook ID {id}).",
    ),
    "survey_id_added": (
        "Arbetsboken fick ID {id} (i bladet Källor), så att svaren känns igen.",
        "The workbook was given the ID {id} (in the sheet Sources), so that the answers are recognised.",
    ),
    "survey_made_form": (
        "  {unit}: {count} {count|artikel|artiklar} ({form})",
        "  {unit}: {count} {count|article|articles} ({form})",
    ),
    "survey_collected": (
        "{count} {count|enkät inläst|enkäter inlästa} i {file}: {answers} {answers|svar|svar} från {units} "
        "{units|enhet|enheter}.",
        "{count} {count|questionnaire|questionnaires} read into {file}: {answers} {answers|answer|answers} "
        "from {units} {units|unit|units}.",
    ),
    "survey_collected_form": (
        "  {unit}: {count} {count|svar|svar}, {needs} {needs|artikel|artiklar} de saknar ({form})",
        "  {unit}: {count} {count|answer|answers}, {needs} {needs|article|articles} they lack ({form})",
    ),
    "survey_nothing_changed": (
        "Inget nytt att skriva: svaren finns redan i {file}.",
        "Nothing new to write: the answers are already in {file}.",
    ),
    "survey_duplicate": (
        "{unit} svarade mer än en gång: {kept} gäller (den senast sparade), {ignored} lästes inte.",
        "{unit} answered more than once: {kept} counts (the one saved last), {ignored} was not read.",
    ),
    "survey_replaced": (
        "Tidigare svar från {units} ersattes av de nya.",
        "Earlier answers from {units} were replaced by the new ones.",
    ),
    "survey_not_in_vocabulary": (
        "{count} {count|svar|svar} utanför listorna sparades som de skrevs: {values}.",
        "{count} {count|answer|answers} outside the lists were kept as written: {values}.",
    ),
    "survey_unknown_keys": (
        "{count} {count|artikel-ID|artikel-ID} i enkäterna finns inte i arbetsboken: {keys}.",
        "{count} article {count|ID|IDs} in the questionnaires {count|is|are} not in the workbook: {keys}.",
    ),
    "survey_refused": (
        "Inte inläst: {file}: {reason}",
        "Not read: {file}: {reason}",
    ),
    "survey_not_answered": (
        "{count} {count|enhet har|enheter har} inte svarat: {units}.",
        "{count} {count|unit has|units have} not answered: {units}.",
    ),
    "survey_all_answered": ("Alla enheter har svarat.", "Every unit has answered."),
    "survey_answered_forms_in_the_way": (
        "Enkäterna skrevs inte: i mappen {file} finns redan ifyllda enkäter med samma namn ({forms}). Läs in "
        "dem först, eller välj en annan mapp.",
        "The questionnaires were not written: the folder {file} already holds filled-in questionnaires of the "
        "same name ({forms}). Collect them first, or choose another folder.",
    ),
    "survey_nothing_read": (
        "Ingen av filerna kunde läsas in i {file}.",
        "None of the files could be read into {file}.",
    ),
    "survey_reminder": (
        "Hej!\n\nVi har ännu inte fått tillbaka enkäten om hur ni använder artiklarna i upphandlingen och vad ni "
        "kommer att behöva ({units}). Era svar behövs för att det nya avtalet ska passa er verksamhet. Fyll "
        "gärna i enkäten ni fick och skicka tillbaka den så snart ni kan; det går bra att svara på en del av "
        "artiklarna.\n\nTack på förhand!",
        "Hello,\n\nWe have not yet received the questionnaire on how you use the articles in the procurement "
        "and what you will need ({units}). Your answers are needed so that the new agreement fits your work. "
        "Please fill in the questionnaire you received and send it back as soon as you can; answering some of "
        "the articles is fine too.\n\nThank you!",
    ),
    # why a returned file is refused
    "survey_refused_foreign": (
        "enkäten hör till en annan arbetsbok ({other}, ID {id}), inte till {joint} (ID {own})",
        "the questionnaire belongs to another workbook ({other}, ID {id}), not to {joint} (ID {own})",
    ),
    "survey_refused_no_id": (
        "filen bär inget formulär-ID (varken i ett dolt blad, i rubrikraden eller i filnamnet), så den går inte "
        "att känna igen som en enkät",
        "the file carries no form ID (neither in a hidden sheet, nor in the title row, nor in its name), so it "
        "cannot be recognised as a questionnaire",
    ),
    "survey_refused_no_workbook_id": (
        "arbetsboken har inget ID än (gör enkäterna med workbench survey make)",
        "the workbook has no ID yet (make the questionnaires with workbench survey make)",
    ),
    "survey_refused_unknown_unit": (
        "enheten i formulär-ID {id} finns inte i arbetsboken",
        "the unit of form ID {id} is not in the workbook",
    ),
    "survey_refused_no_key": (
        "kolumnen {column} saknas, så svaren kan inte kopplas till artiklarna",
        "the column {column} is missing, so the answers cannot be tied to the articles",
    ),
    "survey_refused_unreadable": ("{reason}", "{reason}"),
    "survey_refused_same_file": ("filen är arbetsboken själv", "the file is the workbook itself"),
    "survey_refused_empty": (
        "enkäten har inga svar ifyllda (tidigare svar från {unit} behålls)",
        "the questionnaire has no answers filled in (earlier answers from {unit} are kept)",
    ),
    "survey_no_answers": (
        "{file} har inga inlästa enkätsvar (bladet {sheet} saknas).",
        "{file} has no collected answers (the sheet {sheet} is missing).",
    ),
}
