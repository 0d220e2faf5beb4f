"""Stock overview and the SKU stock card (库存台账)."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from jxc.catalog.models import Sku
from jxc.core.access import requires

from ..selectors import stock_card as select_stock_card
from ..selectors import stock_level_list, stock_totals, stock_value_by_warehouse, warehouse_list

VIEW = "accounts.view_inventory"


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@requires(VIEW)
def stock_overview(request: HttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()
    warehouse_id = request.GET.get("warehouse", "")
    chosen = int(warehouse_id) if warehouse_id.isdigit() else None
    levels = stock_level_list(user=request.user, search=search, warehouse_id=chosen)
    totals = stock_totals(user=request.user, search=search, warehouse_id=chosen)
    paginator = Paginator(levels, settings.JXC_PAGE_SIZE)
    paginator.count = totals["rows"]  # counted above without the row joins
    page = paginator.get_page(request.GET.get("page"))
    show_value = request.user.has_perm("accounts.view_cost")
    context = {
        "page": page,
        "q": search,
        "warehouse_id": warehouse_id,
        "warehouses": warehouse_list(user=request.user),
        "totals": totals,
        "show_value": show_value,
        "values": stock_value_by_warehouse(user=request.user) if show_value else [],
        "query": _query(request),
    }
    return render(request, "inventory/stock_overview.html", context)


@requires(VIEW)
def stock_card(request: HttpRequest, sku_id: int) -> HttpResponse:
    sku = get_object_or_404(Sku.objects.select_related("product"), pk=sku_id)
    warehouse_id = request.GET.get("warehouse", "")
    moves = select_stock_card(
        user=request.user,
        sku_id=sku.pk,
        warehouse_id=int(warehouse_id) if warehouse_id.isdigit() else None,
    ).order_by("-id")
    page = Paginator(moves, settings.JXC_PAGE_SIZE).get_page(request.GET.get("page"))
    levels = stock_level_list(user=request.user, sku_id=sku.pk)
    context = {
        "sku": sku,
        "page": page,
        "levels": levels,
        "warehouse_id": warehouse_id,
        "warehouses": warehouse_list(user=request.user),
        "show_value": request.user.has_perm("accounts.view_cost"),
        "query": _query(request),
    }
    return render(request, "inventory/stock_card.html", context)
