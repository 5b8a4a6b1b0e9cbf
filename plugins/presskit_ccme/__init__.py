"""CCME (ccme.org.ma): press review of the Council of the Moroccan community abroad."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Outlet, hookimpl
from presskit_ccme.outlet import CcmeOutlet

__all__ = ["CcmeOutlet", "presskit_register_outlets"]


@hookimpl
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the CCME outlet."""
    register(CcmeOutlet())
