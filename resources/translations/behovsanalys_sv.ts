<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
    <name>ConflictDialog</name>
    <message>
        <source>Conflicting changes</source>
        <translation>Ändringar som krockar</translation>
    </message>
    <message>
        <source>A colleague saved other values for these cells after you opened the file. Choose which value to keep for each.</source>
        <translation>En kollega har sparat andra värden i de här cellerna efter att du öppnade filen. Välj vilket värde som ska gälla för varje.</translation>
    </message>
    <message>
        <source>Article</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Fält</translation>
    </message>
    <message>
        <source>Colleague&apos;s value</source>
        <translation>Kollegans värde</translation>
    </message>
    <message>
        <source>Your value</source>
        <translation>Ditt värde</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behåll</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>en kollega</translation>
    </message>
    <message>
        <source>you</source>
        <translation>du</translation>
    </message>
    <message>
        <source>Colleague&apos;s</source>
        <translation>Kollegans</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mitt</translation>
    </message>
    <message>
        <source>Keep all of the colleague&apos;s</source>
        <translation>Behåll alla kollegans</translation>
    </message>
    <message>
        <source>Keep all of mine</source>
        <translation>Behåll alla mina</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Select an article to see all its details.</source>
        <translation>Välj en artikel för att se alla dess uppgifter.</translation>
    </message>
    <message>
        <source>Sheet row {row}</source>
        <translation>Rad {row} i bladet</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <source>No changes made in this app yet.</source>
        <translation>Inga ändringar gjorda i programmet ännu.</translation>
    </message>
    <message>
        <source>(not saved)</source>
        <translation>(ej sparad)</translation>
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
    <name>FacetBox</name>
    <message>
        <source>Review state</source>
        <translation>Granskningsläge</translation>
    </message>
    <message>
        <source>Filter values…</source>
        <translation>Filtrera värden…</translation>
    </message>
    <message>
        <source>Filter the values of {facet}</source>
        <translation>Filtrera värdena för {facet}</translation>
    </message>
    <message>
        <source>Not reviewed</source>
        <translation>Ej granskad</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>Set for every article of “{value}”</source>
        <translation>Sätt för alla artiklar med ”{value}”</translation>
    </message>
