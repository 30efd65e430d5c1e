; Inno Setup script: per-user install of the one-folder bundle, with "Open with" entries.
; Build the bundle on Windows first (pyinstaller packaging\stance-reader.spec), then:
;   iscc packaging\windows\stance-reader.iss
[Setup]
AppId={{6C1F3B0E-8E0A-4B7B-9F0C-5A7D2E9B1C44}
AppName=Stance Reader
AppVersion=0.1.0
DefaultDirName={localappdata}\Programs\Stance Reader
DefaultGroupName=Stance Reader
PrivilegesRequired=lowest
OutputBaseFilename=stance-reader-setup
ChangesAssociations=yes

[Files]
Source: "..\dist\stance-reader\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Stance Reader"; Filename: "{app}\stance-reader.exe"

[Registry]
; The application, and the types it can open ("Open with"), per user; no default is taken.
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Stance Reader"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\shell\open\command"; ValueType: string; ValueData: """{app}\stance-reader.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".md"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".html"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".htm"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".epub"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\stance-reader.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\StanceReader.Article"; ValueType: string; ValueData: "Article (Stance Reader)"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\StanceReader.Article\shell\open\command"; ValueType: string; ValueData: """{app}\stance-reader.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.epub\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "StanceReader.Article"; ValueData: ""; Flags: uninsdeletevalue
