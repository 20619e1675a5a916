"""Dates and times are written in the computer's time zone: a moment stored in UTC shows the
local day and minute, across midnight too; a naive moment is taken as local already."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from mcdesk.ui.widgets.locale_text import (
    date_text,
    date_time_text,
    day_month_text,
    long_date_text,
    time_text,
)

# 23:30 in UTC on 2 March is 12:30 on 3 March in Auckland (UTC+13 in March).
LATE_IN_UTC = datetime(2026, 3, 2, 23, 30, tzinfo=UTC)


@pytest.fixture
def in_auckland(monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    monkeypatch.setenv("TZ", "Pacific/Auckland")
    time.tzset()
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()
        QLocale.setDefault(before)


def test_a_utc_moment_shows_the_local_day_and_minute(in_auckland: None) -> None:
    assert day_month_text(LATE_IN_UTC) == "Mar 3"
    assert date_text(LATE_IN_UTC) == "Mar 3, 2026"
    assert long_date_text(LATE_IN_UTC) == "March 3, 2026"
    assert time_text(LATE_IN_UTC).replace("\u202f", " ") == "12:30 PM"
    assert date_time_text(LATE_IN_UTC).replace("\u202f", " ") == "Mar 3, 2026, 12:30 PM"


def test_a_naive_moment_is_local_already(in_auckland: None) -> None:
    naive = LATE_IN_UTC.replace(tzinfo=None)
    assert day_month_text(naive) == "Mar 2"
    assert time_text(naive).replace("\u202f", " ") == "11:30 PM"


@pytest.mark.parametrize(("language", "words"), [
    (QLocale.Language.English, "March 2, 2026"),
    (QLocale.Language.Spanish, "2 de marzo de 2026"),
    (QLocale.Language.French, "2 mars 2026"),  # no Spanish "de" around French words
    (QLocale.Language.C, "2 March 2026"),  # a window started without the language set
])
def test_the_long_date_is_written_in_the_languages_own_way(
        qapp: QApplication, language: QLocale.Language, words: str) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(language))
    try:
        assert long_date_text(datetime(2026, 3, 2, 12, tzinfo=UTC)) == words
    finally:
        QLocale.setDefault(before)
