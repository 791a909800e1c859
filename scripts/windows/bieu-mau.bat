@echo off
chcp 65001 >nul
setlocal
rem Tạo biểu mẫu Excel cho từng đơn vị (forms), rồi mở thư mục outputs\NĂM\bieu-mau.
cd /d "%~dp0"
set "REPORTGEN=%LOCALAPPDATA%\reportgen\venv\Scripts\reportgen.exe"
if not exist "%REPORTGEN%" goto not_installed

:ask_year
set "YEAR="
set /p "YEAR=Năm của biểu mẫu (ví dụ 2025), gõ xong bấm Enter: "
echo %YEAR%| findstr /r /x "20[0-9][0-9]" >nul
if errorlevel 1 goto bad_year

"%REPORTGEN%" forms --year %YEAR%
if errorlevel 1 goto failed
if exist "outputs\%YEAR%\bieu-mau" start "" "outputs\%YEAR%\bieu-mau"
echo.
echo Xong: gửi mỗi đơn vị tệp mang tên đơn vị đó trong thư mục vừa mở ra.
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
echo Chưa tạo được biểu mẫu: xem lý do ở trên, sửa rồi nhấp đúp lại tệp này.
pause
exit /b 1
