"""Stock alerts page: open low / reorder / over-stock alerts, near-expiry lots, and rules."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.core.forms import form_add_application_error

from ..alerts.enums import AlertKind
from ..alerts.selectors import near_expiry_list, stock_alert_list
from ..alerts.services import stock_rule_set
from ..forms import SkuField
from ..models import Warehouse
from ..selectors import warehouse_list


class RuleForm(forms.Form):
    sku = SkuField(label=gettext_lazy("SKU (merchant code or barcode)"), max_length=64)
    warehouse = forms.ModelChoiceField(
        label=gettext_lazy("Warehouse"), queryset=Warehouse.objects.none()
    )
    safety_stock = forms.IntegerField(label=gettext_lazy("Safety stock"), min_value=0)
    reorder_point = forms.IntegerField(label=gettext_lazy("Reorder point"), min_value=0)
    max_stock = forms.IntegerField(
        label=gettext_lazy("Maximum stock"),
        min_value=0,
        initial=0,
        help_text=gettext_lazy("0 means no maximum."),
    )


@requires("accounts.view_inventory")
def alert_list(request: HttpRequest) -> HttpResponse:
    can_manage = request.user.has_perm("accounts.manage_inventory")
    form = RuleForm(request.POST or None)
    warehouse_field = form.fields["warehouse"]
    assert isinstance(warehouse_field, forms.ModelChoiceField)
    warehouse_field.queryset = warehouse_list(user=request.user)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        if form.is_valid():
            data = form.cleaned_data
            try:
                stock_rule_set(
                    actor=request.user,  # type: ignore[arg-type]
                    sku=data["sku"],
                    warehouse=data["warehouse"],
                    safety_stock=data["safety_stock"],
                    reorder_point=data["reorder_point"],
                    max_stock=data["max_stock"],
                )
            except ApplicationError as exc:
                form_add_application_error(form, exc)
            else:
                messages.success(request, _("Stock rule saved."))
                return redirect("inventory:alerts")
    kind = request.GET.get("kind", "")
    kinds = [k for k in AlertKind if k != AlertKind.NEAR_EXPIRY]
    alerts = stock_alert_list(user=request.user, kind=kind or None)
    alerts = alerts.exclude(kind=AlertKind.NEAR_EXPIRY) if not kind else alerts
    page = Paginator(alerts, settings.JXC_PAGE_SIZE).get_page(request.GET.get("page"))
    days = settings.JXC_NEAR_EXPIRY_DAYS
    context = {
        "form": form,
        "can_manage": can_manage,
        "page": page,
        "kinds": kinds,
        "kind": kind,
        "days": days,
        "expiring": near_expiry_list(user=request.user, days=days, limit=200),
    }
    return render(request, "inventory/alerts.html", context, status=400 if form.errors else 200)
