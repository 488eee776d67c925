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
    <name>BulkSetMenus</name>
    <message>
        <source>Set us&amp;age for selected rows</source>
        <translation>Sätt &amp;användning för markerade rader</translation>
    </message>
    <message>
        <source>Set &amp;future need for selected rows</source>
        <translation>Sätt &amp;framtida behov för markerade rader</translation>
    </message>
    <message>
        <source>Set environmental &amp;score for selected rows</source>
        <translation>Sätt miljö&amp;poäng för markerade rader</translation>
    </message>
    <message>
        <source>Set re&amp;placement for selected rows</source>
        <translation>Sätt &amp;ersättare för markerade rader</translation>
    </message>
    <message>
        <source>Set &amp;comment for selected rows</source>
        <translation>Sätt &amp;kommentar för markerade rader</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Replaced by…</source>
        <translation>Ersätts av…</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Kommentar…</translation>
    </message>
</context>
<context>
    <name>BulkValueDialog</name>
    <message numerus="yes">
        <source>Article that replaces the %Ln selected row(s) (article number or name):</source>
        <translation>
            <numerusform>Artikel som ersätter %Ln markerad rad (artikelnummer eller benämning):</numerusform>
            <numerusform>Artikel som ersätter de %Ln markerade raderna (artikelnummer eller benämning):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comment for the %Ln selected row(s) (empty clears it):</source>
        <translation>
            <numerusform>Kommentar för %Ln markerad rad (tom tar bort den):</numerusform>
            <numerusform>Kommentar för de %Ln markerade raderna (tom tar bort den):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClusterListModel</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Suggested keeper</source>
        <translation>Förslag att behålla</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Sparar</translation>
    </message>
    <message>
        <source>Spend moved</source>
        <translation>Belopp som flyttas</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>ColumnsDialog</name>
    <message>
        <source>Columns</source>
        <translation>Kolumner</translation>
    </message>
    <message>
        <source>Tick the columns to show and drag them (or use the buttons) into the order you want. Article number and name always stay first.</source>
        <translation>Markera de kolumner som ska visas och dra dem (eller använd knapparna) i den ordning du vill ha. Artikelnummer och benämning står alltid först.</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <source>Move &amp;down</source>
        <translation>Flytta &amp;ned</translation>
    </message>
    <message>
        <source>Show &amp;all</source>
        <translation>Visa &amp;alla</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Conflicting changes</source>
        <translation>Ändringar som krockar</translation>
    </message>
    <message numerus="yes">
        <source>A colleague saved other values for %Ln cell(s) that you have also changed. Choose for each which value the workbook keeps.</source>
        <translation>
            <numerusform>En kollega sparade ett annat värde i %Ln cell som du också har ändrat. Välj vilket värde arbetsboken ska behålla.</numerusform>
            <numerusform>En kollega sparade andra värden i %Ln celler som du också har ändrat. Välj för varje vilket värde arbetsboken ska behålla.</numerusform>
        </translation>
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
        <source>Use</source>
        <translation>Använd</translation>
    </message>
    <message>
        <source>saved by {who}, {when}</source>
        <translation>sparat av {who}, {when}</translation>
    </message>
    <message>
        <source>saved by {who}</source>
        <translation>sparat av {who}</translation>
    </message>
    <message>
        <source>Use all of the colleague&apos;s</source>
        <translation>Använd alla kollegans</translation>
    </message>
    <message>
        <source>Use all of mine</source>
        <translation>Använd alla mina</translation>
    </message>
    <message>
        <source>a colleague</source>
        <translation>en kollega</translation>
    </message>
    <message>
        <source>Colleague&apos;s</source>
        <translation>Kollegans</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Mitt</translation>
    </message>
</context>
<context>
    <name>Consolidation</name>
    <message>
        <source>C&amp;onsolidation…</source>
        <translation>Kons&amp;olidering…</translation>
    </message>
    <message>
        <source>Consolidation</source>
        <translation>Konsolidering</translation>
    </message>
    <message>
        <source>Rejected and split clusters are remembered in the workbook&apos;s sheet Kluster, and {file} is not an Excel workbook (xlsx). Save it as one first (File &gt; Save as…); accepting a cluster works here as it is.</source>
        <translation>Avvisade kluster och utbrutna artiklar sparas i arbetsbokens blad Kluster, och {file} är ingen Excel-arbetsbok (xlsx). Spara den som en först (Arkiv &gt; Spara som…); att godkänna ett kluster fungerar här som vanligt.</translation>
    </message>
    <message numerus="yes">
        <source>Accept cluster {product}: %n article(s) replaced by {keep}</source>
        <translation>
            <numerusform>Godkänn kluster {product}: %n artikel ersätts av {keep}</numerusform>
            <numerusform>Godkänn kluster {product}: %n artiklar ersätts av {keep}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsolidationPage</name>
    <message>
        <source>Consolidation</source>
        <translation>Konsolidering</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Tillbaka till listan</translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation>&amp;Kategori:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Accept (A)</source>
        <translation>Godkänn (A)</translation>
    </message>
    <message>
        <source>Replace the others by the kept article (Enter or A)</source>
        <translation>Ersätt de andra med artikeln som behålls (Enter eller A)</translation>
    </message>
    <message>
        <source>Reject (R)</source>
        <translation>Avvisa (R)</translation>
    </message>
    <message>
        <source>Not the same need: the cluster does not come back (R or Delete)</source>
        <translation>Inte samma behov: klustret kommer inte tillbaka (R eller Delete)</translation>
    </message>
    <message>
        <source>Keep this one (K)</source>
        <translation>Behåll denna (K)</translation>
    </message>
    <message>
        <source>Keep the selected article instead of the suggestion</source>
        <translation>Behåll den markerade artikeln i stället för förslaget</translation>
    </message>
    <message>
        <source>Split off (S)</source>
        <translation>Bryt ut (S)</translation>
    </message>
    <message>
        <source>Take the selected article out of the cluster</source>
        <translation>Ta ut den markerade artikeln ur klustret</translation>
    </message>
    <message>
        <source>Reopen (O)</source>
        <translation>Återöppna (O)</translation>
    </message>
    <message>
        <source>A rejected cluster becomes a candidate again</source>
        <translation>Ett avvisat kluster blir ett förslag igen</translation>
    </message>
    <message>
        <source>◀ Previous (P)</source>
        <translation>◀ Föregående (P)</translation>
    </message>
    <message>
        <source>Next (N) ▶</source>
        <translation>Nästa (N) ▶</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message numerus="yes">
        <source>%n cluster(s) shown</source>
        <translation>
            <numerusform>%n kluster visas</numerusform>
            <numerusform>%n kluster visas</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding clusters…</source>
        <translation>Letar efter kluster…</translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n cluster(s) decided</source>
        <translation>
            <numerusform>{done} av %n kluster avgjort</numerusform>
            <numerusform>{done} av %n kluster avgjorda</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{before} → %n article(s)</source>
        <translation>
            <numerusform>{before} → %n artikel</numerusform>
            <numerusform>{before} → %n artiklar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) if every suggestion is accepted</source>
        <translation>
            <numerusform>%n artikel om alla förslag godkänns</numerusform>
            <numerusform>%n artiklar om alla förslag godkänns</numerusform>
        </translation>
    </message>
    <message>
        <source>No cluster chosen</source>
        <translation>Inget kluster valt</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n artikel</numerusform>
            <numerusform>%n artiklar</numerusform>
        </translation>
    </message>
    <message>
        <source>★ {key} is kept: your choice. The suggestion: {reason}</source>
        <translation>★ {key} behålls: ditt val. Förslaget: {reason}</translation>
    </message>
    <message>
        <source>Variants are not interchangeable: decide each size in the list, or reject the family here.</source>
        <translation>Varianter är inte utbytbara: besluta om varje storlek i listan, eller avvisa familjen här.</translation>
    </message>
</context>
<context>
    <name>ConsolidationWords</name>
    <message>
        <source>Same product</source>
        <translation>Samma produkt</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianter</translation>
    </message>
    <message>
        <source>open</source>
        <translation>öppen</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>avvisad</translation>
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
    <name>EmptyResultNote</name>
    <message>
        <source>No articles match the filter</source>
        <translation>Inga artiklar matchar filtret</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Rensa filter</translation>
    </message>
