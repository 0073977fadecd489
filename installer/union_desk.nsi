; Union Desk (工会工作台) — per-user Windows installer (NSIS 3, Unicode).
;
; Build on Windows, from the repository root, after `pyinstaller --noconfirm build.spec`:
;
;   makensis /DVERSION=0.1.0 /DSOURCE_DIR=..\dist\UnionDesk installer\union_desk.nsi
;
; Defines (/DNAME=value):
;   SOURCE_DIR   the PyInstaller folder dist\UnionDesk (required; relative paths are relative to
;                this script's folder, since makensis changes into it)
;   VERSION      the app version, e.g. 0.1.0 (required)
;   FILE_VERSION four numbers for the installer's own file properties (default: VERSION.0)
;   GUI_EXE      the windowed program (default UnionDesk.exe)
;   CLI_EXE      the console program (default union-desk.exe)
;   OUT_FILE     the installer to write (default UnionDesk-VERSION-setup.exe beside this script)
;   COMPRESSOR   lzma (default, smallest) or zlib (fast; the test build on Linux uses it)
;
; The exe names and the source folder are defines so that the Linux bundle (UnionDesk and
; union-desk, no .exe) compiles too: the packaging test does that to prove the script complete.
;
; What it does: installs for the current user only, without admin rights, into
; %LOCALAPPDATA%\Programs\UnionDesk (the user may pick another folder); Start-menu and desktop
; shortcuts 工会工作台; the program folder on the user's PATH so `union-desk` works in cmd and
; PowerShell; an entry in 设置 → 应用 (Add/Remove Programs). The uninstaller removes the program
; files, the shortcuts, the PATH entry and that entry, and keeps the data folder
; (%APPDATA%\UnionDesk or wherever the user moved it), and says so.

Unicode true

!ifndef SOURCE_DIR
  !error "Pass the PyInstaller folder: /DSOURCE_DIR=..\dist\UnionDesk"
!endif
!ifndef VERSION
  !error "Pass the app version: /DVERSION=0.1.0"
!endif
!ifndef FILE_VERSION
  !define FILE_VERSION "${VERSION}.0"
!endif
!ifndef GUI_EXE
  !define GUI_EXE "UnionDesk.exe"
!endif
!ifndef CLI_EXE
  !define CLI_EXE "union-desk.exe"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "UnionDesk-${VERSION}-setup.exe"
!endif
!ifndef COMPRESSOR
  !define COMPRESSOR "lzma"
!endif

!define APP_NAME "工会工作台"
!define APP_ID "UnionDesk"
!define PUBLISHER "工会工作台项目"
!define UNINSTALLER "uninstall.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define ENV_KEY "Environment"
; Relative to this script's folder: makensis changes into it before reading the script.
!define ICON_FILE "..\resources\union_desk.ico"

SetCompressor /SOLID ${COMPRESSOR}
Name "${APP_NAME}"
OutFile "${OUT_FILE}"
; Per user, no UAC prompt: everything goes under the user's own profile and HKCU.
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
; An update goes where the last install went.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinMessages.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING

; --- installer pages ---------------------------------------------------------------------------
!define MUI_WELCOMEPAGE_TEXT "本向导将把 ${APP_NAME} ${VERSION} 安装到您的电脑上。$\r$\n$\r$\n只为当前用户安装，不需要管理员权限。$\r$\n$\r$\n点击“下一步”继续。"
!insertmacro MUI_PAGE_WELCOME
; The user may pick another folder, e.g. on D: when a disk-restore card (还原卡) wipes C:.
!define MUI_DIRECTORYPAGE_TEXT_TOP "默认安装到您的用户文件夹，不需要管理员权限。$\r$\n如果这台电脑装有还原卡（重启后恢复 C 盘），请选择其他磁盘上的文件夹。"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TEXT "${APP_NAME} 已安装。$\r$\n$\r$\n开始菜单和桌面上有“${APP_NAME}”快捷方式。$\r$\n命令行程序 ${CLI_EXE} 已加入 PATH：新打开的命令提示符或 PowerShell 窗口中可以直接输入 union-desk。"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在启动 ${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

; --- uninstaller pages -------------------------------------------------------------------------
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从您的电脑上删除 ${APP_NAME} 程序。$\r$\n您的数据（数据文件和备份，默认在 $APPDATA\${APP_ID}）不会被删除。"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "${APP_NAME} 已卸载"
!define MUI_FINISHPAGE_TEXT "程序已删除。$\r$\n$\r$\n您的数据没有删除：数据文件和备份仍在 $APPDATA\${APP_ID}（如果在设置中换过数据文件夹，则在您选择的文件夹）。$\r$\n$\r$\n重新安装后可以继续使用这些数据；确实不再需要时，可以手动删除该文件夹。"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

; File properties of the installer itself.
VIProductVersion "${FILE_VERSION}"
VIFileVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "© ${PUBLISHER}"

; --- the per-user PATH (HKCU\Environment\Path) -------------------------------------------------
;
; Plain registry string operations, no plugin. NSIS strings hold at most NSIS_MAX_STRLEN
; characters (1024 in the usual build): a longer PATH would come back cut short, and writing it
; back would damage it, so then the PATH is left alone and the user is told.

Var PathValue

; Pushes "1" when $INSTDIR (with or without a trailing backslash) is one of the PATH's entries
; in $PathValue (compared case-insensitively, as Windows does), else "0". Rebuilds $PathValue
; without those entries at the same time, so removal uses the same walk.
!macro PATH_WALK UN
Function ${UN}PathWithout
  Push $0 ; position
  Push $1 ; current entry
  Push $2 ; character
  Push $3 ; result without our folder
  Push $4 ; found flag
  StrCpy $0 0
  StrCpy $1 ""
  StrCpy $3 ""
  StrCpy $4 0
  ${Do}
    StrCpy $2 $PathValue 1 $0
    ${If} $2 == ";"
    ${OrIf} $2 == ""
      ${If} $1 == "$INSTDIR"
      ${OrIf} $1 == "$INSTDIR\"
        StrCpy $4 1
      ${ElseIf} $1 != ""
        ${If} $3 == ""
          StrCpy $3 $1
        ${Else}
          StrCpy $3 "$3;$1"
        ${EndIf}
      ${EndIf}
      StrCpy $1 ""
      ${IfThen} $2 == "" ${|} ${ExitDo} ${|}
    ${Else}
      StrCpy $1 "$1$2"
    ${EndIf}
    IntOp $0 $0 + 1
  ${Loop}
  StrCpy $PathValue $3
  StrCpy $0 $4
  Pop $4
  Pop $3
  Pop $2
  Pop $1
  Exch $0
FunctionEnd
!macroend
!insertmacro PATH_WALK ""
!insertmacro PATH_WALK "un."

; Sets $R9 to the length of the PATH just read and $R8 to the most that surely arrived whole.
!macro PATH_TOO_LONG
  StrLen $R9 $PathValue
  IntOp $R8 ${NSIS_MAX_STRLEN} - 300
!macroend

Function AddToPath
  ClearErrors
  ReadRegStr $PathValue HKCU "${ENV_KEY}" "Path"
  !insertmacro PATH_TOO_LONG
  ${If} $R9 > $R8
    DetailPrint "PATH 太长，未修改。"
    MessageBox MB_ICONINFORMATION|MB_OK "您的 PATH 环境变量太长，安装程序没有修改它。$\r$\n命令行程序在：$INSTDIR\${CLI_EXE}"
    Return
  ${EndIf}
  Call PathWithout
  Pop $0 ; already there or not: either way it ends up once, at the end
  ${If} $PathValue == ""
    StrCpy $PathValue "$INSTDIR"
  ${Else}
    StrCpy $PathValue "$PathValue;$INSTDIR"
  ${EndIf}
  ; REG_EXPAND_SZ, as Windows itself writes it: entries such as %USERPROFILE%\bin keep working.
  WriteRegExpandStr HKCU "${ENV_KEY}" "Path" $PathValue
  DetailPrint "已加入 PATH：$INSTDIR"
  ; Tell Explorer (and so new cmd/PowerShell windows) that the environment changed.
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
FunctionEnd

Function un.RemoveFromPath
  ClearErrors
  ReadRegStr $PathValue HKCU "${ENV_KEY}" "Path"
  ${If} ${Errors}
    Return
  ${EndIf}
  !insertmacro PATH_TOO_LONG
  ${If} $R9 > $R8
    DetailPrint "PATH 太长，未修改；请手动删除其中的 $INSTDIR。"
    Return
  ${EndIf}
  Call un.PathWithout
  Pop $0
  ${If} $0 == 1
    ${If} $PathValue == ""
      DeleteRegValue HKCU "${ENV_KEY}" "Path"
    ${Else}
      WriteRegExpandStr HKCU "${ENV_KEY}" "Path" $PathValue
    ${EndIf}
    DetailPrint "已从 PATH 中删除：$INSTDIR"
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=5000
  ${EndIf}
FunctionEnd

; --- install -----------------------------------------------------------------------------------

Section "${APP_NAME}" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An update: drop the old libraries first so no stale module shadows a new one.
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0

  Call AddToPath

  ; 设置 → 应用 / 控制面板 → 程序和功能, for this user only.
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; --- uninstall ---------------------------------------------------------------------------------

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  Call un.RemoveFromPath

  ; Only what the installer put there: the user may have installed into a folder of their own.
  ; The data folder (%APPDATA%\UnionDesk) is elsewhere and is never touched.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR" ; only if empty now

  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "您的数据没有删除，仍在 $APPDATA\${APP_ID}。"
SectionEnd
