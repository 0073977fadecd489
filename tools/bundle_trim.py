"""What the bundle leaves out: modules never imported, and Qt files nothing uses.

One definition for build.spec (the app) and tests/perf/bench_bundle_startup.py (the bare
PySide6 window it is compared with, built the same way). The packaging test checks the result.
"""

from __future__ import annotations

# --- modules (PyInstaller `excludes`) ------------------------------------------------------------

EXCLUDES = [
    # Qt WebEngine (a whole Chromium), 3D, QML/Quick and multimedia are not used anywhere.
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtQml",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    # Hardware and location APIs.
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtNfc",
    # QtPdf / QtPdfWidgets are NOT excluded: the print preview (union_desk/ui/print_preview.py)
    # renders the ReportLab PDFs with them (Qt6Pdf links Qt6Network, which stays too).
    # The Python bindings of QtOpenGL (~9 MB): QtCharts links the Qt6OpenGL libraries (they stay)
    # but its Python module does not import these, and nothing else does.
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    # QtSvg: no SVG anywhere (the icon is an .ico).
    "PySide6.QtSvg",
    "PySide6.QtSvgWidgets",
    # Tooling.
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    # Other toolkits PyInstaller may otherwise drag in through optional imports.
    "tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "matplotlib",
    "IPython",
    # TLS: the app never talks to a network (QtNetwork stays for QLocalServer, which is local,
    # and for Qt6Pdf, which links it).
    # Python's `ssl` pulls in libssl; urllib and http.client import it only inside try blocks.
    "ssl",
    "_ssl",
    # Test tooling that is installed in the build environment but never shipped.
    "pytest",
    "pytestqt",
    "hypothesis",
]


# --- files the PySide6 hooks collect anyway -----------------------------------------------------
#
# Matched on the destination path with forward slashes, so one rule covers Windows
# (PySide6/plugins/..., PySide6/translations/..., Qt6Svg.dll) and Linux (PySide6/Qt/plugins/...,
# libQt6Svg.so.6).

# Libraries dragged in through plugins: the virtual-keyboard input plugin needs QtQml/QtQuick
# (~17 MB); the SVG image plugin needs QtSvg. The PDF image-format plugin (qpdf) goes, but Qt6Pdf
# and Qt6PdfWidgets stay for the print preview; Qt6PdfQuick (its QML half) goes with QtQuick.
# opengl32sw.dll (Windows, ~20 MB) is Mesa's software OpenGL, a fallback for OpenGL rendering,
# which this Widgets app does not do (QtCharts draws with QPainter); d3dcompiler serves Qt Quick only.
UNUSED_QT_LIBRARIES = (
    "qt6qml", "qt6quick", "qt6virtualkeyboard", "qtvirtualkeyboardplugin", "qt6pdfquick", "qpdf", "qt6svg",
    "opengl32sw", "d3dcompiler",
    "ssl.so", "ssl-3",  # OpenSSL's TLS half, collected for QtNetwork's TLS back-end (libcrypto stays: hashlib)
)
# Plugin folders with nothing for us: TLS back-ends (offline app), network-reachability
# back-ends (QNetworkInformation; QLocalServer needs none), SVG icon engine, touch/evdev input.
UNUSED_PLUGIN_FOLDERS = ("tls", "networkinformation", "iconengines", "generic")
# Image formats: only .ico is read (the window icon). PNG, JPEG... not needed: Qt reads PNG natively.
KEPT_IMAGE_FORMATS = ("qico",)
# Qt's own translations: the UI loads qtbase_zh_CN only (union_desk/ui/i18n.py); English needs none.
KEPT_QT_TRANSLATIONS = ("qtbase_zh_CN.qm",)


def keep(entry):
    """False for a collected file (a PyInstaller TOC entry: destination first) nothing uses."""
    dest = entry[0].replace("\\", "/")
    parts = dest.split("/")
    name = parts[-1].lower().removeprefix("lib")
    if name.startswith(UNUSED_QT_LIBRARIES):
        return False
    if "PySide6" not in parts:
        return True
    if "translations" in parts:
        return parts[-1] in KEPT_QT_TRANSLATIONS
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1]
        if folder in UNUSED_PLUGIN_FOLDERS:
            return False
        if folder == "imageformats":
            return name.startswith(KEPT_IMAGE_FORMATS)
    return True