</context>
<context>
    <name>EnvironmentGrid</name>
    <message>
        <source>Accept su&amp;ggested environmental score</source>
        <translation>G&amp;odta föreslagen miljöpoäng</translation>
    </message>
    <message>
        <source>Fill &amp;in suggested environmental scores</source>
        <translation>F&amp;yll i föreslagna miljöpoäng</translation>
    </message>
    <message>
        <source>&amp;Environment…</source>
        <translation>&amp;Miljö…</translation>
    </message>
    <message>
        <source>SUP rule</source>
        <translation>SUP-regel</translation>
    </message>
    <message>
        <source>The environmental assessment failed: {error}</source>
        <translation>Miljöbedömningen misslyckades: {error}</translation>
    </message>
    <message>
        <source>No empty environmental score with a suggestion.</source>
        <translation>Ingen tom miljöpoäng med ett förslag.</translation>
    </message>
    <message numerus="yes">
        <source>Accept %n suggested environmental score(s)</source>
        <translation>
            <numerusform>Godta %n föreslagen miljöpoäng</numerusform>
            <numerusform>Godta %n föreslagna miljöpoäng</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filled in suggested environmental scores for %n article(s)</source>
        <translation>
            <numerusform>Fyllde i föreslagna miljöpoäng för %n artikel</numerusform>
            <numerusform>Fyllde i föreslagna miljöpoäng för %n artiklar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentPanel</name>
    <message>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Weight per year by material (kg)</source>
        <translation>Vikt per år per material (kg)</translation>
    </message>
    <message>
        <source>Show in the grid</source>
        <translation>Visa i tabellen</translation>
    </message>
    <message>
        <source>Assessing the articles…</source>
        <translation>Bedömer artiklarna…</translation>
    </message>
    <message>
        <source>Plastic per year</source>
        <translation>Plast per år</translation>
    </message>
    <message>
        <source>CO2e per year</source>
        <translation>CO2e per år</translation>
    </message>
    <message>
        <source>{low} to {high} kg</source>
        <translation>{low} till {high} kg</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) whose material is not known are not counted.</source>
        <translation>
            <numerusform>%n artikel med okänt material räknas inte.</numerusform>
            <numerusform>%n artiklar med okänt material räknas inte.</numerusform>
        </translation>
    </message>
    <message>
        <source>Before and after the decisions</source>
        <translation>Före och efter besluten</translation>
    </message>
    <message>
        <source>Plastic: {before} → {after} kg per year</source>
        <translation>Plast: {before} → {after} kg per år</translation>
    </message>
    <message>
        <source>CO2e: {before} → {after} kg per year</source>
        <translation>CO2e: {before} → {after} kg per år</translation>
    </message>
    <message numerus="yes">
        <source>%n replaced article(s) could not be moved to the replacement.</source>
        <translation>
            <numerusform>%n ersatt artikel kunde inte flyttas till ersättaren.</numerusform>
            <numerusform>%n ersatta artiklar kunde inte flyttas till ersättarna.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SUP-banned article(s) still in the assortment</source>
        <translation>
            <numerusform>%n SUP-förbjuden artikel finns kvar i sortimentet</numerusform>
            <numerusform>%n SUP-förbjudna artiklar finns kvar i sortimentet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentSection</name>
    <message>
        <source>Environment</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Assessing the articles…</source>
        <translation>Bedömer artiklarna…</translation>
    </message>
    <message>
        <source>{score} (a score is set: the suggestion is not used)</source>
        <translation>{score} (en poäng är satt: förslaget används inte)</translation>
    </message>
    <message>
        <source>Suggested score</source>
        <translation>Föreslagen poäng</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>SUP rule</source>
        <translation>SUP-regel</translation>
    </message>
    <message>
        <source>Product group</source>
        <translation>Produktgrupp</translation>
    </message>
    <message>
        <source>Requirement level</source>
        <translation>Kravnivå</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriterier</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>Material</translation>
    </message>
    <message>
        <source>Pieces per year</source>
        <translation>Styck per år</translation>
    </message>
    <message>
        <source>Plastic kg per year</source>
        <translation>Plast kg per år</translation>
    </message>
    <message>
        <source>kg CO2e per year (low – central – high)</source>
        <translation>kg CO2e per år (låg – central – hög)</translation>
    </message>
    <message>
        <source>Assumptions</source>
        <translation>Antaganden</translation>
    </message>
