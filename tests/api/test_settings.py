from __future__ import annotations

import pytest

from seisai.api.settings import ApiSettings
from seisai.exc import InputError


def test_settings_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SEISAI_API_AUTH", "0")
    monkeypatch.setenv("SEISAI_API_RATE", "12.5")
    monkeypatch.setenv("SEISAI_API_WORKERS", "3")
    settings = ApiSettings.from_env()
    assert (settings.auth, settings.rate_limit, settings.workers, settings.burst) == (False, 12.5, 3, 25.0)
    assert ApiSettings.from_env() == settings
    for key, value in settings.to_env().items():
        monkeypatch.setenv(key, value)
    assert ApiSettings.from_env() == settings


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SEISAI_API_RATE", "fast", "SEISAI_API_RATE: 'fast' is not valid"),
        ("SEISAI_API_AUTH", "maybe", "SEISAI_API_AUTH: 'maybe' is not valid"),
        ("SEISAI_API_MAX_BODY", "0", "SEISAI_API_MAX_BODY: must be positive"),
    ],
)
def test_bad_settings_name_the_variable(monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(InputError, match=message):
        ApiSettings.from_env()
