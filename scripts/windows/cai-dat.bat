@echo off
chcp 65001 >nul
setlocal
rem Cài reportgen từ gói này, không cần mạng, không cần quyền quản trị:
rem một môi trường Python riêng trong %LOCALAPPDATA%\reportgen\venv, từ các tệp trong wheels\.
cd /d "%~dp0"
set "VENV=%LOCALAPPDATA%\reportgen\venv"
set "PY="
where py >nul 2>nul && set "PY=py -3"
if not defined PY where python >nul 2>nul && set "PY=python"
if not defined PY goto no_python
%PY% -c "import sys; sys.exit(sys.version_info < (3, 10))" >nul 2>nul
if errorlevel 1 goto no_python

echo Đang cài reportgen vào %VENV% ...
%PY% -m venv "%VENV%"
if errorlevel 1 goto failed
"%VENV%\Scripts\python.exe" -m pip install --no-index --find-links "%~dp0wheels" --upgrade "reportgen[word]"
if errorlevel 1 goto failed
"%VENV%\Scripts\reportgen.exe" --version
if errorlevel 1 goto failed
echo.
echo Đã cài xong. Nhấp đúp lap-bao-cao.bat để lập báo cáo, bieu-mau.bat để tạo biểu mẫu.
pause
exit /b 0

:no_python
echo Máy này chưa có Python 3.10 trở lên.
echo Hãy cài Python 64-bit từ python.org: khi cài, đánh dấu ô "Add python.exe to PATH",
echo bỏ dấu ô "Use admin privileges when installing py.exe", chọn "Install Now".
echo Cài xong thì nhấp đúp lại tệp cai-dat.bat này.
pause
exit /b 1

:failed
echo.
echo Cài đặt chưa thành công: chụp màn hình này gửi người hỗ trợ.
pause
exit /b 1
