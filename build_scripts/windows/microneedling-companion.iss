; Inno Setup 6 script: the Windows installer for the onedir bundle.
; It cannot be built on Linux. On Windows, from the checkout (Python 3.11 and Inno Setup 6):
;   py -3.11 -m venv .venv
;   .venv\Scripts\python -m pip install -c constraints.txt -e ".[build]"
;   .venv\Scripts\python build_scripts\package.py
;   dist\microneedling-companion\microneedling-companion-cli.exe --self-test
;   iscc /DAppVersion=0.1.0 build_scripts\windows\microneedling-companion.iss
; package.py makes dist\microneedling-companion\ (the app, microneedling-companion.exe, and its
; console twin microneedling-companion-cli.exe, which prints; see companion.spec) and the icon
; build\pyinstaller\companion\icons\app.ico. The installer goes to
; dist\microneedling-companion-<version>-windows-setup.exe. Use the version in app/__init__.py.

#ifndef AppVersion
  #error Give the version: iscc /DAppVersion=0.1.0 build_scripts\windows\microneedling-companion.iss
#endif
#define AppId "microneedling-companion"
#define AppName "Microneedling Companion"
#define Root "..\.."

[Setup]
; The installer's identity for upgrades and uninstall: never change it.
AppId={{6BBDA7A9-EACE-41D4-AA85-EEBCA81EF107}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Microneedling Companion team
VersionInfoVersion={#AppVersion}
; Per-user by default (no administrator rights), or for all users when the person installing
; chooses it. A clinic's config lives in %PROGRAMDATA%\Microneedling Companion either way.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#Root}\dist
OutputBaseFilename={#AppId}-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\pyinstaller\companion\icons\app.ico
UninstallDisplayIcon={app}\{#AppId}.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\{#AppId}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppId}.exe"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppId}.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppId}.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

; Uninstalling removes the program only. The patient's data (%APPDATA%\Microneedling Companion)
; and a clinic's config stay, as they would for any document.
