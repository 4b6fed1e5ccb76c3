@echo off
rem The `courier` command of an installed Courier for Windows (the installer puts this folder on
rem the user's PATH). It runs the CLI bundled in the app with the app's own Electron in Node
rem mode (ELECTRON_RUN_AS_NODE=1: no window), from INSTALL_DIR\resources\bin\courier.cmd.
setlocal
set "ELECTRON_RUN_AS_NODE=1"
"%~dp0..\..\Courier.exe" "%~dp0..\app.asar\out\main\cli.js" %*
endlocal & exit /b %ERRORLEVEL%
