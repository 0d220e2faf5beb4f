"""Data scope helper: property test over random grants on the database."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jxc.accounts.enums import ScopeKind
from jxc.accounts.models import AuditEntry, DataScope
from jxc.accounts.scopes import scope_check, scope_filter, scope_ids
from jxc.core.exceptions import NotAllowed

pytestmark = pytest.mark.django_db


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    grants=st.sets(st.integers(min_value=1, max_value=12), max_size=6),
    rows=st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=15),
    unrestricted=st.booleans(),
)
def test_scope_filter_keeps_exactly_the_granted_rows(make_user, grants, rows, unrestricted):
    user = make_user("warehouse", all_warehouses=unrestricted)
    DataScope.objects.bulk_create(
        [DataScope(user=user, kind=ScopeKind.WAREHOUSE, ref_id=ref) for ref in grants]
    )
    # Audit entries stand in for any table with a warehouse column (object_id here).
    AuditEntry.objects.all().delete()
    AuditEntry.objects.bulk_create([AuditEntry(action="create", object_id=str(r)) for r in rows])
    kept = scope_filter(
        AuditEntry.objects.all(), user=user, kind=ScopeKind.WAREHOUSE, field="object_id"
    ).values_list("object_id", flat=True)
    expected = rows if unrestricted else [r for r in rows if r in grants]
    assert sorted(int(v) for v in kept) == sorted(expected)


def test_no_grants_means_nothing_and_check_raises(make_user):
    user = make_user("warehouse", all_warehouses=False)
    assert scope_ids(user, ScopeKind.WAREHOUSE) == frozenset()
    assert scope_ids(user, ScopeKind.SHOP) is None
    with pytest.raises(NotAllowed) as error:
        scope_check(user=user, kind=ScopeKind.WAREHOUSE, ref_id=1)
    assert error.value.code == "out_of_scope"
    assert error.value.status == 403


def test_superuser_is_unrestricted(make_user):
    user = make_user("viewer", all_warehouses=False, all_shops=False, is_superuser=True)
    assert scope_ids(user, ScopeKind.WAREHOUSE) is None
    scope_check(user=user, kind=ScopeKind.SHOP, ref_id=99)
