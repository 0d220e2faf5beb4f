"""Authorization matrix: every URL pattern and every API operation, for every role and anonymous.

Discovery is automatic: URL patterns come from Django's resolver, API operations from the
Ninja path views behind the API patterns. Each page declares its access level with
`jxc.core.access.requires`; each API operation carries it on its `ApiAuth`. The expected
outcome follows from the declaration and the role's permissions:

- anonymous: public pages answer; other pages redirect to sign-in; the API answers 401.
- a role that holds the access: anything but 401/403/a sign-in redirect (404/405/422 are fine:
  sample ids may not exist and bodies are empty).
- a role that lacks it: 403 — on GET and on POST, and POST must change nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from ninja.operation import PathView

from jxc.accounts.models import AuditEntry, User
from jxc.accounts.roles import ROLES
from jxc.accounts.services import api_token_create
from jxc.core.access import LOGIN, PUBLIC, user_has_access

pytestmark = pytest.mark.django_db

# Framework views that cannot carry a declaration, with the access they really have.
ADMIN = "admin-site"
# Framework views whose access cannot be read off a declaration:
# Ninja's /api/v1/ root only redirects to the docs; the admin wraps its logout in its own
# staff check (non-staff are sent to the admin index, which sends them to sign-in).
FRAMEWORK_VIEWS = {"api:api-root": PUBLIC, "admin:logout": ADMIN}
LOGIN_PATH = "/account/login/"


@dataclass(frozen=True)
class Page:
    route: str
    name: str
    access: str
    kwargs: tuple[str, ...]
    converters: dict[str, str]


@dataclass(frozen=True)
class Operation:
    route: str
    method: str
    access: str


def _walk(
    patterns: list[Any], prefix: str = "", namespace: str | None = None
) -> Iterator[tuple[str, str | None, URLPattern]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        else:
            yield prefix + str(pattern.pattern), namespace, pattern


def _path_view(callback: Any) -> PathView | None:
    for cell in getattr(callback, "__closure__", None) or ():
        if isinstance(cell.cell_contents, PathView):
            return cell.cell_contents
    return None


def _converters(route: str) -> dict[str, str]:
    converters = {name: conv or "str" for conv, name in re.findall(r"<(?:(\w+):)?(\w+)>", route)}
    converters.update(dict.fromkeys(re.findall(r"\(\?P<(\w+)>", route), "str"))
    return converters


def discover() -> tuple[list[Page], list[Operation], list[str]]:
    """All pages and API operations; third item: patterns that declare no access (errors)."""
    pages: list[Page] = []
    operations: list[Operation] = []
    undeclared: list[str] = []
    seen_views: set[int] = set()
    for route, namespace, pattern in _walk(get_resolver().url_patterns):
        full_name = f"{namespace}:{pattern.name}" if namespace else str(pattern.name)
        path_view = _path_view(pattern.callback)
        if path_view is not None:
            if id(path_view) in seen_views:
                continue
            seen_views.add(id(path_view))
            for op in path_view.operations:
                auth = op.auth_callbacks
                access = getattr(auth[0], "access", None) if auth else PUBLIC
                if access is None:
                    undeclared.append(f"API {op.methods} {route}")
                    continue
                for method in op.methods:
                    operations.append(Operation(route, method, access))
            continue
        declared = FRAMEWORK_VIEWS.get(full_name) or getattr(pattern.callback, "jxc_access", None)
        if namespace == "admin" and declared is None:
            if pattern.name:
                access = ADMIN
            else:
                continue  # the admin's unnamed catch-all only redirects to the admin index
        else:
            access = declared
        if access is None or not pattern.name:
            undeclared.append(f"page {route} ({full_name})")
            continue
        converters = _converters(route)
        pages.append(Page(route, full_name, access, tuple(converters), converters))
    return pages, operations, undeclared


def test_every_pattern_declares_its_access() -> None:
    pages, operations, undeclared = discover()
    assert undeclared == []
    assert len(pages) >= 20
    assert len(operations) >= 4


@pytest.fixture
def people(make_user: Any) -> dict[str, User | None]:
    users: dict[str, User | None] = {"anonymous": None}
    for role in ROLES:
        users[role.code] = make_user(role.code, username=f"m_{role.code}")
    viewer = users["viewer"]
    TOTPDevice.objects.create(user=viewer, name="phone", confirmed=False)
    api_token_create(actor=None, user=users["admin"], name="sample")  # type: ignore[arg-type]
    return users


def _sample(name: str, converter: str, people: dict[str, User | None]) -> str:
    target = people["viewer"]
    assert target is not None
    known = {"user_id": str(target.pk), "app_label": "accounts", "object_id": str(target.pk)}
    if name in known:
        return known[name]
    return "1" if converter == "int" else "x"


def _admin_object_id(page: Page) -> str | None:
    """An existing object of the model an admin page is about, when there is one."""
    for model in admin.site._registry:
        opts = model._meta
        if page.name.startswith(f"admin:{opts.app_label}_{opts.model_name}_"):
            first = model._default_manager.order_by("pk").first()
            return str(first.pk) if first else None
    return None


def _page_url(page: Page, people: dict[str, User | None]) -> str:
    kwargs: dict[str, Any] = {}
    for name in page.kwargs:
        value = _sample(name, page.converters[name], people)
        if name in ("object_id", "pk", "id") and page.access == ADMIN:
            value = _admin_object_id(page) or value
        kwargs[name] = int(value) if page.converters[name] == "int" else value
    return reverse(page.name, kwargs=kwargs)


def _allowed(user: User | None, access: str) -> bool:
    if access == ADMIN:
        return bool(user and user.is_active and user.is_staff)
    return user_has_access(user, access) if user else access == PUBLIC


def _to_login(response: Any, *, via_admin_index: bool = False) -> bool:
    """A redirect to sign-in (for denied admin pages also via the admin index)."""
    location = response.headers.get("Location", "").split("?")[0]
    targets = {LOGIN_PATH, "/admin/login/"} | ({"/admin/"} if via_admin_index else set())
    return response.status_code == 302 and location in targets


def _check_page(client: Client, user: User | None, page: Page, url: str) -> list[str]:
    problems = []
    allowed = _allowed(user, page.access)
    for method in ("get", "post"):
        if method == "post" and allowed:
            continue  # allowed POSTs are covered by each page's own tests
        before = AuditEntry.objects.exclude(action__in=["denied"]).count()
        response = getattr(client, method)(url)
        status = response.status_code
        if allowed and page.access == ADMIN:
            # Read-only admin models answer 403 to add/delete for everyone: the admin's rule.
            must_list = page.name == "admin:index" or page.name.endswith("_changelist")
            ok = status == 200 if must_list else status != 401 and not _to_login(response)
        elif allowed:
            ok = status not in (401, 403) and not _to_login(response)
        elif user is None or page.access == ADMIN:
            ok = _to_login(response, via_admin_index=page.access == ADMIN)
        else:
            ok = status == 403
        if method == "post" and not allowed:
            ok = ok and AuditEntry.objects.count() == before
        if not ok:
            problems.append(f"{method.upper()} {url} [{page.access}] -> {status}")
    return problems


def _check_operation(
    client: Client, user: User | None, op: Operation, headers: dict[str, Any]
) -> list[str]:
    url = "/" + re.sub(r"<(\w+:)?(\w+)>", "1", op.route)
    response = client.generic(op.method, url, data="{}", content_type="application/json", **headers)
    status = response.status_code
    allowed = _allowed(user, op.access)
    if allowed:
        ok = status not in (401, 403)
    else:
        expected = 401 if user is None else 403
        body = response.json()
        ok = status == expected and set(body) == {"code", "message", "details"}
    return [] if ok else [f"API {op.method} {url} [{op.access}] -> {status}"]


@pytest.mark.parametrize("who", ["anonymous", *[role.code for role in ROLES]])
def test_matrix(who: str, people: dict[str, User | None]) -> None:
    pages, operations, _undeclared = discover()
    user = people[who]
    client = Client()
    if user is not None:
        client.force_login(user)
    problems: list[str] = []
    for page in pages:
        problems += _check_page(client, user, page, _page_url(page, people))
    for op in operations:
        problems += _check_operation(client, user, op, {})
    if user is not None and user.has_perm("accounts.use_api"):
        _token, secret = api_token_create(actor=user, user=user, name="matrix")
        bearer = Client()
        for op in operations:
            headers: dict[str, Any] = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
            problems += _check_operation(bearer, user, op, headers)
    assert problems == [], "\n".join(problems)


def test_roles_see_what_product_says() -> None:
    """Spot checks of the role design in PRODUCT.md (the matrix derives from these)."""
    from jxc.accounts.roles import ROLE_BY_CODE

    clerk = set(ROLE_BY_CODE["warehouse"].permissions)
    assert "accounts.view_sales_money" not in clerk
    assert "accounts.manage_orders" not in clerk
    assert "accounts.view_pii" not in set(ROLE_BY_CODE["service"].permissions)
    assert set(ROLE_BY_CODE["viewer"].permissions) == {"accounts.view_analytics"}
    assert LOGIN != PUBLIC
