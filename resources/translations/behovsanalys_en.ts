<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
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
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Read %Ln article(s) from {file}</source>
        <translation>
            <numerusform>Read %Ln article from {file}</numerusform>
            <numerusform>Read %Ln articles from {file}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %Ln more</source>
        <translation>
            <numerusform>…and %Ln more</numerusform>
            <numerusform>…and %Ln more</numerusform>
        </translation>
    </message>
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
</TS>
