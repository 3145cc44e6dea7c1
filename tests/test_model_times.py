"""One reading of an article's ``published`` for grouping and the desk's store alike."""

import time

import pytest

from newsweave.model import published_seconds


def test_a_zone_is_honoured_and_z_means_utc():
    assert published_seconds("2026-03-01T12:00:00Z") == 1772366400.0
    assert published_seconds("2026-03-01T13:00:00+01:00") == 1772366400.0
    assert published_seconds(" 2026-03-01 ") == 1772323200.0


@pytest.mark.parametrize("published", [None, "", "yesterday", "2026-13-01"])
def test_absent_or_unreadable_is_none(published):
    assert published_seconds(published) is None


def test_a_time_without_zone_is_utc_whatever_the_machine_zone(monkeypatch):
    # Grouping once read such a time in the machine's zone and the store in UTC, so one
    # article could sit hours apart in the two; both now share this reading.
    try:
        for zone in ("America/New_York", "Asia/Tokyo"):
            monkeypatch.setenv("TZ", zone)
            time.tzset()
            assert published_seconds("2026-03-01T12:00:00") == 1772366400.0
    finally:
        monkeypatch.undo()
        time.tzset()
