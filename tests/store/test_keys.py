from __future__ import annotations

import pytest
from sqlalchemy import select

from seisai.exc import InputError, NotFoundError
from seisai.store import Store
from seisai.store.keys import (
    Role,
    api_keys,
    create_key,
    find_key,
    hash_key,
    list_keys,
    parse_role,
    revoke_key,
)


def test_created_key_is_found_by_its_secret_and_stored_only_as_a_hash(store: Store) -> None:
    key, secret = create_key(store, "analyst", label="core banking", rate_limit=20)
    assert secret.startswith(f"seisai_{key.id}_") and len(secret) > 50
    found = find_key(store, secret)
    assert found == key
    assert found is not None and found.role is Role.ANALYST and found.rate_limit == 20
    with store.engine.connect() as conn:
        stored = [tuple(r) for r in conn.execute(select(api_keys))]
    assert not any(secret in str(v) for row in stored for v in row)
    assert stored[0][1] == hash_key(secret)


def test_wrong_secret_finds_nothing(store: Store) -> None:
    _, secret = create_key(store, Role.VIEWER)
    assert find_key(store, secret + "x") is None
    assert find_key(store, "") is None


def test_revoked_key_is_inactive(store: Store) -> None:
    key, secret = create_key(store, "admin")
    other, _ = create_key(store, "viewer")
    revoked = revoke_key(store, key.id)
    assert not revoked.active and revoked.revoked_at is not None
    again = find_key(store, secret)
    assert again is not None and not again.active
    assert revoke_key(store, key.id).revoked_at == revoked.revoked_at
    assert [k.id for k in list_keys(store, include_revoked=False)] == [other.id]
    assert {k.id for k in list_keys(store)} == {key.id, other.id}


def test_revoking_an_unknown_key_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no API key 'nope'"):
        revoke_key(store, "nope")


@pytest.mark.parametrize("bad", ["root", "", "analysts"])
def test_unknown_role_names_the_choices(bad: str) -> None:
    with pytest.raises(InputError, match="role: expected one of viewer, analyst, admin"):
        parse_role(bad)


def test_role_ranks() -> None:
    assert Role.ADMIN.allows(Role.ANALYST) and Role.ANALYST.allows(Role.VIEWER)
    assert not Role.VIEWER.allows(Role.ANALYST) and not Role.ANALYST.allows(Role.ADMIN)


def test_rate_limit_must_be_positive(store: Store) -> None:
    with pytest.raises(InputError, match="rate_limit"):
        create_key(store, "viewer", rate_limit=0)
