"""The "Make the video smaller" dialog: picture size and quality, with the size the copy will
have shown as the teacher chooses; GUI thread (the estimate is pure arithmetic)."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mcdesk.core.errors import McdeskError
from mcdesk.core.evidence import Compress, Evidence
from mcdesk.core.units import clock
from mcdesk.services.workspace import Workspace
from mcdesk.ui.widgets.colors import warning_color
from mcdesk.ui.widgets.locale_text import number_text

# Picture heights offered, tallest first (None keeps the original size).
HEIGHTS: tuple[int | None, ...] = (None, 1080, 720, 480, 360)
# Video kb/s for "Smaller file", "Balanced", "Better picture" at each height (H.264).
KBPS_BY_HEIGHT: dict[int, tuple[int, int, int]] = {
    360: (450, 750, 1100),
    480: (700, 1100, 1700),
    720: (1200, 2000, 3200),
    1080: (2500, 4000, 6000),
    1440: (5000, 8000, 12000),
    2160: (9000, 14000, 22000),
}
AUDIO_KBPS = {"smaller": 96, "balanced": 128, "better": 160}
# The lowest video rate offered when fitting a size limit; below it a video is mush.
MIN_VIDEO_KBPS = 100
MAX_VIDEO_KBPS = 50_000
# Default size limit offered, in MB.
DEFAULT_LIMIT_MB = 500


class Quality(enum.Enum):
    SMALLER = "smaller"
    BALANCED = "balanced"
    BETTER = "better"
    LIMIT = "limit"


def human_size(size: int) -> str:
    """Bytes as a teacher reads them: 912 KB, 86 MB, 1.4 GB (powers of 1000)."""
    if size >= 10**9:
        return f"{size / 10**9:.1f} GB"
    if size >= 10**6:
        megabytes = size / 10**6
        return f"{megabytes:.1f} MB" if megabytes < 10 else f"{round(megabytes)} MB"
    return f"{max(1, round(size / 1000))} KB"


def preset_kbps(height: int | None, quality: Quality) -> tuple[int, int]:
    """Video and audio kb/s of a preset for a picture `height` pixels tall."""
    rows = sorted(KBPS_BY_HEIGHT)
    row = next((h for h in rows if height is not None and h >= height), rows[-1])
    if height is None:
        row = 720
    index = {Quality.SMALLER: 0, Quality.BALANCED: 1, Quality.BETTER: 2}.get(quality, 1)
    return KBPS_BY_HEIGHT[row][index], AUDIO_KBPS.get(quality.value, 128)


class CompressDialog(QDialog):
    """Asks how small the copy should be; request() gives the Compress to make."""

    def __init__(self, workspace: Workspace, evidence: Evidence,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._evidence = evidence
        media = evidence.media
        self._source_height = media.height if media and media.height else None
        self._source_width = media.width if media and media.width else None
        self._duration = media.duration_s if media and media.duration_s else None
        self.setWindowTitle(self.tr("Make “%1” smaller").replace("%1", evidence.title))
        self.setMinimumWidth(520)

        intro = QLabel(self.tr(
            "A smaller video uploads faster and fits the issuer's limits. mcdesk makes a new, "
            "smaller copy; your original stays untouched."))
        intro.setWordWrap(True)

        # Picture size.
        size_box = QGroupBox(self.tr("Picture size"))
        size_layout = QVBoxLayout(size_box)
        self.size_group = QButtonGroup(self)
        self.size_buttons: dict[int | None, QRadioButton] = {}
        for index, height in enumerate(HEIGHTS):
            button = QRadioButton(self._size_label(height))
            self.size_group.addButton(button, index)
            self.size_buttons[height] = button
            size_layout.addWidget(button)
            if height is not None and self._source_height is not None and (
                    height >= self._source_height):
                button.setEnabled(False)
                button.setText(self.tr("%1 — same as your video").replace(
                    "%1", button.text()) if height == self._source_height else self.tr(
                    "%1 — larger than your video").replace("%1", button.text()))
                button.setToolTip(self.tr("Your video is %1 pixels tall; mcdesk does not make "
                                          "it larger.").replace("%1", str(self._source_height)))
        size_layout.addStretch(1)
        self.size_buttons[None].setChecked(True)

        # Quality.
        quality_box = QGroupBox(self.tr("Quality"))
        quality_layout = QVBoxLayout(quality_box)
        self.quality_group = QButtonGroup(self)
        self.quality_buttons: dict[Quality, QRadioButton] = {}
        for index, (quality, text, tip) in enumerate((
                (Quality.SMALLER, self.tr("Smaller file"),
                 self.tr("Good enough to see what happens in the room")),
                (Quality.BALANCED, self.tr("Balanced"),
                 self.tr("Clear picture at a reasonable size (recommended)")),
                (Quality.BETTER, self.tr("Better picture"),
                 self.tr("Sharper picture, larger file")),
                (Quality.LIMIT, self.tr("Fit under:"),
                 self.tr("mcdesk picks the best quality that stays under this size")))):
            button = QRadioButton(text)
            button.setToolTip(tip)
            self.quality_group.addButton(button, index)
            self.quality_buttons[quality] = button
            if quality is Quality.LIMIT:
                self.limit_spin = QSpinBox()
                self.limit_spin.setRange(1, 100_000)
                self.limit_spin.setSuffix(" MB")
                self.limit_spin.setValue(DEFAULT_LIMIT_MB)
                self.limit_spin.setAccessibleName(self.tr("Largest file size in megabytes"))
                self.limit_spin.setEnabled(False)
                row = QHBoxLayout()
                row.addWidget(button)
                row.addWidget(self.limit_spin)
                row.addStretch(1)
                quality_layout.addLayout(row)
            else:
                quality_layout.addWidget(button)
        quality_layout.addStretch(1)
        self.quality_buttons[Quality.BALANCED].setChecked(True)

        choices = QHBoxLayout()
        choices.addWidget(size_box, 1)
        choices.addWidget(quality_box, 1)

        self.estimate_label = QLabel()
        self.estimate_label.setObjectName("compressEstimate")
        font = self.estimate_label.font()
        font.setBold(True)
        self.estimate_label.setFont(font)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(self.tr("Make smaller copy"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setDefault(True)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(choices)
        layout.addWidget(self.estimate_label)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.warning_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.size_group.buttonToggled.connect(self._toggled)
        self.quality_group.buttonToggled.connect(self._toggled)
        self.limit_spin.valueChanged.connect(lambda _v: self._update())
        self._request: Compress | None = None
        self._update()

    # -- choices -----------------------------------------------------------------------

    def _size_label(self, height: int | None) -> str:
        if height is None:
            if self._source_width and self._source_height:
                return self.tr("Keep the original size (%1 × %2)").replace(
                    "%1", str(self._source_width)).replace("%2", str(self._source_height))
            return self.tr("Keep the original size")
        names = {1080: self.tr("Full HD"), 720: self.tr("HD"), 480: self.tr("DVD"),
                 360: self.tr("small screens")}
        return self.tr("%1p (%2)").replace("%1", str(height)).replace("%2", names[height])

    def max_height(self) -> int | None:
        for height, button in self.size_buttons.items():
            if button.isChecked():
                return height
        return None

    def set_max_height(self, height: int | None) -> None:
        self.size_buttons[height].setChecked(True)

    def quality(self) -> Quality:
        for quality, button in self.quality_buttons.items():
            if button.isChecked():
                return quality
        return Quality.BALANCED

    def set_quality(self, quality: Quality) -> None:
        self.quality_buttons[quality].setChecked(True)

    def _toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._update()

    # -- the estimate ------------------------------------------------------------------

    def _estimate(self, request: Compress) -> int:
        return self._workspace.evidence.estimate_compressed_bytes(self._evidence, request)

    def _build_request(self) -> tuple[Compress, bool]:
        """The request for the current choices and whether it meets a size limit."""
        max_height = self.max_height()
        shown_height = max_height or self._source_height
        quality = self.quality()
        if quality is not Quality.LIMIT:
            video, audio = preset_kbps(shown_height, quality)
            return Compress(max_height, video, audio), True
        limit = self.limit_spin.value() * 10**6
        audio = AUDIO_KBPS["smaller"]
        ceiling, _audio = preset_kbps(shown_height, Quality.BETTER)
        low, high = MIN_VIDEO_KBPS, min(MAX_VIDEO_KBPS, ceiling)
        if self._estimate(Compress(max_height, low, audio)) > limit:
            return Compress(max_height, low, audio), False
        while low < high:  # the highest rate whose estimate fits the limit
            middle = (low + high + 1) // 2
            if self._estimate(Compress(max_height, middle, audio)) <= limit:
                low = middle
            else:
                high = middle - 1
        return Compress(max_height, low, audio), True

    def _update(self) -> None:
        self.limit_spin.setEnabled(self.quality() is Quality.LIMIT)
        if self._duration is None:
            self._request = None
            self.estimate_label.setText(self.tr("mcdesk does not know how long this video is."))
            self.detail_label.setText(self.tr(
                "Run File → Check portfolio, or add the video again, then try once more."))
            self.warning_label.hide()
            self.ok_button.setEnabled(False)
            return
        try:
            request, fits = self._build_request()
            estimate = self._estimate(request)
        except McdeskError as exc:
            self._request = None
            self.estimate_label.setText(exc.detail)
            self.detail_label.clear()
            self.warning_label.hide()
            self.ok_button.setEnabled(False)
            return
        self._request = request
        now = self._evidence.size
        text = self.tr("About %1").replace("%1", human_size(estimate))
        if now:
            text = self.tr("About %1 (now %2)").replace("%1", human_size(estimate)).replace(
                "%2", human_size(now))
        self.estimate_label.setText(text)
        self.detail_label.setText(self.tr("%1 of video at %2 kb/s.").replace(
            "%1", clock(self._duration)).replace("%2", number_text(request.video_kbps)))
        warning = ""
        if not fits:
            warning = (self.tr(
                "Even the smallest setting is larger than %1. Trim the video first, or choose "
                "a smaller picture.").replace("%1", human_size(self.limit_spin.value() * 10**6)))
        elif now and estimate >= now:
            warning = self.tr(
                "That would not make the file smaller: the video is already compact. Choose a "
                "smaller picture size or “Smaller file”.")
        self.warning_label.setText(warning)
        self.warning_label.setStyleSheet(f"color: {warning_color(self)};")
        self.warning_label.setVisible(bool(warning))
        self.ok_button.setEnabled(True)

    def estimate_text(self) -> str:
        return self.estimate_label.text()

    def request(self) -> Compress:
        """The copy to make, for the current choices."""
        if self._request is None:
            raise McdeskError("this video cannot be made smaller: its length is unknown")
        return self._request

    def accept(self) -> None:
        if self._request is not None:
            super().accept()
