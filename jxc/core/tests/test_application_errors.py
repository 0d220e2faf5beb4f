"""Errors raised by services inside page views: 403 page + audit for scope, 400 otherwise."""

from __future__ import annotations

import pytest
from django.http import HttpRequest, HttpResponse
from django.urls import include, path

from jxc.accounts.enums import ScopeKind
from jxc.accounts.models import AuditEntry
from jxc.accounts.scopes import scope_check
from jxc.core.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def warehouse_page(request: HttpRequest, warehouse_id: int) -> HttpResponse:
    scope_check(user=request.user, kind=ScopeKind.WAREHOUSE, ref_id=warehouse_id)
    return HttpResponse("ok")


def failing_page(request: HttpRequest) -> HttpResponse:
    raise ApplicationError("数量必须大于零。", code="invalid_quantity")


urlpatterns = [
    path("w/<int:warehouse_id>/", warehouse_page),
    path("fail/", failing_page),
    path("", include("config.urls")),
]


@pytest.mark.urls("jxc.core.tests.test_application_errors")
def test_outside_scope_is_403_page_and_audited(make_user, login_client, admin_user):
    from jxc.accounts.services import user_scopes_set

    clerk = make_user("warehouse")
    user_scopes_set(
        actor=admin_user, user=clerk, kind=ScopeKind.WAREHOUSE, unrestricted=False, ref_ids=[1]
    )
    client = login_client(clerk)
    assert client.get("/w/1/").status_code == 200
    response = client.get("/w/2/")
    assert response.status_code == 403
    assert 'data-testid="application-error"' in response.content.decode()
    entry = AuditEntry.objects.get(action="denied")
    assert entry.actor == clerk
    assert "/w/2/" in entry.note


@pytest.mark.urls("jxc.core.tests.test_application_errors")
def test_other_application_errors_are_400_with_message(make_user, login_client):
    response = login_client(make_user("viewer")).get("/fail/")
    assert response.status_code == 400
    assert "数量必须大于零。" in response.content.decode()
