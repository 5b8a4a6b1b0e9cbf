"""Shared fixtures: registries built around the dummy outlet, and the shared samples."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

import presskit

from dummy_outlet import DummyPlugin

# Property tests: a quick profile while developing, a thorough one in CI (HYPOTHESIS_PROFILE=ci).
# No deadline: timing on shared CI machines varies, and hangs are caught by the example count.
settings.register_profile("dev", max_examples=60, deadline=None)
# "ci" is the thorough run (thousands of generated inputs across the property tests); the
# whole suite stays within about 8 minutes on a 2-core machine with it.
settings.register_profile("ci", max_examples=1000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = SHARED / "samples"


@pytest.fixture
def dummy_registry() -> presskit.Registry:
    """The dummy outlet alone (no entry points)."""
    return presskit.load_registry(entry_points=False, plugins=[("dummy", DummyPlugin())])


@pytest.fixture
def full_registry() -> presskit.Registry:
    """The installed outlets plus the dummy one."""
    return presskit.load_registry(plugins=[("dummy", DummyPlugin())], disabled=())


def sample(name: str) -> Path:
    """Path of a shared sample dump; skips the test when the samples are absent."""
    path = SAMPLES / "dumps" / name
    if not path.exists():
        pytest.skip("../shared/samples is not available")
    return path
