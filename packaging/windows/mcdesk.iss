; Inno Setup script for mcdesk on Windows (NOT run in this repository's CI; see
; packaging/README.md). Build the one-folder app first:
;     py -m PyInstaller --noconfirm packaging\mcdesk.spec
; then, from the repository root:
;     iscc /DAppVersion=0.1.0 packaging\windows\mcdesk.iss
; which writes dist\mcdesk-0.1.0-windows-x64-setup.exe. It installs for the current user
; (no administrator rights), adds a Start menu entry and, on request, a desktop icon, and puts
; mcdesk-cli.exe's folder on the user's PATH. Uninstalling never removes the portfolio.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F0F4D2A-9C1B-4E7B-9A53-2C1D8E5B7A10}
AppName=mcdesk
AppVersion={#AppVersion}
AppVerName=mcdesk {#AppVersion}
AppPublisher=The mcdesk developers
DefaultDirName={localappdata}\Programs\mcdesk
DefaultGroupName=mcdesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=mcdesk-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\build\icons\mcdesk.ico
UninstallDisplayIcon={app}\mcdesk.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Let scripts run mcdesk-cli (adds it to your PATH)"; Flags: unchecked

[Files]
Source: "..\..\dist\mcdesk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\mcdesk"; Filename: "{app}\mcdesk.exe"; Comment: "Educator micro-credentials, offline"
Name: "{autodesktop}\mcdesk"; Filename: "{app}\mcdesk.exe"; Tasks: desktopicon

[Registry]
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: NeedsAddPath(ExpandConstant('{app}'))

[Run]
; The installer checks that the installed app starts before offering to open it.
Filename: "{app}\mcdesk-cli.exe"; Parameters: "--version"; Flags: runhidden waituntilterminated
Filename: "{app}\mcdesk.exe"; Description: "{cm:LaunchProgram,mcdesk}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the app's own folder: the portfolio lives in %LOCALAPPDATA%\mcdesk and stays.
Type: filesandordirs; Name: "{app}"

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKEY_CURRENT_USER, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