</context>
<context>
    <name>FilterPanel</name>
    <message>
        <source>Only not reviewed</source>
        <translation>Bara ej granskade</translation>
    </message>
    <message>
        <source>Clear all filters</source>
        <translation>Rensa alla filter</translation>
    </message>
    <message>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <source>{field} from</source>
        <translation>{field} från</translation>
    </message>
    <message>
        <source>{field} to</source>
        <translation>{field} till</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {file}</source>
        <translation>Importera {file}</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Blad</translation>
    </message>
    <message>
        <source>Header row</source>
        <translation>Rubrikrad</translation>
    </message>
    <message>
        <source>Key column</source>
        <translation>Nyckelkolumn</translation>
    </message>
    <message>
        <source>&amp;Sheet:</source>
        <translation>&amp;Blad:</translation>
    </message>
    <message>
        <source>&amp;Header row:</source>
        <translation>&amp;Rubrikrad:</translation>
    </message>
    <message>
        <source>&amp;Key column:</source>
        <translation>&amp;Nyckelkolumn:</translation>
    </message>
    <message>
        <source>First rows of the sheet</source>
        <translation>Bladets första rader</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>Read as text</source>
        <translation>Läs som text</translation>
    </message>
    <message>
        <source>Columns read as text</source>
        <translation>Kolumner som läses som text</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(ingen)</translation>
    </message>
    <message>
        <source>{rows} article rows below header row {header}; key column: {key}</source>
        <translation>{rows} artikelrader under rubrikrad {header}; nyckelkolumn: {key}</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>Inga problem hittades.</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
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
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>Save &amp;as…</source>
        <translation>Spara &amp;som…</translation>
    </message>
    <message>
        <source>&amp;Import settings…</source>
        <translation>&amp;Importinställningar…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>Importinställningar…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Dölj</translation>
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
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Ångra {step}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Set &amp;decision for selected rows</source>
        <translation>Sätt &amp;beslut för markerade rader</translation>
    </message>
    <message>
        <source>Clear decision</source>
        <translation>Rensa beslut</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Gör om {step}</translation>
    </message>
    <message>
        <source>Opening cancelled.</source>
        <translation>Öppnandet avbröts.</translation>
    </message>
    <message>
        <source>{rows} rows selected</source>
        <translation>{rows} rader markerade</translation>
    </message>
    <message>
        <source>spend {spend} kr</source>
        <translation>belopp {spend} kr</translation>
    </message>
    <message>
        <source>quantity {quantity}</source>
        <translation>antal {quantity}</translation>
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
        <source>…and {count} more</source>
        <translation>…och {count} till</translation>
    </message>
    <message>
        <source>Reviewed {done} of {total} articles ({percent} %)</source>
        <translation>Granskade {done} av {total} artiklar ({percent} %)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Search all text columns (Ctrl+F)</source>
        <translation>Sök i alla textkolumner (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>&amp;View:</source>
        <translation>&amp;Vy:</translation>
    </message>
    <message>
        <source>Named views</source>
        <translation>Sparade vyer</translation>
    </message>
    <message>
        <source>Save view…</source>
        <translation>Spara vy…</translation>
    </message>
    <message>
        <source>Review table</source>
        <translation>Granskningstabell</translation>
    </message>
    <message>
        <source>{shown} of {total} shown</source>
        <translation>{shown} av {total} visas</translation>
    </message>
    <message>
        <source>All articles</source>
        <translation>Alla artiklar</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>Spara vy</translation>
    </message>
    <message>
        <source>Name of the view:</source>
        <translation>Vyns namn:</translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message numerus="yes">
        <source>Paste into %n row(s)</source>
        <translation>
            <numerusform>Klistra in på %n rad</numerusform>
            <numerusform>Klistra in på %n rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fill down %n row(s)</source>
        <translation>
            <numerusform>Fyll nedåt på %n rad</numerusform>
            <numerusform>Fyll nedåt på %n rader</numerusform>
        </translation>
    </message>
    <message>
        <source>Set {field} on {count} rows</source>
        <translation>Sätt {field} på {count} rader</translation>
    </message>
    <message>
        <source>{value} (changed by a colleague)</source>
        <translation>{value} (ändrat av en kollega)</translation>
    </message>
</context>
<context>
    <name>ReviewTableView</name>
    <message>
        <source>Clear {count} rows</source>
        <translation>Rensa {count} rader</translation>
    </message>
    <message>
        <source>Set for selected rows</source>
        <translation>Sätt för markerade rader</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
</context>
<context>
    <name>SaveController</name>
    <message>
        <source>Open in another program</source>
        <translation>Öppen i ett annat program</translation>
    </message>
    <message>
        <source>Saving while it is open there may make them lose their own changes when they save. Your edits are kept in the journal either way.</source>
        <translation>Om du sparar medan filen är öppen där kan kollegan förlora sina egna ändringar när hen sparar. Dina ändringar finns kvar i journalen i vilket fall.</translation>
    </message>
    <message>
        <source>Wait</source>
        <translation>Vänta</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Spara ändå</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Spara en kopia…</translation>
    </message>
    <message>
        <source>Older copy of the workbook</source>
        <translation>Äldre kopia av arbetsboken</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Spara som</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx *.xlsm)</source>
        <translation>Excelarbetsbok (*.xlsx *.xlsm)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>The review has changes that are not saved in the workbook. Save them first?</source>
        <translation>Granskningen har ändringar som inte är sparade i arbetsboken. Vill du spara dem först?</translation>
    </message>
    <message>
        <source>If you do not save now, the changes stay in the journal on this computer and come back the next time you open the workbook.</source>
        <translation>Om du inte sparar nu finns ändringarna kvar i journalen på den här datorn och kommer tillbaka nästa gång du öppnar arbetsboken.</translation>
    </message>
    <message>
        <source>Don&apos;t save now</source>
        <translation>Spara inte nu</translation>
    </message>
</context>
</TS>
