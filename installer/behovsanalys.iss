; Inno Setup script: a per-user installer for Windows that needs no administrator rights.
; Built by .github/workflows/windows-installer.yml after PyInstaller has made dist\behovsanalys\:
;   iscc /DAppVersion=0.1.0 installer\behovsanalys.iss
; The version comes from pyproject.toml (the workflow reads it and passes /DAppVersion); it is never typed here.
; On Linux, `make dist-check-windows` compiles it with ISCC.exe under Wine against a stand-in bundle and
; installs and uninstalls the result (tools/windows_check.py; docs/packaging.md).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=<version from pyproject.toml> installer\behovsanalys.iss
#endif
#define AppName "Behovsanalys"
#define AppExe "behovsanalys.exe"
; The frozen bundle; tools/windows_check.py passes /DBundle=<a stand-in laid out the same> on Linux.
#ifndef Bundle
  #define Bundle "..\dist\behovsanalys"
#endif

[Setup]
; A fixed AppId keeps upgrades and the uninstaller tied to the same product; never change it.
AppId={{6E0C7D3A-5B8E-4C51-9A63-2F1D8B0E4A71}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Behovsanalys team
VersionInfoVersion={#AppVersion}
; Per user, no UAC prompt: installs under %LOCALAPPDATA%\Programs and writes only to HKCU.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
; The folder {userpf} names (FOLDERID_UserProgramFiles is %LOCALAPPDATA%\Programs) and the MSI's, spelled out:
; Wine does not know that known folder ("Failed to expand shell folder constant userpf"), and spelled this
; way the script that ships is the one tools/windows_check.py installs under Wine.
DefaultDirName={localappdata}\Programs\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsedUserAreasWarning=no
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=behovsanalys-{#AppVersion}-windows-x64-setup
SetupIconFile=..\build\icons\behovsanalys.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesAssociations=yes
CloseApplications=yes

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Bundle}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; "Open with" Behovsanalys for spreadsheets, per user (HKCU), without taking over the default program.
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".xlsx"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".xlsm"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".xls"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".ods"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".csv"; ValueData: ""
; A ProgID of our own, listed under each extension's OpenWithProgids so it shows in "Open with".
; Each listing is an empty string value: "ValueType: none" would create the key and write no value at all
; (seen under Wine by tools/windows_check.py), and Inno Setup cannot write REG_NONE, which Explorer also reads.
Root: HKCU; Subkey: "Software\Classes\Behovsanalys.Workbook"; ValueType: string; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Behovsanalys.Workbook\DefaultIcon"; ValueType: string; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\Behovsanalys.Workbook\shell\open\command"; ValueType: string; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.xlsx\OpenWithProgids"; ValueType: string; ValueName: "Behovsanalys.Workbook"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.xlsm\OpenWithProgids"; ValueType: string; ValueName: "Behovsanalys.Workbook"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.xls\OpenWithProgids"; ValueType: string; ValueName: "Behovsanalys.Workbook"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.ods\OpenWithProgids"; ValueType: string; ValueName: "Behovsanalys.Workbook"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty
Root: HKCU; Subkey: "Software\Classes\.csv\OpenWithProgids"; ValueType: string; ValueName: "Behovsanalys.Workbook"; ValueData: ""; Flags: uninsdeletevalue uninsdeletekeyifempty

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; The uninstaller removes the program folder and the registry entries above. It deliberately leaves the
; user's settings, journal and logs (%LOCALAPPDATA%\Behovsanalys) and the backups beside the workbooks.
