# Windows: start the waiting-room kiosk when the kiosk account signs in, and start it again if it
# fails. Run once, in PowerShell, as the kiosk account (which should sign in automatically; see
# docs/kiosk.md):
#
#   powershell -ExecutionPolicy Bypass -File register-kiosk-task.ps1
#
# The task runs a small loop: the kiosk runs, and if it ends with an error (a crash, or its own
# exit after repeated errors, code 70) it starts again after 3 seconds. When staff close it with
# the PIN (exit code 0) the loop ends and the kiosk stays closed until the next sign-in.
# Stop it for maintenance: Stop-ScheduledTask -TaskName "Microneedling kiosk"
# Remove it for good:      Unregister-ScheduledTask -TaskName "Microneedling kiosk"

param(
    # Where the installer put the program (the Inno Setup script's default folder).
    [string]$Program = "$env:ProgramFiles\Microneedling Companion\microneedling-companion.exe",
    [string]$Arguments = "--kiosk"
)

$loop = "do { `$p = Start-Process -FilePath '$Program' -ArgumentList '$Arguments' -Wait -PassThru; " +
        "if (`$p.ExitCode -ne 0) { Start-Sleep -Seconds 3 } } while (`$p.ExitCode -ne 0)"
$action = New-ScheduledTaskAction -Execute "powershell.exe" `
    -Argument "-NoProfile -WindowStyle Hidden -Command `"$loop`""
$trigger = New-ScheduledTaskTrigger -AtLogOn -User $env:USERNAME
# No time limit (a kiosk runs all day); Task Scheduler itself retries if the task cannot start.
$settings = New-ScheduledTaskSettingsSet `
    -RestartCount 3 -RestartInterval (New-TimeSpan -Minutes 1) `
    -ExecutionTimeLimit (New-TimeSpan -Seconds 0) `
    -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries -StartWhenAvailable
$principal = New-ScheduledTaskPrincipal -UserId $env:USERNAME -LogonType Interactive
Register-ScheduledTask -TaskName "Microneedling kiosk" -Action $action -Trigger $trigger `
    -Settings $settings -Principal $principal -Force
Write-Output "Registered. Sign out and in again, or run: Start-ScheduledTask 'Microneedling kiosk'"
