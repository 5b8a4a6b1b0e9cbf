"""Le360 (le360.ma, fr.le360.ma): Moroccan news site, Drupal then Arc XP."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Outlet, hookimpl
from presskit_le360.outlet import Le360Outlet

__all__ = ["Le360Outlet", "presskit_register_outlets"]


@hookimpl
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the Le360 outlet."""
    register(Le360Outlet())
