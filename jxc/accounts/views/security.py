"""Personal API tokens, two-factor set-up and the audit log."""

from __future__ import annotations

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jxc.core.access import LOGIN, requires
from jxc.core.exceptions import ApplicationError

from .. import services
from ..audit_display import change_rows, object_type_label
from ..forms import AuditFilterForm, TokenCreateForm, TotpConfirmForm
from ..models import ApiToken, User
from ..selectors import AuditFilter, api_token_list, audit_entry_list, audit_object_types
from ..two_factor import two_factor_device, two_factor_set


@requires("accounts.use_api")
def token_list(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    form = TokenCreateForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.api_token_create(
                actor=user, user=user, name=form.cleaned_data["name"], request=request
            )
        except ApplicationError as exc:
            form.add_error("name", exc.message)
        else:
            form = TokenCreateForm()
    context = {"form": form, "tokens": api_token_list(user=user), "secret": secret}
    status = 400 if form.errors else 200
    return render(request, "accounts/tokens.html", context, status=status)


@requires("accounts.use_api")
@require_POST
def token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    services.api_token_revoke(actor=request.user, token=token, request=request)  # type: ignore[arg-type]
    messages.success(request, _("Token %(name)s revoked.") % {"name": token.name})
    return redirect("accounts:tokens")


def _qr_data_uri(text: str) -> str:
    svg = segno.make(text, error="m").svg_inline(scale=5)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


@requires(LOGIN)
def totp_setup(request: HttpRequest) -> HttpResponse:
    """Turn two-factor sign-in (TOTP) on or off for the signed-in user."""
    user: User = request.user  # type: ignore[assignment]
    device, enabled = two_factor_device(user=user)
    form = TotpConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            two_factor_set(
                user=user, enabled=not enabled, token=form.cleaned_data["token"], request=request
            )
        except ApplicationError as exc:
            form.add_error("token", exc.message)
        else:
            done = (
                _("Two-factor sign-in is on.") if not enabled else _("Two-factor sign-in is off.")
            )
            messages.success(request, done)
            return redirect("accounts:totp")
    context: dict[str, object] = {"enabled": enabled, "form": form}
    if not enabled:
        context["qr"] = _qr_data_uri(device.config_url)
        context["secret"] = base64.b32encode(device.bin_key).decode()
    return render(request, "accounts/totp.html", context, status=400 if form.errors else 200)


@requires("accounts.view_audit")
def audit_list(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None, object_types=audit_object_types())
    filters = AuditFilter()
    if form.is_valid():
        data = form.cleaned_data
        filters = AuditFilter(
            actor=data["actor"],
            action=data["action"],
            object_type=data["object_type"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            search=data["search"],
        )
    entries = audit_entry_list(filters=filters)
    page = Paginator(entries, settings.JXC_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = [(entry, object_type_label(entry.object_type), change_rows(entry)) for entry in page]
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "accounts/audit_list.html", context)
