<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
<context>
    <name>BulkValueDialog</name>
    <message numerus="yes">
        <source>Article that replaces the %Ln selected row(s) (article number or name):</source>
        <translation>
            <numerusform>Article that replaces the %Ln selected row (article number or name):</numerusform>
            <numerusform>Article that replaces the %Ln selected rows (article number or name):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Comment for the %Ln selected row(s) (empty clears it):</source>
        <translation>
            <numerusform>Comment for the %Ln selected row (empty clears it):</numerusform>
            <numerusform>Comment for the %Ln selected rows (empty clears it):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message numerus="yes">
        <source>A colleague saved other values for %Ln cell(s) that you have also changed. Choose for each which value the workbook keeps.</source>
        <translation>
            <numerusform>A colleague saved another value for %Ln cell that you have also changed. Choose which value the workbook keeps.</numerusform>
            <numerusform>A colleague saved other values for %Ln cells that you have also changed. Choose for each which value the workbook keeps.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Consolidation</name>
    <message numerus="yes">
        <source>Accept cluster {product}: %n article(s) replaced by {keep}</source>
        <translation>
            <numerusform>Accept cluster {product}: %n article replaced by {keep}</numerusform>
            <numerusform>Accept cluster {product}: %n articles replaced by {keep}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConsolidationPage</name>
    <message numerus="yes">
        <source>%n cluster(s) shown</source>
        <translation>
            <numerusform>%n cluster shown</numerusform>
            <numerusform>%n clusters shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{done} of %n cluster(s) decided</source>
        <translation>
            <numerusform>{done} of %n cluster decided</numerusform>
            <numerusform>{done} of %n clusters decided</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{before} → %n article(s)</source>
        <translation>
            <numerusform>{before} → %n article</numerusform>
            <numerusform>{before} → %n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) if every suggestion is accepted</source>
        <translation>
            <numerusform>%n article if every suggestion is accepted</numerusform>
            <numerusform>%n articles if every suggestion is accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentGrid</name>
    <message numerus="yes">
        <source>Accept %n suggested environmental score(s)</source>
        <translation>
            <numerusform>Accept %n suggested environmental score</numerusform>
            <numerusform>Accept %n suggested environmental scores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filled in suggested environmental scores for %n article(s)</source>
        <translation>
            <numerusform>Filled in suggested environmental scores for %n article</numerusform>
            <numerusform>Filled in suggested environmental scores for %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EnvironmentPanel</name>
    <message numerus="yes">
        <source>%n article(s) whose material is not known are not counted.</source>
        <translation>
            <numerusform>%n article whose material is not known is not counted.</numerusform>
            <numerusform>%n articles whose material is not known are not counted.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced article(s) could not be moved to the replacement.</source>
        <translation>
            <numerusform>%n replaced article could not be moved to its replacement.</numerusform>
            <numerusform>%n replaced articles could not be moved to their replacements.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SUP-banned article(s) still in the assortment</source>
        <translation>
            <numerusform>%n SUP-banned article still in the assortment</numerusform>
            <numerusform>%n SUP-banned articles still in the assortment</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message numerus="yes">
        <source>%n list(s) cannot be read: remove or check them.</source>
        <translation>
            <numerusform>%n list cannot be read: remove or check it.</numerusform>
            <numerusform>%n lists cannot be read: remove or check them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n list(s)</source>
        <translation>
            <numerusform>%n list</numerusform>
            <numerusform>%n lists</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Followup</name>
    <message numerus="yes">
        <source>%Ln line(s) in {seconds} s ({rate} lines per second)</source>
        <translation>
            <numerusform>%Ln line in {seconds} s ({rate} lines per second)</numerusform>
            <numerusform>%Ln lines in {seconds} s ({rate} lines per second)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>File {index} of %n: {file}</source>
        <translation>
            <numerusform>File {index} of %n: {file}</numerusform>
            <numerusform>File {index} of %n: {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln line(s) read ({rate} lines per second)</source>
        <translation>
            <numerusform>%Ln line read ({rate} lines per second)</numerusform>
            <numerusform>%Ln lines read ({rate} lines per second)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowupPage</name>
    <message numerus="yes">
        <source>Removed but bought (%n)</source>
        <translation>
            <numerusform>Removed but bought (%n)</numerusform>
            <numerusform>Removed but bought (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Outside the assortment (%n)</source>
        <translation>
            <numerusform>Outside the assortment (%n)</numerusform>
            <numerusform>Outside the assortment (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Price deviations (%n)</source>
        <translation>
            <numerusform>Price deviations (%n)</numerusform>
            <numerusform>Price deviations (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln purchase line(s)</source>
        <translation>
            <numerusform>%Ln purchase line</numerusform>
            <numerusform>%Ln purchase lines</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>%Ln article row(s) below header row {header}; key column: {key}</source>
        <translation>
            <numerusform>%Ln article row below header row {header}; key column: {key}</numerusform>
            <numerusform>%Ln article rows below header row {header}; key column: {key}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JointGrid</name>
    <message numerus="yes">
        <source>Link %n article(s) into {survivor} {name}?</source>
        <translation>
            <numerusform>Link %n article into {survivor} {name}?</numerusform>
            <numerusform>Link %n articles into {survivor} {name}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Link %n article(s) into {survivor}</source>
        <translation>
            <numerusform>Link %n article into {survivor}</numerusform>
            <numerusform>Link %n articles into {survivor}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeResultView</name>
    <message numerus="yes">
        <source>%Ln joint article(s)</source>
        <translation>
            <numerusform>%Ln joint article</numerusform>
            <numerusform>%Ln joint articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source row(s)</source>
        <translation>
            <numerusform>%Ln source row</numerusform>
            <numerusform>%Ln source rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln municipality(-ies)</source>
        <translation>
            <numerusform>%Ln municipality</numerusform>
            <numerusform>%Ln municipalities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln new article(s).</source>
        <translation>
            <numerusform>%Ln new article.</numerusform>
            <numerusform>%Ln new articles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s) no longer listed by any municipality: {ids}</source>
        <translation>
            <numerusform>%Ln article no longer listed by any municipality: {ids}</numerusform>
            <numerusform>%Ln articles no longer listed by any municipality: {ids}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Findings (%n)</source>
        <translation>
            <numerusform>Findings (%n)</numerusform>
            <numerusform>Findings (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OpeningMixin</name>
    <message numerus="yes">
        <source>Read %Ln article(s) from {file}</source>
        <translation>
            <numerusform>Read %Ln article from {file}</numerusform>
            <numerusform>Read %Ln articles from {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PagesMixin</name>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…and %Ln more</numerusform>
            <numerusform>…and %Ln more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message numerus="yes">
        <source>{shown} of %Ln article(s) shown</source>
        <translation>
            <numerusform>{shown} of %Ln article shown</numerusform>
            <numerusform>{shown} of %Ln articles shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTableModel</name>
    <message numerus="yes">
        <source>Paste into %Ln row(s)</source>
        <translation>
            <numerusform>Paste into %Ln row</numerusform>
            <numerusform>Paste into %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Fill down %Ln row(s)</source>
        <translation>
            <numerusform>Fill down %Ln row</numerusform>
            <numerusform>Fill down %Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Set {field} on %Ln row(s)</source>
        <translation>
            <numerusform>Set {field} on %Ln row</numerusform>
            <numerusform>Set {field} on %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReviewTableView</name>
    <message numerus="yes">
        <source>Clear %Ln row(s)</source>
        <translation>
            <numerusform>Clear %Ln row</numerusform>
            <numerusform>Clear %Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message numerus="yes">
        <source>Reading %n list(s)…</source>
        <translation>
            <numerusform>Reading %n list…</numerusform>
            <numerusform>Reading %n lists…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SavingMixin</name>
    <message numerus="yes">
        <source>{who} saved other values for %Ln article(s) that you have also changed. Choose which to keep now, or when you save.</source>
        <translation>
            <numerusform>{who} saved other values for %Ln article that you have also changed. Choose which to keep now, or when you save.</numerusform>
            <numerusform>{who} saved other values for %Ln articles that you have also changed. Choose which to keep now, or when you save.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourceRowsSection</name>
    <message numerus="yes">
        <source>%n source row(s)</source>
        <translation>
            <numerusform>%n source row</numerusform>
            <numerusform>%n source rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusBarMixin</name>
    <message numerus="yes">
        <source>Reviewed {done} of %Ln article(s) ({percent} %)</source>
        <translation>
            <numerusform>Reviewed {done} of %Ln article ({percent} %)</numerusform>
            <numerusform>Reviewed {done} of %Ln articles ({percent} %)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) selected</source>
        <translation>
            <numerusform>%Ln row selected</numerusform>
            <numerusform>%Ln rows selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SummaryTables</name>
    <message numerus="yes">
        <source>{decided} of %Ln article(s) decided</source>
        <translation>
            <numerusform>{decided} of %Ln article decided</numerusform>
            <numerusform>{decided} of %Ln articles decided</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Survey</name>
    <message numerus="yes">
        <source>Reminder for %n unit(s) copied to the clipboard.</source>
        <translation>
            <numerusform>Reminder for %n unit copied to the clipboard.</numerusform>
            <numerusform>Reminder for %n units copied to the clipboard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n form(s) made in {folder}.</source>
        <translation>
            <numerusform>%n form made in {folder}.</numerusform>
            <numerusform>%n forms made in {folder}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Use the units&apos; answers on %n article(s)</source>
        <translation>
            <numerusform>Use the units&apos; answers on %n article</numerusform>
            <numerusform>Use the units&apos; answers on %n articles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveyPage</name>
    <message numerus="yes">
        <source>Answers from {answered} of %n unit(s)</source>
        <translation>
            <numerusform>Answers from {answered} of %n unit</numerusform>
            <numerusform>Answers from {answered} of %n units</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TenderList</name>
    <message numerus="yes">
        <source>Tender list with %n article(s) saved: {file}</source>
        <translation>
            <numerusform>Tender list with %n article saved: {file}</numerusform>
            <numerusform>Tender list with %n articles saved: {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UpdateListDialog</name>
    <message numerus="yes">
        <source>%n municipality(-ies)</source>
        <translation>
            <numerusform>%n municipality</numerusform>
            <numerusform>%n municipalities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln article(s)</source>
        <translation>
            <numerusform>%Ln article</numerusform>
            <numerusform>%Ln articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln source row(s)</source>
        <translation>
            <numerusform>%Ln source row</numerusform>
            <numerusform>%Ln source rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln row(s) before</source>
        <translation>
            <numerusform>%Ln row before</numerusform>
            <numerusform>%Ln rows before</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Another quantity for %n article(s): {changes}</source>
        <translation>
            <numerusform>Another quantity for %n article: {changes}</numerusform>
            <numerusform>Another quantity for %n articles: {changes}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) new in the list: {ids}</source>
        <translation>
            <numerusform>%n article new in the list: {ids}</numerusform>
            <numerusform>%n articles new in the list: {ids}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) no longer in the list: {ids}</source>
        <translation>
            <numerusform>%n article no longer in the list: {ids}</numerusform>
            <numerusform>%n articles no longer in the list: {ids}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ViewExporter</name>
    <message numerus="yes">
        <source>Exported %Ln article row(s) to {file}</source>
        <translation>
            <numerusform>Exported %Ln article row to {file}</numerusform>
            <numerusform>Exported %Ln article rows to {file}</numerusform>
        </translation>
    </message>
</context>
</TS>
