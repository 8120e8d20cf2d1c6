"""Fixtures for the language tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pressdraft.language import settings


@pytest.fixture
def restore_settings() -> Iterator[None]:
    """Let a test change the module settings and put them back afterwards."""
    saved = (settings.APOSTROPHE, settings.AZ_INSTRUMENTAL_SUFFIX)
    yield
    settings.APOSTROPHE, settings.AZ_INSTRUMENTAL_SUFFIX = saved
