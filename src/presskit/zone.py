"""Morocco's time zone, which every publication time of an Article is given in."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

__all__ = ["TIMEZONE", "casablanca", "in_casablanca"]

TIMEZONE = "Africa/Casablanca"
"""The IANA name of Morocco's time zone."""


@cache
def casablanca() -> ZoneInfo:
    """The Africa/Casablanca zone (loaded on first use)."""
    return ZoneInfo(TIMEZONE)


def in_casablanca(moment: datetime) -> datetime:
    """``moment`` with Morocco's zone when its offset is Morocco's at that wall time, else as it is.

    An ISO 8601 time keeps only its offset. Giving the zone back makes a time read from
    metadata, or from a JSON record, the same value as one built in Morocco's zone: in
    the hour a clock change repeats or skips, Python never finds a zone-aware datetime
    equal to an offset-aware one. A moment with another offset (UTC…) is left as it is.
    """
    if moment.tzinfo is None:
        return moment
    for fold in (0, 1):
        local = moment.replace(tzinfo=casablanca(), fold=fold)
        if local.utcoffset() == moment.utcoffset():
            return local
    return moment
