"""Warehouses with their zones and bins."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jxc.accounts.enums import ScopeKind
from jxc.accounts.scopes import scope_check
from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.core.forms import form_add_application_error

from .. import services
from ..enums import ZoneKind
from ..forms import WarehouseForm
from ..models import Bin, Warehouse
from ..selectors import warehouse_list as select_warehouses


@requires("accounts.view_inventory")
def warehouse_list(request: HttpRequest) -> HttpResponse:
    can_manage = request.user.has_perm("accounts.manage_inventory")
    form = WarehouseForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                with transaction.atomic():
                    warehouse = services.warehouse_create(
                        actor=request.user,  # type: ignore[arg-type]
                        code=data["code"],
                        name=data["name"],
                        kind=data["kind"],
                        address=data["address"],
                    )
                    if data["bins"]:
                        services.bins_create(
                            actor=request.user,  # type: ignore[arg-type]
                            zone=warehouse.zones.get(kind=ZoneKind.STORAGE),
                            pattern=data["bins"],
                        )
            except ApplicationError as exc:
                form_add_application_error(form, exc)
            else:
                messages.success(
                    request, _("Warehouse %(code)s created.") % {"code": warehouse.code}
                )
                return redirect("inventory:warehouses")
    warehouses = select_warehouses(user=request.user).annotate(bin_count=Count("bins"))
    context = {"form": form, "warehouses": warehouses, "can_manage": can_manage}
    return render(request, "inventory/warehouses.html", context, status=400 if form.errors else 200)


@requires("accounts.view_inventory")
def bin_labels(request: HttpRequest, warehouse_id: int) -> HttpResponse:
    """Printable bin labels (A4, three columns): the bin code as text and as a QR code that the
    phone scanner and handheld scanners read."""
    warehouse = get_object_or_404(Warehouse, pk=warehouse_id)
    scope_check(user=request.user, kind=ScopeKind.WAREHOUSE, ref_id=warehouse.pk)
    bins = Bin.objects.filter(warehouse=warehouse, is_active=True).select_related("zone")
    zone = request.GET.get("zone", "")
    if zone:
        bins = bins.filter(zone__kind=zone)
    labels = [
        (bin_obj, segno.make(bin_obj.code, error="m").svg_inline(scale=3, border=1))
        for bin_obj in bins.order_by("code")[:600]
    ]
    return render(request, "inventory/bin_labels.html", {"warehouse": warehouse, "labels": labels})
