<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv_SE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Behovsanalys</source>
        <translation>Om Behovsanalys</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Version {version}</translation>
    </message>
    <message>
        <source>Review a joint assortment article by article: usage, future need, environmental score and decision, saved into the shared Excel workbook cell by cell.

Works offline: the app never uses the network.</source>
        <translation>Granska ett gemensamt sortiment artikel för artikel: användning, framtida behov, miljöpoäng och beslut, sparade cell för cell i den delade Excelfilen.

Fungerar utan nätverk: programmet använder aldrig internet.</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The computer ran out of memory. Close other programs and try again.</source>
        <translation>Datorn fick slut på minne. Stäng andra program och försök igen.</translation>
    </message>
    <message>
        <source>The file {file} could not be read or written: {problem}</source>
        <translation>Filen {file} kunde inte läsas eller skrivas: {problem}</translation>
    </message>
    <message>
        <source>An unexpected error occurred: {problem}</source>
        <translation>Ett oväntat fel inträffade: {problem}</translation>
    </message>
    <message>
        <source>Behovsanalys</source>
        <translation>Behovsanalys</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Språk</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;About Behovsanalys</source>
        <translation>&amp;Om Behovsanalys</translation>
    </message>
    <message>
        <source>No article list open</source>
        <translation>Ingen artikellista öppen</translation>
    </message>
    <message>
        <source>Open an article list or purchase statistics (xlsx, xlsm, xls, ods or csv), or drop the file here.</source>
        <translation>Öppna en artikellista eller inköpsstatistik (xlsx, xlsm, xls, ods eller csv), eller släpp filen här.</translation>
    </message>
    <message>
        <source>Open file…</source>
        <translation>Öppna fil…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Review table</source>
        <translation>Granskningstabell</translation>
    </message>
    <message>
        <source>Open article list</source>
        <translation>Öppna artikellista</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Kalkylblad (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Läser {file}…</translation>
    </message>
    <message>
        <source>Read {rows} articles from {file}</source>
        <translation>Läste {rows} artiklar från {file}</translation>
    </message>
    <message>
        <source>Reviewed {done} of {total} articles ({percent} %)</source>
        <translation>Granskade {done} av {total} artiklar ({percent} %)</translation>
    </message>
</context>
</TS>