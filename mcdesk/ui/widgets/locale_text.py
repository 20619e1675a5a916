"""Dates, times and numbers as the window's language writes them (QLocale's default, set with
the language at start-up): "Mar 2, 2026" or "2 mar 2026", "1,234" or "1234"; GUI thread."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime


def _local(moment: datetime) -> datetime:
    """An aware datetime in the computer's time zone (a naive one is taken as local already)."""
    return moment.astimezone() if moment.tzinfo is not None else moment


def _day(moment: datetime) -> QDate:
    # Built from the day alone: a QDateTime works out its zone's offset, tens of
    # microseconds a row in a long list.
    local = _local(moment)
    return QDate(local.year, local.month, local.day)


def _minute(moment: datetime) -> QTime:
    local = _local(moment)
    return QTime(local.hour, local.minute, local.second)


def date_text(moment: datetime) -> str:
    """The day, short: "Mar 2, 2026" / "2 mar 2026"."""
    return QLocale().toString(_day(moment), _medium_date_format())


def long_date_text(moment: datetime) -> str:
    """The day in words: "March 2, 2026" / "2 de marzo de 2026" (another language, which a
    window started without mcdesk's own set-up may have: the day first, without "de")."""
    language = QLocale().language()
    pattern = {QLocale.Language.English: "MMMM d, yyyy",
               QLocale.Language.Spanish: "d 'de' MMMM 'de' yyyy"}.get(language, "d MMMM yyyy")
    return QLocale().toString(_day(moment), pattern)


def date_time_text(moment: datetime) -> str:
    """The day and the minute: "Mar 2, 2026, 14:05" in the language's own order."""
    return (QLocale().toString(_day(moment), _medium_date_format()) + ", "
            + QLocale().toString(_minute(moment), QLocale.FormatType.ShortFormat))


def time_text(moment: datetime) -> str:
    """The minute only: "2:05 PM" / "14:05"."""
    return QLocale().toString(_minute(moment), QLocale.FormatType.ShortFormat)


def day_month_text(moment: datetime) -> str:
    """A date this year, without the year: "Mar 2" / "2 mar"."""
    locale = QLocale()
    pattern = "d MMM" if locale.language() != QLocale.Language.English else "MMM d"
    return locale.toString(_day(moment), pattern)


def number_text(value: int) -> str:
    """Grouped as the language groups digits: 12,345 / 12 345."""
    return QLocale().toString(value)


def decimal_text(value: float) -> str:
    """A number that may have a fraction, without trailing zeros: 1.5 / 1,5; 12 / 12."""
    return QLocale().toString(float(value), "g", 6)


def _medium_date_format() -> str:
    # Qt has long (with the weekday) and short (all digits); a school letter's "2 mar 2026"
    # reads best and is not ambiguous between US and Latin American digit orders.
    return "MMM d, yyyy" if QLocale().language() == QLocale.Language.English else "d MMM yyyy"
