# Builds dist\mcdesk-VERSION-windows-x64-setup.exe (NOT run in this repository's CI; see
# packaging\README.md). Needs Python 3.11 and Inno Setup 6 (iscc on PATH). From the
# repository root:  powershell -ExecutionPolicy Bypass -File packaging\windows\build-windows.ps1
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")

if (-not (Test-Path .venv)) { py -3.11 -m venv .venv }
$python = ".venv\Scripts\python.exe"
& $python -m pip install --upgrade pip
& $python -m pip install -e ".[dev]"
$version = & $python -c "import mcdesk; print(mcdesk.__version__)"

$env:QT_QPA_PLATFORM = "offscreen"
& $python packaging\make_icons.py build\icons
Remove-Item Env:QT_QPA_PLATFORM

& $python -m PyInstaller --noconfirm --log-level WARN --distpath dist `
    --workpath build\pyinstaller-windows packaging\mcdesk.spec
& dist\mcdesk\mcdesk-cli.exe --version
if ($LASTEXITCODE -ne 0) { throw "the frozen app did not start" }

iscc "/DAppVersion=$version" packaging\windows\mcdesk.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "build-windows: dist\mcdesk-$version-windows-x64-setup.exe"
