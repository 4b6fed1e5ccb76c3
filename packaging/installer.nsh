; Courier's additions to electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The `courier` command: <install dir>\resources\bin holds courier.cmd; it is added to the user's
; PATH on install and removed on uninstall (as VS Code does for `code`). The folder is handed to
; PowerShell in an environment variable, never spliced into the command, so paths with spaces or
; quotes are safe; the registry value keeps its REG_EXPAND_SZ type (%USERPROFILE% entries survive).

!include WinMessages.nsh

!macro courierUserPath ACTION
  System::Call 'Kernel32::SetEnvironmentVariable(t "COURIER_BIN", t "$INSTDIR\resources\bin")i'
  System::Call 'Kernel32::SetEnvironmentVariable(t "COURIER_PATH_ACTION", t "${ACTION}")i'
  nsExec::ExecToLog `"$SYSDIR\WindowsPowerShell\v1.0\powershell.exe" -NoProfile -NonInteractive -ExecutionPolicy Bypass -Command "$$key = [Microsoft.Win32.Registry]::CurrentUser.CreateSubKey('Environment'); $$old = [string]$$key.GetValue('Path', '', [Microsoft.Win32.RegistryValueOptions]::DoNotExpandEnvironmentNames); $$bin = $$env:COURIER_BIN.TrimEnd('\'); $$parts = @($$old -split ';' | Where-Object { $$_ -and ($$_.TrimEnd('\') -ne $$bin) }); if ($$env:COURIER_PATH_ACTION -eq 'add') { $$parts += $$bin }; if ($$parts.Count -gt 0) { $$key.SetValue('Path', ($$parts -join ';'), [Microsoft.Win32.RegistryValueKind]::ExpandString) } else { $$key.DeleteValue('Path', $$false) }"`
  Pop $0
  ; Open Explorer windows and new terminals pick up the changed PATH without logging out.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
!macroend

!macro customInstall
  !insertmacro courierUserPath add
!macroend

!macro customUnInstall
  !insertmacro courierUserPath remove
!macroend
