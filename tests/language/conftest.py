"""Fixtures for the language tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pressdraft.language import editorial


@pytest.fixture
def restore_settings() -> Iterator[None]:
    """Let a test change the module settings and put them back afterwards."""
    saved = (editorial.APOSTROPHE, editorial.AZ_INSTRUMENTAL_SUFFIX)
    yield
    editorial.APOSTROPHE, editorial.AZ_INSTRUMENTAL_SUFFIX = saved
