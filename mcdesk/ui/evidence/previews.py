"""Previews of evidence: a video/audio player, a PDF viewer, an image viewer with zoom, text and
links; GUI thread (files are read by Qt's own decoders or in jobs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Q_ARG, QMetaObject, QSize, Qt, QUrl, Signal
from PySide6.QtGui import (
    QDesktopServices,
    QImage,
    QKeySequence,
    QPixmap,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.units import clock

SPEEDS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)


class VideoPreview(QWidget):
    """Play, pause, seek and change speed; Space, J/K/L and the arrow keys work as in editors."""

    position_changed = Signal(int)  # milliseconds

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setMinimumSize(QSize(320, 180))
        self.video.setAccessibleName(self.tr("Video"))
        self.player.setVideoOutput(self.video)
        self.play_button = QToolButton()
        self.play_button.setText("▶")
        self.play_button.setAccessibleName(self.tr("Play or pause (Space)"))
        self.play_button.setToolTip(self.tr("Play or pause (Space)"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setAccessibleName(self.tr("Position"))
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.seek)
        self.time_label = QLabel("0:00 / 0:00")
        self.speed = QComboBox()
        self.speed.setAccessibleName(self.tr("Playback speed"))
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.currentIndexChanged.connect(
            lambda i: self.player.setPlaybackRate(float(self.speed.itemData(i))))
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.slider, 1)
        controls.addWidget(self.time_label)
        controls.addWidget(self.speed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.video, 1)
        layout.addLayout(controls)
        self.player.durationChanged.connect(self._duration_changed)
        self.player.positionChanged.connect(self._position_changed)
        self.player.playbackStateChanged.connect(self._state_changed)
        for key, action in ((Qt.Key.Key_Space, self.toggle), (Qt.Key.Key_K, self.toggle),
                            (Qt.Key.Key_J, lambda: self.skip(-5000)),
                            (Qt.Key.Key_L, lambda: self.skip(5000)),
                            (Qt.Key.Key_Left, lambda: self.skip(-1000)),
                            (Qt.Key.Key_Right, lambda: self.skip(1000))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def load(self, path: Path) -> None:
        self._queue("stop")
        self._queue("setSource", QUrl.fromLocalFile(str(path)))

    def clear(self) -> None:
        self._queue("stop")
        self._queue("setSource", QUrl())

    def _queue(self, slot: str, source: QUrl | None = None) -> None:
        # Stopping or changing the source waits for Qt's media threads, which may be waiting
        # for Python's lock held right here: through the event loop the lock is free.
        queued = Qt.ConnectionType.QueuedConnection
        if source is None:
            QMetaObject.invokeMethod(self.player, slot, queued)
        else:
            QMetaObject.invokeMethod(self.player, slot, queued, Q_ARG(QUrl, source))

    def toggle(self) -> None:
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def seek(self, position_ms: int) -> None:
        self.player.setPosition(max(0, position_ms))

    def skip(self, delta_ms: int) -> None:
        self.seek(self.player.position() + delta_ms)

    def _duration_changed(self, duration: int) -> None:
        self.slider.setRange(0, duration)
        self._position_changed(self.player.position())

    def _position_changed(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time_label.setText(
            f"{clock(position / 1000)} / {clock(self.player.duration() / 1000)}")
        self.position_changed.emit(position)

    def _state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        playing = state == QMediaPlayer.PlaybackState.PlayingState
        self.play_button.setText("⏸" if playing else "▶")


class PdfPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setAccessibleName(self.tr("Document"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def load(self, path: Path) -> None:
        self.document.load(str(path))

    def clear(self) -> None:
        self.document.close()


class ImagePreview(QWidget):
    """Fit to the pane, or zoom in with the buttons and Ctrl+= / Ctrl+-."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._image = QImage()
        self._zoom: float | None = None  # None: fit
        self.label = QLabel()
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAccessibleName(self.tr("Photo"))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.label)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        zoom_in = QPushButton(self.tr("Zoom in"))
        zoom_out = QPushButton(self.tr("Zoom out"))
        fit = QPushButton(self.tr("Fit"))
        zoom_in.clicked.connect(lambda: self.zoom_by(1.25))
        zoom_out.clicked.connect(lambda: self.zoom_by(0.8))
        fit.clicked.connect(self.fit)
        for key, factor in ((QKeySequence.StandardKey.ZoomIn, 1.25),
                            (QKeySequence.StandardKey.ZoomOut, 0.8)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda f=factor: self.zoom_by(f))
        row = QHBoxLayout()
        row.addStretch(1)
        for button in (zoom_out, fit, zoom_in):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(row)

    @property
    def zoom(self) -> float:
        if self._zoom is not None or self._image.isNull():
            return self._zoom or 1.0
        area = self.scroll_area.viewport().size()
        return float(min(area.width() / self._image.width(),
                         area.height() / self._image.height(), 1.0))

    def show_image(self, image: QImage) -> None:
        self._image = image
        self._zoom = None
        self._render()

    def clear(self) -> None:
        self._image = QImage()
        self.label.clear()

    def zoom_by(self, factor: float) -> None:
        self._zoom = max(0.05, min(8.0, self.zoom * factor))
        self._render()

    def fit(self) -> None:
        self._zoom = None
        self._render()

    def _render(self) -> None:
        if self._image.isNull():
            return
        size = self._image.size() * self.zoom
        self.label.setPixmap(QPixmap.fromImage(self._image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._zoom is None:
            self._render()
        super().resizeEvent(event)


class TextPreview(QWidget):
    """Shows text; for writing made in mcdesk it is editable and `edited` fires as one types."""

    edited = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = QPlainTextEdit()
        self.editor.setAccessibleName(self.tr("Text"))
        self.editor.setTabChangesFocus(True)  # a note is prose: Tab moves on, not indents
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.note)
        self._loading = False
        self.editor.textChanged.connect(self._changed)

    def show_text(self, text: str, *, editable: bool, note: str = "") -> None:
        self._loading = True
        self.editor.setPlainText(text)
        self._loading = False
        self.editor.setReadOnly(not editable)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _changed(self) -> None:
        if not self._loading and not self.editor.isReadOnly():
            self.edited.emit(self.editor.toPlainText())


class LinkPreview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.open_button = QPushButton(self.tr("Open in the browser"))
        self.open_button.clicked.connect(self._open)
        self._url = ""
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)

    def show_link(self, url: str) -> None:
        self._url = url
        self.label.setText(url)

    def _open(self) -> None:
        if self._url:
            QDesktopServices.openUrl(QUrl(self._url))


class Previews:
    """One of each preview, made together the first time evidence is shown (QtMultimedia and
    QtPdf are slow to load, so the window does not wait for them at start-up)."""

    def __init__(self) -> None:
        self.video = VideoPreview()
        self.pdf = PdfPreview()
        self.image = ImagePreview()
        self.text = TextPreview()
        self.link = LinkPreview()

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.video, self.pdf, self.image, self.text, self.link)

    def clear(self) -> None:
        self.video.clear()
        self.pdf.clear()
        self.image.clear()