</context>
<context>
    <name>EnvironmentWords</name>
    <message>
        <source>banned</source>
        <translation>förbjuden</translation>
    </message>
    <message>
        <source>marking</source>
        <translation>märkning</translation>
    </message>
    <message>
        <source>reduce</source>
        <translation>minska</translation>
    </message>
    <message>
        <source>basic</source>
        <translation>bas</translation>
    </message>
    <message>
        <source>advanced</source>
        <translation>avancerad</translation>
    </message>
    <message>
        <source>spearhead</source>
        <translation>spjutspets</translation>
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
        <source>Has comment</source>
        <translation>Har kommentar</translation>
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
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
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
    <name>FilesPage</name>
    <message>
        <source>The municipalities&apos; lists</source>
        <translation>Kommunernas listor</translation>
    </message>
    <message>
        <source>Add each municipality&apos;s article list or purchase statistics (or drop the files here). Check the municipality of each list; &quot;Columns…&quot; shows how it is read.</source>
        <translation>Lägg till varje kommuns artikellista eller inköpsstatistik (eller släpp filerna här). Kontrollera kommunen för varje lista; ”Kolumner…” visar hur den läses.</translation>
    </message>
    <message>
        <source>Lists to merge</source>
        <translation>Listor att slå ihop</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Municipality from</source>
        <translation>Kommun hittad i</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation>&amp;Lägg till filer…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>Choose the municipalities&apos; lists</source>
        <translation>Välj kommunernas listor</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Kalkylblad (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>inskriven</translation>
    </message>
    <message>
        <source>given</source>
        <translation>angiven</translation>
    </message>
    <message>
        <source>municipality column</source>
        <translation>kommunkolumnen</translation>
    </message>
    <message>
        <source>file name – check</source>
        <translation>filnamnet – kontrollera</translation>
    </message>
    <message>
        <source>Double-click to change the municipality</source>
        <translation>Dubbelklicka för att ändra kommunen</translation>
    </message>
    <message>
        <source>Cannot be read</source>
        <translation>Kan inte läsas</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message>
        <source>Columns…</source>
        <translation>Kolumner…</translation>
    </message>
    <message numerus="yes">
        <source>%n list(s) cannot be read: remove or check them.</source>
        <translation>
            <numerusform>%n lista kan inte läsas: ta bort eller kontrollera den.</numerusform>
            <numerusform>%n listor kan inte läsas: ta bort eller kontrollera dem.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the lists…</source>
        <translation>Läser listorna…</translation>
    </message>
    <message numerus="yes">
        <source>%n list(s)</source>
        <translation>
            <numerusform>%n lista</numerusform>
            <numerusform>%n listor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Use these columns</source>
        <translation>&amp;Använd kolumnerna</translation>
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
    <message>
        <source>The view also filters on: {fields}</source>
        <translation>Vyn filtrerar även på: {fields}</translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message>
        <source>&amp;Follow-up</source>
        <translation>&amp;Uppföljning</translation>
    </message>
    <message>
        <source>Purchase files</source>
        <translation>Inköpsfiler</translation>
    </message>
    <message>
        <source>Purchase statistics (*.csv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>Inköpsstatistik (*.csv *.txt *.xlsx *.xlsm);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Folder of purchase files</source>
        <translation>Mapp med inköpsfiler</translation>
    </message>
    <message>
        <source>column {header}</source>
        <translation>kolumnen {header}</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Save your changes first: the workbook could not be saved now.</source>
        <translation>Spara dina ändringar först: arbetsboken kunde inte sparas nu.</translation>
    </message>
    <message>
        <source>Reading the joint assortment…</source>
        <translation>Läser det gemensamma sortimentet…</translation>
    </message>
    <message>
        <source>The follow-up was cancelled; nothing was written to the workbook.</source>
        <translation>Uppföljningen avbröts; inget skrevs i arbetsboken.</translation>
    </message>
    <message>
        <source>Follow-up cancelled.</source>
        <translation>Uppföljningen avbröts.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) in {seconds} s ({rate} lines per second)</source>
        <translation>
            <numerusform>%Ln rad på {seconds} s ({rate} rader per sekund)</numerusform>
            <numerusform>%Ln rader på {seconds} s ({rate} rader per sekund)</numerusform>
        </translation>
    </message>
    <message>
        <source>Matching the lines to the assortment…</source>
        <translation>Matchar raderna mot sortimentet…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read ({rate} lines per second)</source>
        <translation>
            <numerusform>%Ln rad läst ({rate} rader per sekund)</numerusform>
            <numerusform>%Ln rader lästa ({rate} rader per sekund)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>File {index} of %n: {file}</source>
        <translation>
            <numerusform>Fil {index} av %n: {file}</numerusform>
            <numerusform>Fil {index} av %n: {file}</numerusform>
        </translation>
    </message>
    <message>
        <source>{read} of {size} MB read ({rate} MB per second)</source>
        <translation>{read} av {size} MB lästa ({rate} MB per sekund)</translation>
    </message>
    <message>
        <source>Cancelling after the part of the file being read…</source>
        <translation>Avbryter efter den del av filen som läses nu…</translation>
    </message>
    <message>
        <source>Snapshot saved in the sheet {sheet}.</source>
        <translation>Ögonblicksbild sparad i bladet {sheet}.</translation>
    </message>
    <message>
        <source>The snapshot could not be written to the workbook.</source>
        <translation>Ögonblicksbilden kunde inte skrivas i arbetsboken.</translation>
    </message>
    <message>
        <source>compliance</source>
        <translation>avtalstrohet</translation>
    </message>
    <message>
        <source>removed_bought</source>
        <translation>borttagna_som_köps</translation>
    </message>
    <message>
        <source>outside_assortment</source>
        <translation>utanför_sortimentet</translation>
    </message>
    <message>
        <source>price_deviations</source>
        <translation>prisavvikelser</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Exportera lista</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>List exported to {file}.</source>
        <translation>Listan exporterad till {file}.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Spara rapport</translation>
    </message>
    <message>
        <source>follow-up</source>
        <translation>uppföljning</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Report saved in {file}.</source>
        <translation>Rapporten sparad i {file}.</translation>
    </message>
    <message>
        <source>Article {key} is not in the list.</source>
        <translation>Artikel {key} finns inte i listan.</translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Tillbaka till listan</translation>
    </message>
    <message>
        <source>Purchase files</source>
        <translation>Inköpsfiler</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Add purchase files…</source>
        <translation>Lägg till inköpsfiler…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Lägg till mapp…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Compliance target</source>
        <translation>Mål för avtalstrohet</translation>
    </message>
    <message>
        <source>Run follow-up</source>
        <translation>Kör uppföljning</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Export list…</source>
        <translation>Exportera lista…</translation>
    </message>
    <message>
        <source>Save report…</source>
        <translation>Spara rapport…</translation>
    </message>
    <message>
        <source>Double-click an article to show it in the list.</source>
        <translation>Dubbelklicka på en artikel för att visa den i listan.</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Enheter</translation>
    </message>
    <message>
        <source>Removed but bought</source>
        <translation>Borttagna men köpta</translation>
    </message>
    <message>
        <source>Outside the assortment</source>
        <translation>Utanför sortimentet</translation>
    </message>
    <message>
        <source>Price deviations</source>
        <translation>Prisavvikelser</translation>
    </message>
    <message numerus="yes">
        <source>Removed but bought (%n)</source>
        <translation>
            <numerusform>Borttagna men köpta (%n)</numerusform>
            <numerusform>Borttagna men köpta (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outside the assortment (%n)</source>
        <translation>
            <numerusform>Utanför sortimentet (%n)</numerusform>
            <numerusform>Utanför sortimentet (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Price deviations (%n)</source>
        <translation>
            <numerusform>Prisavvikelser (%n)</numerusform>
            <numerusform>Prisavvikelser (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Target {target}</source>
        <translation>Mål {target}</translation>
    </message>
    <message>
        <source>Add the municipalities&apos; purchase files and run the follow-up: the share of the spend inside the agreed assortment.</source>
        <translation>Lägg till kommunernas inköpsfiler och kör uppföljningen: hur stor del av inköpen som ligger inom det avtalade sortimentet.</translation>
    </message>
    <message>
        <source>Compliance per municipality</source>
        <translation>Avtalstrohet per kommun</translation>
    </message>
    <message>
        <source>No follow-up run yet</source>
        <translation>Ingen uppföljning körd ännu</translation>
    </message>
    <message>
        <source>Compliance per month</source>
        <translation>Avtalstrohet per månad</translation>
    </message>
    <message>
        <source>&lt;b&gt;{compliance}&lt;/b&gt; of {spend} inside the agreed assortment</source>
        <translation>&lt;b&gt;{compliance}&lt;/b&gt; av {spend} inom det avtalade sortimentet</translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln inköpsrad</numerusform>
            <numerusform>%Ln inköpsrader</numerusform>
        </translation>
    </message>
    <message>
        <source>period {period}</source>
        <translation>period {period}</translation>
    </message>
    <message>
        <source>outside the assortment {spend}</source>
        <translation>utanför sortimentet {spend}</translation>
    </message>
    <message>
        <source>plastic {bought} kg bought against {planned} kg planned</source>
        <translation>plast {bought} kg köpt mot {planned} kg planerat</translation>
    </message>
    <message>
        <source>CO₂e {bought} kg against {planned} kg</source>
        <translation>CO₂e {bought} kg mot {planned} kg</translation>
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
    <message numerus="yes">
        <source>%Ln article row(s) below header row {header}; key column: {key}</source>
        <translation>
            <numerusform>%Ln artikelrad under rubrikrad {header}; nyckelkolumn: {key}</numerusform>
            <numerusform>%Ln artikelrader under rubrikrad {header}; nyckelkolumn: {key}</numerusform>
        </translation>
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
    <name>JointGrid</name>
    <message>
        <source>Show &amp;municipality columns</source>
        <translation>&amp;Visa kommunkolumner</translation>
    </message>
    <message>
        <source>&amp;Link selected articles…</source>
        <translation>Slå &amp;ihop markerade artiklar…</translation>
    </message>
    <message>
        <source>Spli&amp;t off source row</source>
        <translation>&amp;Dela upp källrad</translation>
    </message>
    <message>
        <source>Number of municipalities</source>
        <translation>Antal kommuner</translation>
    </message>
    <message>
        <source>Select at least two articles to link.</source>
        <translation>Markera minst två artiklar att slå ihop.</translation>
    </message>
    <message>
        <source>Link articles</source>
        <translation>Slå ihop artiklar</translation>
    </message>
    <message numerus="yes">
        <source>Link %n article(s) into {survivor} {name}?</source>
        <translation>
            <numerusform>Slå ihop %n artikel med {survivor} {name}?</numerusform>
            <numerusform>Slå ihop %n artiklar med {survivor} {name}?</numerusform>
        </translation>
    </message>
    <message>
        <source>Their source rows move to {survivor}; they stay in the list with no volume. &quot;Split off source row&quot; takes a row back out.</source>
        <translation>Deras källrader flyttas till {survivor}; artiklarna finns kvar i listan utan volym. Med ”Dela upp källrad” bryter du ut en källrad igen.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Slå ihop</translation>
    </message>
    <message numerus="yes">
        <source>Link %n article(s) into {survivor}</source>
        <translation>
            <numerusform>Slå ihop %n artikel med {survivor}</numerusform>
            <numerusform>Slå ihop %n artiklar med {survivor}</numerusform>
        </translation>
    </message>
    <message>
        <source>Select the source row to split off in the detail pane.</source>
        <translation>Markera källraden som ska brytas ut i detaljrutan.</translation>
    </message>
    <message>
        <source>Split off source row {row}</source>
        <translation>Dela upp källrad {row}</translation>
    </message>
    <message>
        <source>Undone: {step}</source>
        <translation>Ångrat: {step}</translation>
    </message>
    <message>
        <source>Redone: {step}</source>
        <translation>Gjort om: {step}</translation>
    </message>
    <message>
        <source>Save your changes first: the workbook could not be saved now.</source>
        <translation>Spara dina ändringar först: arbetsboken kunde inte sparas nu.</translation>
    </message>
    <message>
        <source>Joint assortment</source>
        <translation>Gemensamt sortiment</translation>
    </message>
</context>
<context>
    <name>LanguageMixin</name>
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
        <translation>Öppna senas&amp;te</translation>
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
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <source>&amp;Import settings…</source>
        <translation>&amp;Importinställningar…</translation>
    </message>
    <message>
        <source>&amp;New joint analysis…</source>
        <translation>&amp;Ny gemensam analys…</translation>
    </message>
    <message>
        <source>Up&amp;date municipality list…</source>
        <translation>&amp;Uppdatera kommunlista…</translation>
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
        <source>Stop waiting</source>
        <translation>Sluta vänta</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
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
        <source>&amp;Export view…</source>
        <translation>&amp;Exportera vy…</translation>
    </message>
    <message>
        <source>&amp;Columns…</source>
        <translation>&amp;Kolumner…</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Användarguide</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Kortkommandon</translation>
    </message>
</context>
<context>
    <name>MemberModel</name>
    <message>
        <source>Article ID</source>
        <translation>Artikel-ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Leverantör</translation>
    </message>
    <message>
        <source>Read from the name</source>
        <translation>Tolkat ur namnet</translation>
    </message>
    <message>
        <source>Price per piece</source>
        <translation>Pris per st</translation>
    </message>
    <message>
        <source>Volume (pieces)</source>
        <translation>Volym (st)</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <source>Env. score</source>
        <translation>Miljöpoäng</translation>
    </message>
    <message>
        <source>Current decision</source>
        <translation>Nuvarande beslut</translation>
    </message>
    <message>
        <source>Kept: the others are replaced by this article when the cluster is accepted</source>
        <translation>Behålls: de andra ersätts av denna artikel när klustret godkänns</translation>
    </message>
</context>
<context>
    <name>MenusMixin</name>
    <message>
        <source>&amp;Undo {step}</source>
        <translation>&amp;Ångra {step}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo {step}</source>
        <translation>&amp;Gör om {step}</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
</context>
<context>
    <name>MergeResultView</name>
    <message>
        <source>Source rows per municipality</source>
        <translation>Källrader per kommun</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Rader</translation>
    </message>
    <message>
        <source>Rows matched by rule</source>
        <translation>Matchade rader per regel</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Iakttagelser</translation>
    </message>
    <message>
        <source>Nothing new to merge: {file} already holds these lists.</source>
        <translation>Inget nytt att slå ihop: {file} innehåller redan de här listorna.</translation>
    </message>
    <message>
        <source>{joint_articles} from {source_rows} in {municipality_count}.</source>
        <translation>{joint_articles} från {source_rows} i {municipality_count}.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln joint article(s)</source>
        <translation>
            <numerusform>%Ln gemensam artikel</numerusform>
            <numerusform>%Ln gemensamma artiklar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source row(s)</source>
        <translation>
            <numerusform>%Ln källrad</numerusform>
            <numerusform>%Ln källrader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln municipality(-ies)</source>
        <translation>
            <numerusform>%Ln kommun</numerusform>
            <numerusform>%Ln kommuner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new article(s).</source>
        <translation>
            <numerusform>%Ln ny artikel.</numerusform>
            <numerusform>%Ln nya artiklar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) no longer listed by any municipality: {ids}</source>
        <translation>
            <numerusform>%Ln artikel finns inte längre i någon kommuns lista: {ids}</numerusform>
            <numerusform>%Ln artiklar finns inte längre i någon kommuns lista: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved in {file}.</source>
        <translation>Sparad i {file}.</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Inga fynd.</translation>
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Fynd (%n)</numerusform>
            <numerusform>Fynd (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeRules</name>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Supplier article number</source>
        <translation>Leverantörens artikelnummer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Ingen matchning</translation>
    </message>
</context>
<context>
    <name>MergeWizard</name>
    <message>
        <source>New joint analysis</source>
        <translation>Ny gemensam analys</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Nästa &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Tillbaka</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Show &amp;result</source>
        <translation>Visa &amp;resultat</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Slå ihop</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Hide</source>
        <translation>Dölj</translation>
    </message>
    <message>
        <source>Hide the message</source>
        <translation>Dölj meddelandet</translation>
    </message>
</context>
<context>
    <name>OpeningMixin</name>
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
        <source>Opening cancelled.</source>
        <translation>Öppnandet avbröts.</translation>
    </message>
    <message numerus="yes">
        <source>Read %Ln article(s) from {file}</source>
        <translation>
            <numerusform>Läste %Ln artikel från {file}</numerusform>
            <numerusform>Läste %Ln artiklar från {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagesMixin</name>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…och %Ln till</numerusform>
            <numerusform>…och %Ln till</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>The joint analysis</source>
        <translation>Den gemensamma analysen</translation>
    </message>
    <message>
        <source>How the municipalities&apos; rows were matched. Look through the findings before the review.</source>
        <translation>Så här matchades kommunernas rader. Gå igenom fynden före granskningen.</translation>
    </message>
    <message>
        <source>&amp;Open in the review</source>
        <translation>&amp;Öppna i granskningen</translation>
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
    <message numerus="yes">
        <source>{shown} of %Ln article(s) shown</source>
        <translation>
            <numerusform>{shown} av %Ln artikel visas</numerusform>
            <numerusform>{shown} av %Ln artiklar visas</numerusform>
        </translation>
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
        <source>Paste into %Ln row(s)</source>
        <translation>
            <numerusform>Klistra in på %Ln rad</numerusform>
            <numerusform>Klistra in på %Ln rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fill down %Ln row(s)</source>
        <translation>
            <numerusform>Fyll nedåt på %Ln rad</numerusform>
            <numerusform>Fyll nedåt på %Ln rader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set {field} on %Ln row(s)</source>
        <translation>
            <numerusform>Sätt {field} på %Ln rad</numerusform>
            <numerusform>Sätt {field} på %Ln rader</numerusform>
        </translation>
    </message>
    <message>
        <source>{value} (changed by a colleague)</source>
        <translation>{value} (ändrat av en kollega)</translation>
    </message>
    <message>
        <source>Suggested: {value} (not set until accepted)</source>
        <translation>Förslag: {value} (sätts inte förrän du godtar det)</translation>
    </message>
</context>
<context>
    <name>ReviewTableView</name>
    <message numerus="yes">
        <source>Clear %Ln row(s)</source>
        <translation>
            <numerusform>Rensa %Ln rad</numerusform>
            <numerusform>Rensa %Ln rader</numerusform>
        </translation>
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
    <name>RunPage</name>
    <message>
        <source>Merging</source>
        <translation>Sammanslagning</translation>
    </message>
    <message>
        <source>The lists are read and their rows matched into joint articles. Nothing is saved until the merge is done.</source>
        <translation>Listorna läses och raderna matchas till gemensamma artiklar. Inget sparas förrän sammanslagningen är klar.</translation>
    </message>
    <message>
        <source>&amp;Cancel merge</source>
        <translation>&amp;Avbryt sammanslagningen</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Försök igen</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n list(s)…</source>
        <translation>
            <numerusform>Läser %n lista…</numerusform>
            <numerusform>Läser %n listor…</numerusform>
        </translation>
    </message>
    <message>
        <source>The merge was cancelled. Nothing was saved.</source>
        <translation>Sammanslagningen avbröts. Inget har sparats.</translation>
    </message>
    <message>
        <source>Reading the lists…</source>
        <translation>Läser listorna…</translation>
    </message>
    <message>
        <source>Matching the articles…</source>
        <translation>Matchar artiklarna…</translation>
    </message>
    <message>
        <source>Saving the joint workbook…</source>
        <translation>Sparar den gemensamma arbetsboken…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Klart.</translation>
    </message>
    <message>
        <source>Merging…</source>
        <translation>Slår ihop…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
</context>
<context>
    <name>SaveChecks</name>
    <message>
        <source>Please check: {problems}</source>
        <translation>Kontrollera: {problems}</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
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
        <source>Wait until it is closed</source>
        <translation>Vänta tills den stängs</translation>
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
        <source>Apply</source>
        <translation>Verkställ</translation>
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
<context>
    <name>SavingMixin</name>
    <message>
        <source>Colleagues</source>
        <translation>Kollegor</translation>
    </message>
    <message>
        <source>A colleague</source>
        <translation>En kollega</translation>
    </message>
    <message numerus="yes">
        <source>{who} saved other values for %Ln article(s) that you have also changed. Choose which to keep now, or when you save.</source>
        <translation>
            <numerusform>{who} sparade andra värden för %Ln artikel som du också har ändrat. Välj vad som ska gälla nu eller när du sparar.</numerusform>
            <numerusform>{who} sparade andra värden för %Ln artiklar som du också har ändrat. Välj vad som ska gälla nu eller när du sparar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>någon</translation>
    </message>
    <message>
        <source>Waiting for {who} to close {file}; saves by itself then</source>
        <translation>Väntar på att {who} stänger {file}; sparar sedan av sig självt</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>A–Z</source>
        <translation>A–Ö</translation>
    </message>
    <message>
        <source>Start editing the cell with that letter (in Decision: K = Keep, R = Remove …)</source>
        <translation>Börja redigera cellen med den bokstaven (i Beslut: B = Behåll, T = Ta bort …)</translation>
    </message>
    <message>
        <source>Set the environmental score of the selected rows</source>
        <translation>Sätt miljöpoäng på de markerade raderna</translation>
    </message>
    <message>
        <source>Commit the edit and move down</source>
        <translation>Spara ändringen i cellen och gå nedåt</translation>
    </message>
    <message>
        <source>Edit the current cell</source>
        <translation>Redigera cellen</translation>
    </message>
    <message>
        <source>Cancel the edit</source>
        <translation>Avbryt redigeringen</translation>
    </message>
    <message>
        <source>Clear the review values of the selected cells</source>
        <translation>Töm granskningsvärdena i de markerade cellerna</translation>
    </message>
    <message>
        <source>Next cell</source>
        <translation>Nästa cell</translation>
    </message>
    <message>
        <source>Previous cell</source>
        <translation>Föregående cell</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Utöka markeringen</translation>
    </message>
    <message>
        <source>Shift+arrow keys</source>
        <translation>Skift+piltangenter</translation>
    </message>
    <message>
        <source>Ctrl+arrow keys</source>
        <translation>Ctrl+piltangenter</translation>
    </message>
    <message>
        <source>Jump to the edge of the data (with Shift: extend the selection there)</source>
        <translation>Hoppa till kanten av datat (med Skift: utöka markeringen dit)</translation>
    </message>
    <message>
        <source>Copy the selection as Excel pastes it</source>
        <translation>Kopiera markeringen så att Excel kan klistra in den</translation>
    </message>
    <message>
        <source>Paste a block copied from Excel into the review columns</source>
        <translation>Klistra in ett block kopierat från Excel i granskningskolumnerna</translation>
    </message>
    <message>
        <source>Fill down the review values of the top selected row</source>
        <translation>Fyll nedåt med granskningsvärdena i den översta markerade raden</translation>
    </message>
    <message>
        <source>New line in a comment</source>
        <translation>Ny rad i en kommentar</translation>
    </message>
    <message>
        <source>Select all rows</source>
        <translation>Markera alla rader</translation>
    </message>
    <message>
        <source>Go to the first cell</source>
        <translation>Gå till första cellen</translation>
    </message>
    <message>
        <source>Go to the last cell</source>
        <translation>Gå till sista cellen</translation>
    </message>
    <message>
        <source>One screen up</source>
        <translation>En skärmsida upp</translation>
    </message>
    <message>
        <source>One screen down</source>
        <translation>En skärmsida ned</translation>
    </message>
    <message>
        <source>Consolidation: accept the cluster (one undo step)</source>
        <translation>Konsolidering: godkänn klustret (ett ångrasteg)</translation>
    </message>
    <message>
        <source>Consolidation: reject the cluster</source>
        <translation>Konsolidering: avvisa klustret</translation>
    </message>
    <message>
        <source>Consolidation: keep the selected article instead</source>
        <translation>Konsolidering: behåll den markerade artikeln i stället</translation>
    </message>
    <message>
        <source>Consolidation: split the selected article out of the cluster</source>
        <translation>Konsolidering: bryt ut den markerade artikeln ur klustret</translation>
    </message>
    <message>
        <source>Consolidation: reopen a rejected cluster</source>
        <translation>Konsolidering: återöppna ett avvisat kluster</translation>
    </message>
    <message>
        <source>Consolidation: next cluster</source>
        <translation>Konsolidering: nästa kluster</translation>
    </message>
    <message>
        <source>Consolidation: previous cluster</source>
        <translation>Konsolidering: föregående kluster</translation>
    </message>
    <message>
        <source>Consolidation: back to the list</source>
        <translation>Konsolidering: tillbaka till listan</translation>
    </message>
    <message>
        <source>Summary: back to the list</source>
        <translation>Sammanfattning: tillbaka till listan</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Kommando</translation>
    </message>
</context>
<context>
    <name>SourceRowsSection</name>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Rad</translation>
    </message>
    <message>
        <source>Source key</source>
        <translation>Källnyckel</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Source rows</source>
        <translation>Källrader</translation>
    </message>
    <message>
        <source>GTIN</source>
        <translation>GTIN</translation>
    </message>
    <message>
        <source>Supplier article no</source>
        <translation>Lev. art.nr</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Ingen matchning</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>Manuell</translation>
    </message>
    <message>
        <source>Source rows: reading…</source>
        <translation>Källrader: läses…</translation>
    </message>
    <message>
        <source>Source rows could not be read.</source>
        <translation>Källraderna kunde inte läsas.</translation>
    </message>
    <message numerus="yes">
        <source>%n source row(s)</source>
        <translation>
            <numerusform>%n källrad</numerusform>
            <numerusform>%n källrader</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message numerus="yes">
        <source>Reviewed {done} of %Ln article(s) ({percent} %)</source>
        <translation>
            <numerusform>Granskade {done} av %Ln artikel ({percent} %)</numerusform>
            <numerusform>Granskade {done} av %Ln artiklar ({percent} %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln rad markerad</numerusform>
            <numerusform>%Ln rader markerade</numerusform>
        </translation>
    </message>
    <message>
        <source>spend {spend} kr</source>
        <translation>belopp {spend} kr</translation>
    </message>
    <message>
        <source>quantity {quantity}</source>
        <translation>antal {quantity}</translation>
    </message>
</context>
<context>
    <name>SummaryController</name>
    <message>
        <source>&amp;Summary</source>
        <translation>S&amp;ammanfattning</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>S&amp;kriv ut…</translation>
    </message>
    <message>
        <source>Save the summary as PDF</source>
        <translation>Spara sammanfattningen som PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the summary as a workbook</source>
        <translation>Spara sammanfattningen som arbetsbok</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <source>This version of Behovsanalys cannot save the summary as a PDF.</source>
        <translation>Den här versionen av Behovsanalys kan inte spara sammanfattningen som PDF.</translation>
    </message>
    <message>
        <source>This version of Behovsanalys cannot save the summary as a workbook.</source>
        <translation>Den här versionen av Behovsanalys kan inte spara sammanfattningen som arbetsbok.</translation>
    </message>
    <message>
        <source>summary</source>
        <comment>the end of a suggested file name</comment>
        <translation>sammanfattning</translation>
    </message>
    <message>
        <source>Choose another file: {file} is the workbook itself.</source>
        <translation>Välj en annan fil: {file} är själva arbetsboken.</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Skriver {file}…</translation>
    </message>
    <message>
        <source>The summary is saved in {file}.</source>
        <translation>Sammanfattningen är sparad i {file}.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Skriv ut</translation>
    </message>
    <message>
        <source>This version of Behovsanalys cannot print. Save the summary as a PDF and print that.</source>
        <translation>Den här versionen av Behovsanalys kan inte skriva ut. Spara sammanfattningen som PDF och skriv ut den.</translation>
    </message>
    <message>
        <source>The summary was sent to the printer.</source>
        <translation>Sammanfattningen har skickats till skrivaren.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Spara &amp;PDF…</translation>
    </message>
    <message>
        <source>Save &amp;workbook…</source>
        <translation>Spara arbets&amp;bok…</translation>
    </message>
    <message>
        <source>&amp;Tender list…</source>
        <translation>A&amp;nbudsunderlag…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>Skriv &amp;ut…</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Tillbaka till listan</translation>
    </message>
    <message>
        <source>The page and its tables as a PDF for the politicians</source>
        <translation>Sidan och dess tabeller som PDF för politikerna</translation>
    </message>
    <message>
        <source>The figures and charts as an Excel workbook of their own</source>
        <translation>Siffrorna och diagrammen i en egen Excel-arbetsbok</translation>
    </message>
    <message>
        <source>The remaining articles as a price list for the suppliers</source>
        <translation>De artiklar som blir kvar som prislista för leverantörerna</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>Bra att veta</translation>
    </message>
    <message>
        <source>Per municipality</source>
        <translation>Per kommun</translation>
    </message>
    <message>
        <source>Progress per reviewer</source>
        <translation>Framsteg per granskare</translation>
    </message>
    <message>
        <source>Computing the summary…</source>
        <translation>Räknar fram sammanfattningen…</translation>
    </message>
    <message>
        <source>The summary could not be computed.</source>
        <translation>Sammanfattningen kunde inte räknas fram.</translation>
    </message>
    <message>
        <source>Updating…</source>
        <translation>Uppdaterar…</translation>
    </message>
</context>
<context>
    <name>SummaryTables</name>
    <message>
        <source>Municipality</source>
        <translation>Kommun</translation>
    </message>
    <message>
        <source>Articles before</source>
        <translation>Artiklar före</translation>
    </message>
    <message>
        <source>Articles after</source>
        <translation>Artiklar efter</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Förändring</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>Avgjorda</translation>
    </message>
    <message>
        <source>Spend per year (kr)</source>
        <translation>Inköp per år (kr)</translation>
    </message>
    <message>
        <source>Plastic before (kg)</source>
        <translation>Plast före (kg)</translation>
    </message>
    <message>
        <source>Plastic after (kg)</source>
        <translation>Plast efter (kg)</translation>
    </message>
    <message>
        <source>Reviewer</source>
        <translation>Granskare</translation>
    </message>
    <message>
        <source>Articles decided</source>
        <translation>Avgjorda artiklar</translation>
    </message>
    <message>
        <source>Share of the decisions</source>
        <translation>Andel av besluten</translation>
    </message>
    <message>
        <source>(no reviewer named)</source>
        <translation>(ingen granskare angiven)</translation>
    </message>
    <message numerus="yes">
        <source>{decided} of %Ln article(s) decided</source>
        <translation>
            <numerusform>{decided} av %Ln artikel har ett beslut</numerusform>
            <numerusform>{decided} av %Ln artiklar har ett beslut</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Survey</name>
    <message>
        <source>&amp;Surveys</source>
        <translation>E&amp;nkäter</translation>
    </message>
    <message>
        <source>&amp;Make forms…</source>
        <translation>&amp;Skapa enkäter…</translation>
    </message>
    <message>
        <source>&amp;Read answers…</source>
        <translation>&amp;Läs in svar…</translation>
    </message>
    <message>
        <source>&amp;Where the round stands</source>
        <translation>&amp;Visa svarsläget</translation>
    </message>
    <message>
        <source>Use the units&apos; ans&amp;wers</source>
        <translation>Använd enheternas &amp;svar</translation>
    </message>
    <message numerus="yes">
        <source>Reminder for %n unit(s) copied to the clipboard.</source>
        <translation>
            <numerusform>Påminnelse till %n enhet kopierad till urklipp.</numerusform>
            <numerusform>Påminnelse till %n enheter kopierad till urklipp.</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder for the forms</source>
        <translation>Mapp för enkäterna</translation>
    </message>
    <message>
        <source>One form per municipality</source>
        <translation>En enkät per kommun</translation>
    </message>
    <message>
        <source>One form per förvaltning</source>
        <translation>En enkät per förvaltning</translation>
    </message>
    <message>
        <source>Make forms</source>
        <translation>Skapa enkäter</translation>
    </message>
    <message>
        <source>Forms for:</source>
        <translation>Enkäter till:</translation>
    </message>
    <message>
        <source>Returned forms</source>
        <translation>Besvarade enkäter</translation>
    </message>
    <message>
        <source>Forms (*.xlsx *.xlsm *.xls *.ods *.csv);;All files (*)</source>
        <translation>Enkäter (*.xlsx *.xlsm *.xls *.ods *.csv);;Alla filer (*)</translation>
    </message>
    <message>
        <source>Wait: the workbook is still being written.</source>
        <translation>Vänta: arbetsboken skrivs fortfarande.</translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) made in {folder}.</source>
        <translation>
            <numerusform>%n enkät skapad i {folder}.</numerusform>
            <numerusform>%n enkäter skapade i {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Forms made</source>
        <translation>Enkäter skapade</translation>
    </message>
    <message>
        <source>Answers read</source>
        <translation>Svar inlästa</translation>
    </message>
    <message>
        <source>Surveys</source>
        <translation>Enkäter</translation>
    </message>
    <message>
        <source>Save your changes first: the workbook could not be saved now.</source>
        <translation>Spara dina ändringar först: arbetsboken kunde inte sparas nu.</translation>
    </message>
    <message>
        <source>The units do not agree on an answer that differs for the selected articles.</source>
        <translation>Enheterna är inte överens om något svar som skiljer sig från de markerade artiklarnas.</translation>
    </message>
    <message numerus="yes">
        <source>Use the units&apos; answers on %n article(s)</source>
        <translation>
            <numerusform>Använd enheternas svar på %n artikel</numerusform>
            <numerusform>Använd enheternas svar på %n artiklar</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyFacetWords</name>
    <message>
        <source>Units&apos; usage</source>
        <translation>Enheternas användning</translation>
    </message>
    <message>
        <source>Units&apos; future need</source>
        <translation>Enheternas framtida behov</translation>
    </message>
    <message>
        <source>Different answers</source>
        <translation>Olika svar</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Inget svar</translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Har svarat</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Articles</source>
        <translation>Artiklar</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <source>Drop the returned forms (files or a folder) here to read their answers in.</source>
        <translation>Släpp de besvarade enkäterna (filer eller en mapp) här för att läsa in svaren.</translation>
    </message>
    <message>
        <source>Make forms…</source>
        <translation>Skapa enkäter…</translation>
    </message>
    <message>
        <source>Read answers…</source>
        <translation>Läs in svar…</translation>
    </message>
    <message>
        <source>Copy reminder</source>
        <translation>Kopiera påminnelse</translation>
    </message>
    <message>
        <source>Back to the list</source>
        <translation>Tillbaka till listan</translation>
    </message>
    <message>
        <source>Reading the answers…</source>
        <translation>Läser svaren…</translation>
    </message>
    <message numerus="yes">
        <source>Answers from {answered} of %n unit(s)</source>
        <translation>
            <numerusform>Svar från {answered} av %n enhet</numerusform>
            <numerusform>Svar från {answered} av %n enheter</numerusform>
        </translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>SurveySection</name>
    <message>
        <source>Answers from the units</source>
        <translation>Enheternas svar</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Where to save the joint analysis</source>
        <translation>Var den gemensamma analysen ska sparas</translation>
    </message>
    <message>
        <source>The joint workbook holds one row per article with every municipality&apos;s volumes, and the source rows behind them.</source>
        <translation>Den gemensamma arbetsboken har en rad per artikel med varje kommuns volymer, och källraderna bakom dem.</translation>
    </message>
    <message>
        <source>&amp;Joint workbook:</source>
        <translation>&amp;Gemensam arbetsbok:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <source>Joint analysis</source>
        <translation>Gemensam analys</translation>
    </message>
    <message>
        <source>Save the joint analysis as</source>
        <translation>Spara den gemensamma analysen som</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist.</source>
        <translation>Mappen {folder} finns inte.</translation>
    </message>
    <message>
        <source>{file} exists: the lists are merged into it; its review values are kept.</source>
        <translation>{file} finns redan: listorna slås ihop med den; dess granskningsvärden behålls.</translation>
    </message>
    <message>
        <source>A new joint workbook is created.</source>
        <translation>En ny gemensam arbetsbok skapas.</translation>
    </message>
</context>
<context>
    <name>TenderList</name>
    <message>
        <source>&amp;Tender list…</source>
        <translation>An&amp;budsunderlag…</translation>
    </message>
    <message>
        <source>The remaining articles with their pooled yearly volumes, as a workbook the suppliers fill in with their offers</source>
        <translation>De artiklar som finns kvar, med sammanlagd årsvolym, som en arbetsbok där leverantörerna fyller i sina anbud</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Öppna mappen</translation>
    </message>
    <message>
        <source>{name} – tender list</source>
        <translation>{name} – anbudsunderlag</translation>
    </message>
    <message>
        <source>Tender list</source>
        <translation>Anbudsunderlag</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>The tender list was not made: save your changes first (the workbook could not be saved now).</source>
        <translation>Anbudsunderlaget skapades inte: spara dina ändringar först (arbetsboken gick inte att spara nu).</translation>
    </message>
    <message>
        <source>Making the tender list…</source>
        <translation>Skapar anbudsunderlaget…</translation>
    </message>
    <message numerus="yes">
        <source>Tender list with %n article(s) saved: {file}</source>
        <translation>
            <numerusform>Anbudsunderlag med %n artikel sparat: {file}</numerusform>
            <numerusform>Anbudsunderlag med %n artiklar sparat: {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdateListDialog</name>
    <message>
        <source>Update municipality list</source>
        <translation>Uppdatera kommunlista</translation>
    </message>
    <message>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <source>Joint workbook:</source>
        <translation>Gemensam arbetsbok:</translation>
    </message>
    <message>
        <source>(no list chosen)</source>
        <translation>(ingen lista vald)</translation>
    </message>
    <message>
        <source>Choose &amp;list…</source>
        <translation>Välj &amp;lista…</translation>
    </message>
    <message>
        <source>C&amp;olumns…</source>
        <translation>K&amp;olumner…</translation>
    </message>
    <message>
        <source>New list:</source>
        <translation>Ny lista:</translation>
    </message>
    <message>
        <source>&amp;Municipality:</source>
        <translation>&amp;Kommun:</translation>
    </message>
    <message>
        <source>&amp;Replace its list (its old rows go)</source>
        <translation>&amp;Ersätta kommunens lista (de gamla raderna tas bort)</translation>
    </message>
    <message>
        <source>&amp;Add to its list (the old rows stay)</source>
        <translation>Lägga &amp;till i kommunens lista (de gamla raderna finns kvar)</translation>
    </message>
    <message>
        <source>&amp;Cancel update</source>
        <translation>&amp;Avbryt uppdateringen</translation>
    </message>
    <message>
        <source>&amp;Update</source>
        <translation>&amp;Uppdatera</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Läser {file}…</translation>
    </message>
    <message numerus="yes">
        <source>%n municipality(-ies)</source>
        <translation>
            <numerusform>%n kommun</numerusform>
            <numerusform>%n kommuner</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln artikel</numerusform>
            <numerusform>%Ln artiklar</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the joint analysis</source>
        <translation>Välj den gemensamma analysen</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Läser…</translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln rad</numerusform>
            <numerusform>%Ln rader</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose the municipality&apos;s new list</source>
        <translation>Välj kommunens nya lista</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;All files (*)</source>
        <translation>Kalkylblad (*.xlsx *.xlsm *.xls *.ods *.csv *.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <source>{municipality} already has a list in the workbook ({files}). The new list should:</source>
        <translation>{municipality} har redan en lista i arbetsboken ({files}). Den nya listan ska:</translation>
    </message>
    <message>
        <source>Replace the list?</source>
        <translation>Ersätta listan?</translation>
    </message>
    <message>
        <source>{municipality} has {old} source rows in the joint workbook; {file} has only {new}. Replacing the list takes the other rows out of {municipality}&apos;s volumes.</source>
        <translation>{municipality} har {old} källrader i den gemensamma analysen; {file} har bara {new}. Ersätts listan försvinner de andra raderna ur volymerna för {municipality}.</translation>
    </message>
    <message>
        <source>Check that it is the right file and municipality. Replace anyway?</source>
        <translation>Kontrollera att det är rätt fil och rätt kommun. Ersätta ändå?</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Ersätt</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Avbryt</translation>
    </message>
    <message>
        <source>Merging {file}…</source>
        <translation>Slår ihop {file}…</translation>
    </message>
    <message>
        <source>The update was cancelled. Nothing was saved.</source>
        <translation>Uppdateringen avbröts. Inget har sparats.</translation>
    </message>
    <message>
        <source>Nothing changed: the workbook already holds this list.</source>
        <translation>Inget ändrades: arbetsboken innehåller redan den här listan.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln source row(s)</source>
        <translation>
            <numerusform>%Ln källrad</numerusform>
            <numerusform>%Ln källrader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) before</source>
        <translation>
            <numerusform>%Ln rad förut</numerusform>
            <numerusform>%Ln rader förut</numerusform>
        </translation>
    </message>
    <message>
        <source>Updated: {municipality} now has {source_rows} ({before}).</source>
        <translation>Uppdaterad: {municipality} har nu {source_rows} ({before}).</translation>
    </message>
    <message numerus="yes">
        <source>Another quantity for %n article(s): {changes}</source>
        <translation>
            <numerusform>Ändrat antal för %n artikel: {changes}</numerusform>
            <numerusform>Ändrat antal för %n artiklar: {changes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) new in the list: {ids}</source>
        <translation>
            <numerusform>%n artikel är ny i listan: {ids}</numerusform>
            <numerusform>%n artiklar är nya i listan: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>{article}, quantity {quantity}</source>
        <translation>{article}, antal {quantity}</translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) no longer in the list: {ids}</source>
        <translation>
            <numerusform>%n artikel finns inte längre i listan: {ids}</numerusform>
            <numerusform>%n artiklar finns inte längre i listan: {ids}</numerusform>
        </translation>
    </message>
    <message>
        <source>{article}, quantity {quantity} before</source>
        <translation>{article}, antal {quantity} förut</translation>
    </message>
    <message>
        <source>No article&apos;s quantity changed.</source>
        <translation>Inget antal ändrades.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Avbryter…</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>User guide</source>
        <translation>Användarguide</translation>
    </message>
    <message>
        <source>Open a list</source>
        <translation>Öppna en lista</translation>
    </message>
    <message>
        <source>Choose &lt;b&gt;File › Open…&lt;/b&gt; (Ctrl+O) or drop the file on the window: an article list or purchase statistics as xlsx, xlsm, xls, ods or csv. The first time, the app shows which column it took for the article number and name; check it and choose &lt;b&gt;OK&lt;/b&gt;. The choice is remembered for the file.</source>
        <translation>Välj &lt;b&gt;Arkiv › Öppna…&lt;/b&gt; (Ctrl+O) eller släpp filen i fönstret: en artikellista eller inköpsstatistik som xlsx, xlsm, xls, ods eller csv. Första gången visar programmet vilken kolumn det tog för artikelnummer och benämning; kontrollera och välj &lt;b&gt;OK&lt;/b&gt;. Valet kommer programmet ihåg för filen.</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Granska</translation>
    </message>
    <message>
        <source>The review columns (Usage, Future need, Environmental score, Decision, Replaced by, Comment) come right after the name. Type the first letter of a value and press Enter: the value is set and the cursor moves down, as in Excel. Press 1–5 in the score column. Select many rows and use &lt;b&gt;Edit › Set … for selected rows&lt;/b&gt; (or right-click) to set a value on all of them in one step; &lt;b&gt;Edit › Undo&lt;/b&gt; (Ctrl+Z) takes it back. Choose the columns you see and their order with &lt;b&gt;View › Columns…&lt;/b&gt;.</source>
        <translation>Granskningskolumnerna (Användning, Framtida behov, Miljöpoäng, Beslut, Ersätts av, Kommentar) står direkt efter benämningen. Skriv första bokstaven i ett värde och tryck Enter: värdet sätts och markören går ned en rad, som i Excel. Tryck 1–5 i kolumnen Miljöpoäng. Markera många rader och använd &lt;b&gt;Redigera › Sätt … för markerade rader&lt;/b&gt; (eller högerklicka) för att sätta ett värde på alla i ett steg; &lt;b&gt;Redigera › Ångra&lt;/b&gt; (Ctrl+Z) tar tillbaka det. Välj vilka kolumner du ser och i vilken ordning med &lt;b&gt;Visa › Kolumner…&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Search and filter</source>
        <translation>Sök och filtrera</translation>
    </message>
    <message>
        <source>Type in the search field (Ctrl+F) to find articles by any text. Tick values in the filters on the left to narrow the list, or pick a named view such as &lt;i&gt;Not reviewed&lt;/i&gt;. Click a column header to sort. &lt;b&gt;File › Export view…&lt;/b&gt; saves exactly the rows and columns on screen as xlsx or csv, for a meeting.</source>
        <translation>Skriv i sökfältet (Ctrl+F) för att hitta artiklar på vilken text som helst. Kryssa för värden i filtren till vänster för att smalna av listan, eller välj en namngiven vy som &lt;i&gt;Ej granskade&lt;/i&gt;. Klicka på en kolumnrubrik för att sortera. &lt;b&gt;Arkiv › Exportera vy…&lt;/b&gt; sparar precis de rader och kolumner som syns, som xlsx eller csv, till exempel inför ett möte.</translation>
    </message>
    <message>
        <source>Save together with colleagues</source>
        <translation>Spara tillsammans med kollegor</translation>
    </message>
    <message>
        <source>Several people can review the same workbook on a shared folder. &lt;b&gt;File › Save&lt;/b&gt; (Ctrl+S) writes only the review cells into the workbook and keeps everything else as it was. Colleagues&apos; saved changes are brought in while you work and marked in bold until you have seen the row. If Excel has the file open, close it there first. Your unsaved edits are kept even if the computer stops: they come back when you open the file again.</source>
        <translation>Flera personer kan granska samma arbetsbok i en delad mapp. &lt;b&gt;Arkiv › Spara&lt;/b&gt; (Ctrl+S) skriver bara granskningscellerna i arbetsboken och lämnar allt annat som det var. Det kollegor har sparat förs in medan du arbetar och visas i fetstil tills du har sett raden. Om filen är öppen i Excel, stäng den där först. Ändringar du inte har sparat finns kvar även om datorn stannar: de kommer tillbaka när du öppnar filen igen.</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Krockar</translation>
    </message>
    <message>
        <source>If a colleague saved a different value in a cell you have also changed, the app asks before it writes: for each article you choose your value or theirs (or all mine / all theirs). Nothing a colleague saved is overwritten without your choice.</source>
        <translation>Om en kollega har sparat ett annat värde i en cell som du också har ändrat frågar programmet innan det skriver: för varje artikel väljer du ditt värde eller kollegans (eller alla mina / alla kollegans). Inget som en kollega har sparat skrivs över utan att du har valt det.</translation>
    </message>
    <message>
        <source>One joint assortment, fewer articles</source>
        <translation>Ett gemensamt sortiment, färre artiklar</translation>
    </message>
    <message>
        <source>&lt;b&gt;File › New joint analysis…&lt;/b&gt; merges every municipality&apos;s list into one joint workbook with pooled volumes; &lt;b&gt;File › Update municipality list…&lt;/b&gt; brings in one municipality&apos;s new list (a file named after a municipality of the workbook, such as Haninge 2026.csv, is taken as its list, and you are asked before a much shorter list replaces one). &lt;b&gt;View › Consolidation…&lt;/b&gt; (Ctrl+K) shows near-identical articles in clusters, each with a suggested article to keep; accept or reject a cluster with one key. &lt;b&gt;Surveys › Make forms…&lt;/b&gt; writes an Excel form per unit; &lt;b&gt;Read answers…&lt;/b&gt; brings the operations&apos; answers back beside each article.</source>
        <translation>&lt;b&gt;Arkiv › Ny gemensam analys…&lt;/b&gt; slår ihop varje kommuns lista till en gemensam arbetsbok med samlade volymer; &lt;b&gt;Arkiv › Uppdatera kommunlista…&lt;/b&gt; tar in en kommuns nya lista (en fil som heter som en av arbetsbokens kommuner, till exempel Haninge 2026.csv, räknas som dess lista, och du får frågan innan en mycket kortare lista ersätter en). &lt;b&gt;Visa › Konsolidering…&lt;/b&gt; (Ctrl+K) visar nästan likadana artiklar i kluster, vart och ett med ett förslag på vilken artikel som ska behållas; godkänn eller avvisa ett kluster med en tangent. &lt;b&gt;Enkäter › Skapa enkäter…&lt;/b&gt; skriver en Excel-enkät per enhet; &lt;b&gt;Läs in svar…&lt;/b&gt; hämtar verksamheternas svar och visar dem vid varje artikel.</translation>
    </message>
    <message>
        <source>Summary and tender list</source>
        <translation>Sammanfattning och anbudsunderlag</translation>
    </message>
    <message>
        <source>&lt;b&gt;View › Summary&lt;/b&gt; (Ctrl+Shift+M) shows what the decisions do: articles before and after, pooled volume, spend, plastic and CO2e, per municipality and per reviewer, updated as you decide. Save it as a one-page PDF for the politicians or as a workbook with charts, or print it (&lt;b&gt;File › Print…&lt;/b&gt;). &lt;b&gt;File › Tender list…&lt;/b&gt; writes the remaining articles with their yearly volumes and requirements as a workbook the suppliers fill in.</source>
        <translation>&lt;b&gt;Visa › Sammanfattning&lt;/b&gt; (Ctrl+Skift+M) visar vad besluten gör: artiklar före och efter, samlad volym, inköp, plast och CO2e, per kommun och per granskare, uppdaterat medan ni beslutar. Spara den som en PDF på en sida till politikerna eller som en arbetsbok med diagram, eller skriv ut den (&lt;b&gt;Arkiv › Skriv ut…&lt;/b&gt;). &lt;b&gt;Arkiv › Anbudsunderlag…&lt;/b&gt; skriver de kvarvarande artiklarna med sina årsvolymer och krav som en arbetsbok som leverantörerna fyller i.</translation>
    </message>
    <message>
        <source>Follow up the purchases</source>
        <translation>Följ upp inköpen</translation>
    </message>
    <message>
        <source>During the contract, &lt;b&gt;View › Follow-up&lt;/b&gt; (Ctrl+U) reads the purchase statistics (csv or xlsx, one file per municipality and year) and shows how much of the spend stays inside the agreed assortment, per municipality, unit and month against your target, which removed articles are still bought (and what to buy instead), what is bought outside the assortment and where the agreed price is not paid. Each run is kept in the workbook&apos;s sheet Uppföljning.</source>
        <translation>Under avtalstiden läser &lt;b&gt;Visa › Uppföljning&lt;/b&gt; (Ctrl+U) in inköpsstatistiken (csv eller xlsx, en fil per kommun och år) och visar hur stor del av inköpen som håller sig inom det avtalade sortimentet, per kommun, förvaltning och månad mot ert mål, vilka borttagna artiklar som fortfarande köps (och vad som ska köpas i stället), vad som köps utanför sortimentet och var det avtalade priset inte betalas. Varje körning sparas i arbetsbokens blad Uppföljning.</translation>
    </message>
    <message>
        <source>Behovsanalys step by step</source>
        <translation>Behovsanalys steg för steg</translation>
    </message>
    <message>
        <source>All keyboard shortcuts: Help › Keyboard shortcuts.</source>
        <translation>Alla kortkommandon: Hjälp › Kortkommandon.</translation>
    </message>
</context>
<context>
    <name>ViewExporter</name>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV för Excel (*.csv)</translation>
    </message>
    <message>
        <source>{name} – view</source>
        <translation>{name} – vy</translation>
    </message>
    <message>
        <source>Export view</source>
        <translation>Exportera vy</translation>
    </message>
    <message>
        <source>Exporting the view to {file}…</source>
        <translation>Exporterar vyn till {file}…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln article row(s) to {file}</source>
        <translation>
            <numerusform>Exporterade %Ln artikelrad till {file}</numerusform>
            <numerusform>Exporterade %Ln artikelrader till {file}</numerusform>
        </translation>
    </message>
</context>
</TS>
