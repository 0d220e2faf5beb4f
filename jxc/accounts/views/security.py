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
from django_otp.plugins.otp_totp.models import TOTPDevice

from jxc.core.access import LOGIN, requires
from jxc.core.exceptions import ApplicationError

from .. import services
from ..audit import audit_record
from ..audit_display import change_rows, object_type_label
from ..enums import AuditAction
from ..forms import AuditFilterForm, TokenCreateForm, TotpConfirmForm
from ..models import ApiToken, User
from ..selectors import AuditFilter, api_token_list, audit_entry_list, audit_object_types


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
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    form = TotpConfirmForm(request.POST or None)
    if confirmed is not None:
        if request.method == "POST" and form.is_valid():
            if confirmed.verify_token(form.cleaned_data["token"]):
                TOTPDevice.objects.filter(user=user).delete()
                audit_record(
                    action=AuditAction.UPDATE,
                    actor=user,
                    instance=user,
                    changes={"two_factor": [True, False]},
                    request=request,
                )
                messages.success(request, _("Two-factor sign-in is off."))
                return redirect("accounts:totp")
            form.add_error("token", _("The verification code is wrong or expired."))
        return render(request, "accounts/totp.html", {"enabled": True, "form": form})

    device, _created = TOTPDevice.objects.get_or_create(
        user=user, confirmed=False, defaults={"name": "authenticator"}
    )
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            audit_record(
                action=AuditAction.UPDATE,
                actor=user,
                instance=user,
                changes={"two_factor": [False, True]},
                request=request,
            )
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect("accounts:totp")
        form.add_error("token", _("The verification code is wrong or expired."))
    context = {
        "enabled": False,
        "form": form,
        "qr": _qr_data_uri(device.config_url),
        "secret": base64.b32encode(device.bin_key).decode(),
    }
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
