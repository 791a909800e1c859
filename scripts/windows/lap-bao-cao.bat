@echo off
chcp 65001 >nul
setlocal
rem Lập báo cáo năm: hỏi năm, kiểm tra bảng tính (check), lập dự thảo mới (build),
rem rồi mở thư mục kết quả outputs\NĂM. Chạy trong thư mục chứa tệp này.
cd /d "%~dp0"
set "REPORTGEN=%LOCALAPPDATA%\reportgen\venv\Scripts\reportgen.exe"
if not exist "%REPORTGEN%" goto not_installed

:ask_year
set "YEAR="
set /p "YEAR=Năm báo cáo (ví dụ 2025), gõ xong bấm Enter: "
echo %YEAR%| findstr /r /x "20[0-9][0-9]" >nul
if errorlevel 1 goto bad_year

echo.
echo ===== Kiểm tra bảng tính năm %YEAR% =====
"%REPORTGEN%" check --year %YEAR%
echo.
echo ===== Lập báo cáo năm %YEAR% =====
"%REPORTGEN%" build --year %YEAR%
if errorlevel 1 goto failed
if exist "outputs\%YEAR%" start "" "outputs\%YEAR%"
echo.
echo Xong: dự thảo nằm trong thư mục outputs\%YEAR% vừa mở ra.
pause
exit /b 0

:bad_year
echo Năm phải gồm bốn chữ số, ví dụ 2025. Hãy gõ lại.
goto ask_year

:not_installed
echo Chưa cài reportgen trên máy này: hãy nhấp đúp cai-dat.bat trước.
pause
exit /b 1

:failed
echo.
echo Chưa lập được báo cáo: xem lý do ở trên, sửa rồi nhấp đúp lại tệp này.
pause
exit /b 1
