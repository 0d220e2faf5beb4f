"""Stock-changing pages. Each parses a form and calls the same service as the API."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jxc.accounts.enums import ScopeKind
from jxc.accounts.scopes import scope_check
from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.core.forms import form_add_application_error

from .. import services
from ..enums import AdjustReason, MoveKind
from ..forms import AdjustForm, PutawayForm, ReceiveForm, TransferForm
from ..models import Transfer
from ..selectors import warehouse_list

MANAGE = "accounts.manage_inventory"


def _form_page(
    request: HttpRequest,
    form_class: type[forms.Form],
    title: str,
    action: Callable[[dict[str, Any]], str],
) -> HttpResponse:
    """Render the form; on a valid POST run `action` (a service call) and show its message."""
    form = form_class(request.POST or None, user=request.user)  # type: ignore[call-arg]
    if request.method == "POST" and form.is_valid():
        try:
            done = action(form.cleaned_data)
        except ApplicationError as exc:
            form_add_application_error(form, exc)
        else:
            messages.success(request, done)
            return redirect(request.path)
    token = request.POST.get("form_token") or uuid.uuid4().hex
    context = {"form": form, "title": title, "form_token": token}
    return render(request, "inventory/form.html", context, status=400 if form.errors else 200)


def _key(request: HttpRequest) -> str | None:
    token = request.POST.get("form_token", "")
    return f"page:{request.user.pk}:{token}" if token else None


@requires(MANAGE)
def receive(request: HttpRequest) -> HttpResponse:
    def action(data: dict[str, Any]) -> str:
        result = services.stock_receive(
            actor=request.user,  # type: ignore[arg-type]
            sku=data["sku"],
            warehouse=data["warehouse"],
            quantity=data["quantity"],
            unit_cost=data["unit_cost"],
            bin_obj=data["bin"],
            lot_no=data["lot_no"],
            expiry_date=data["expiry_date"],
            kind=MoveKind.OPENING if data["opening"] else MoveKind.RECEIPT,
            note=data["note"],
            idempotency_key=_key(request),
        )
        move = result.moves[0]
        return _("Received %(qty)s × %(sku)s into %(bin)s.") % {
            "qty": move.quantity,
            "sku": data["sku"].merchant_code,
            "bin": move.bin,
        }

    return _form_page(request, ReceiveForm, _("Receive stock"), action)


@requires(MANAGE)
def adjust(request: HttpRequest) -> HttpResponse:
    def action(data: dict[str, Any]) -> str:
        services.stock_adjust(
            actor=request.user,  # type: ignore[arg-type]
            sku=data["sku"],
            warehouse=data["warehouse"],
            quantity=data["quantity"],
            reason=AdjustReason(data["reason"]),
            bin_obj=data["bin"],
            note=data["note"],
            idempotency_key=_key(request),
        )
        return _("Adjusted %(sku)s by %(qty)+d.") % {
            "sku": data["sku"].merchant_code,
            "qty": data["quantity"],
        }

    return _form_page(request, AdjustForm, _("Adjust stock"), action)


@requires(MANAGE)
def putaway(request: HttpRequest) -> HttpResponse:
    def action(data: dict[str, Any]) -> str:
        services.stock_move_bin(
            actor=request.user,  # type: ignore[arg-type]
            sku=data["sku"],
            from_bin=data["from_bin"],
            to_bin=data["to_bin"],
            quantity=data["quantity"],
            idempotency_key=_key(request),
        )
        return _("Moved %(qty)s × %(sku)s from %(a)s to %(b)s.") % {
            "qty": data["quantity"],
            "sku": data["sku"].merchant_code,
            "a": data["from_bin"],
            "b": data["to_bin"],
        }

    return _form_page(request, PutawayForm, _("Move between bins"), action)


@requires("accounts.view_inventory")
def transfer_list(request: HttpRequest) -> HttpResponse:
    form = TransferForm(request.POST or None, user=request.user)
    can_manage = request.user.has_perm(MANAGE)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                transfer = services.transfer_ship(
                    actor=request.user,  # type: ignore[arg-type]
                    source=data["source"],
                    destination=data["destination"],
                    lines=[services.TransferLineInput(data["sku"], data["quantity"])],
                    idempotency_key=_key(request),
                )
            except ApplicationError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(
                    request, _("Transfer %(n)s is on its way.") % {"n": transfer.number}
                )
                return redirect("inventory:transfers")
    scoped = [w.pk for w in warehouse_list(user=request.user)]
    transfers = Transfer.objects.filter(source_id__in=scoped) | Transfer.objects.filter(
        destination_id__in=scoped
    )
    transfers = transfers.select_related("source", "destination").prefetch_related("lines__sku")
    page = Paginator(transfers.order_by("-id"), 30).get_page(request.GET.get("page"))
    token = request.POST.get("form_token") or uuid.uuid4().hex
    context = {"form": form, "page": page, "can_manage": can_manage, "form_token": token}
    return render(request, "inventory/transfers.html", context, status=400 if form.errors else 200)


@requires(MANAGE)
@require_POST
def transfer_receive(request: HttpRequest, transfer_id: int) -> HttpResponse:
    transfer = get_object_or_404(Transfer, pk=transfer_id)
    scope_check(user=request.user, kind=ScopeKind.WAREHOUSE, ref_id=transfer.destination_id)
    try:
        services.transfer_receive(actor=request.user, transfer=transfer)  # type: ignore[arg-type]
    except ApplicationError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Transfer %(n)s received.") % {"n": transfer.number})
    return redirect("inventory:transfers")
