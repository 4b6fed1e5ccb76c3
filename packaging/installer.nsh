; Courier's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The `courier` command: <install dir>\resources\bin holds courier.cmd; it is added to the user's
; PATH on install and removed on uninstall (as VS Code does for `code`). The folder is handed to
; PowerShell in an environment variable, never spliced into the command, so paths with spaces or
; quotes are safe; the registry value keeps its REG_EXPAND_SZ type (%USERPROFILE% entries survive).

!include WinMessages.nsh

!macro courierUserPath ACTION
  System::Call 'Kernel32::SetEnvironmentVariable(t "COURIER_BIN", t "$INSTDIR\resources\bin")i'
  System::Call 'Kernel32::SetEnvironmentVariable(t "COURIER_PATH_ACTION", t "${ACTION}")i'
  ; A per-machine install ("Anyone who uses this computer", /allusers) changes the system PATH.
  System::Call 'Kernel32::SetEnvironmentVariable(t "COURIER_PATH_SCOPE", t "$installMode")i'
  nsExec::ExecToLog `"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$key = if ($$env:COURIER_PATH_SCOPE -eq 'all') { [Microsoft.Win32.Registry]::LocalMachine.CreateSubKey('SYSTEM\CurrentControlSet\Control\Session Manager\Environment') } else { [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment') }; $$old = [string]$$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames); $$bin = $$env:COURIER_BIN.TrimEnd('\'); $$parts = @($$old -split ';' | Where-Object { $$_ -and ($$_.TrimEnd('\') -ne $$bin) }); if ($$env:COURIER_PATH_ACTION -eq 'add') { $$parts += $$bin }; if ($$parts.Count -gt 0) { $$key.SetValue('Path', ($$parts -join ';'), [Microsoft.Win32.RegistryValueKind]::ExpandString) } else { $$key.DeleteValue('Path', $$false) }"`
  Pop $0
  ; Open Explorer windows and new terminals pick up the changed PATH without logging out.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

; "Open with Courier" for exports, never the default program: only OpenWithProgids and the
; application's SupportedTypes are written (electron-builder's own fileAssociations would make
; Courier the default for .csv and .xlsx). SHELL_CONTEXT is HKCU or HKLM as the install mode is.
!macro courierOpenWith ACTION
  !insertmacro courierOpenWithExt ${ACTION} csv
  !insertmacro courierOpenWithExt ${ACTION} tsv
  !insertmacro courierOpenWithExt ${ACTION} txt
  !insertmacro courierOpenWithExt ${ACTION} xls
  !insertmacro courierOpenWithExt ${ACTION} xlsx
  !if "${ACTION}" == "add"
    WriteRegStr SHELL_CONTEXT "Software\Classes\Courier.Export" "" "Export for Courier"
    WriteRegStr SHELL_CONTEXT "Software\Classes\Courier.Export\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
    WriteRegStr SHELL_CONTEXT "Software\Classes\Courier.Export\shell\open" "" "Open with Courier"
    WriteRegStr SHELL_CONTEXT "Software\Classes\Courier.Export\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
    WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !else
    DeleteRegKey SHELL_CONTEXT "Software\Classes\Courier.Export"
    DeleteRegKey SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}"
  !endif
  ; Explorer shows the new "Open with" entries without a restart.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0x1000, i 0, i 0)'
!macroend

!macro courierOpenWithExt ACTION EXT
  !if "${ACTION}" == "add"
    WriteRegStr SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Courier.Export" ""
    WriteRegStr SHELL_CONTEXT "Software\Classes\Applications\${APP_EXECUTABLE_FILENAME}\SupportedTypes" ".${EXT}" ""
  !else
    DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Courier.Export"
  !endif
!macroend

!macro customInstall
  !insertmacro courierUserPath add
  !insertmacro courierOpenWith add
!macroend

!macro customUnInstall
  !insertmacro courierUserPath remove
  !insertmacro courierOpenWith remove
!macroend
