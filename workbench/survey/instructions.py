"""The words of a form's instructions sheet (Swedish; English for an English workbook)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["instruction_lines"]


def instruction_lines(lang: str, usage: Sequence[str] = (), future: Sequence[str] = ()) -> list[str]:
    """The instruction lines; the first is also the help line above the form's header."""
    usage_list = ", ".join(usage)
    future_list = ", ".join(future)
    if lang == "en":
        return [
            "Answer in the yellow columns (choose from the list), add a comment if you like, save and send the "
            "file back. More on the sheet Instructions.",
            "Why: the procurement of these articles is being prepared together with the municipalities. Your "
            "answers tell how each article is used today and what you will need, so that the new agreement "
            "fits your work.",
            "The sheet Questionnaire lists the articles your unit bought, with your own yearly volume.",
            f"Usage: how often the article is used. Choose one of: {usage_list}.",
            f"Future need: how your need will change. Choose one of: {future_list}.",
            "Comment: anything else (a better product, a problem, a size you miss). Free text.",
            "Articles we lack: at the bottom, the green rows are for articles you need that are not in the "
            "list: write the name, the volume per year and your answers.",
            "You may sort and filter the list, and save it as xls, ods or csv if you must: the answers are "
            "read by article ID, not by row. Do not change the article IDs or the title rows at the top "
            "(they tell which questionnaire this is).",
            "The sheets are protected without a password only so that nothing is changed by mistake.",
            "Save the file and send it back to the person who sent it to you.",
        ]
    return [
        "Svara i de gula kolumnerna (välj i listan), skriv gärna en kommentar, spara och skicka tillbaka "
        "filen. Mer på fliken Instruktioner.",
        "Varför: upphandlingen av de här artiklarna förbereds tillsammans med kommunerna. Era svar berättar "
        "hur varje artikel används i dag och vad ni kommer att behöva, så att det nya avtalet passar er "
        "verksamhet.",
        "Fliken Enkät listar de artiklar som er enhet har köpt, med er egen årsvolym.",
        f"Användning: hur ofta artikeln används. Välj ett av: {usage_list}.",
        f"Framtida behov: hur ert behov kommer att förändras. Välj ett av: {future_list}.",
        "Kommentar: allt annat (en bättre produkt, ett problem, en storlek ni saknar). Fri text.",
        "Artiklar vi saknar: längst ned finns gröna rader för artiklar ni behöver som inte finns i listan: "
        "skriv benämning, volym per år och era svar.",
        "Ni får sortera och filtrera listan, och spara den som xls, ods eller csv om ni måste: svaren läses "
        "per artikel-ID, inte per rad. Ändra inte artikel-ID:na eller rubrikraderna högst upp (de berättar "
        "vilken enkät det är).",
        "Bladen är skyddade utan lösenord, bara för att inget ska ändras av misstag.",
        "Spara filen och skicka tillbaka den till den som skickade den till er.",
    ]
