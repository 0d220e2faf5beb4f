"""Import page (upload → preview with row errors → commit), template and stock export."""

from __future__ import annotations

import uuid
from pathlib import PurePath

from django import forms
from django.contrib import messages
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jxc.accounts.models import User
from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.core.spreadsheets import read_table, write_xlsx

from ..imports import catalog_import_preview, template_headers
from ..selectors import stock_level_list
from ..services.imports import catalog_import_commit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_UPLOAD = 20 * 1024 * 1024


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (.xlsx or .csv)"))


def _stored_path(token: str, name: str) -> str | None:
    """Where a checked upload waits for confirmation; None for a token or name not ours."""
    name = PurePath(name).name
    if not (token.isalnum() and len(token) == 32 and name):
        return None
    return f"imports/{token}/{name}"


def _stored(token: str, name: str) -> tuple[bytes, str] | None:
    path = _stored_path(token, name)
    if path is None or not default_storage.exists(path):
        return None
    with default_storage.open(path) as handle:
        return handle.read(), PurePath(path).name


@requires("accounts.manage_catalog")
def catalog_import(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    context: dict[str, object] = {"form": form}
    if request.method == "POST" and request.POST.get("token"):
        return _commit(request, request.POST["token"], request.POST.get("filename", ""))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            form.add_error("file", _("The file is larger than 20 MB."))
        else:
            data, name = upload.read(), PurePath(upload.name).name
            try:
                plan = catalog_import_preview(read_table(data, name))
            except ApplicationError as exc:
                form.add_error("file", exc.message)
                context["errors"] = exc.details
            else:
                token = uuid.uuid4().hex
                default_storage.save(f"imports/{token}/{name}", ContentFile(data))
                needs_stock = plan.summary["opening_lines"] and not request.user.has_perm(
                    "accounts.manage_inventory"
                )
                context.update(
                    {
                        "plan": plan,
                        "summary": plan.summary,
                        "token": token,
                        "filename": name,
                        "errors": plan.errors[:500],
                        "needs_stock_permission": needs_stock,
                    }
                )
    status = 400 if form.errors else 200
    return render(request, "inventory/import.html", context, status=status)


def _commit(request: HttpRequest, token: str, filename: str) -> HttpResponse:
    stored = _stored(token, filename)
    if stored is None:
        messages.error(request, _("The uploaded file has expired; upload it again."))
        return redirect("inventory:import")
    data, name = stored
    try:
        plan = catalog_import_preview(read_table(data, name))
        if plan.summary["opening_lines"] and not request.user.has_perm("accounts.manage_inventory"):
            raise ApplicationError(_("Only users who may change stock can import opening stock."))
        actor: User = request.user  # type: ignore[assignment]
        summary = catalog_import_commit(actor=actor, table=read_table(data, name), filename=name)
    except ApplicationError as exc:
        messages.error(request, exc.message)
        return redirect("inventory:import")
    default_storage.delete(f"imports/{token}/{name}")  # the confirmed upload is not kept
    messages.success(
        request,
        _("Imported: %(new)s new SKUs, %(updated)s updated, %(units)s opening units booked.")
        % {
            "new": summary["new_skus"],
            "updated": summary["updated_skus"],
            "units": summary["opening_units_booked"],
        },
    )
    return redirect("catalog:products")


@requires("accounts.view_catalog")
def import_template(request: HttpRequest) -> HttpResponse:
    headers = template_headers()
    example = [
        "TX2401-01",
        "纯棉圆领T恤",
        "颜色:白;尺码:M",
        "6901234567892",
        "服装/男装/T恤",
        "示例品牌",
        "件",
        "25.00",
        "59.00",
        "220",
        "30",
        "25",
        "3",
        "上架",
        "",
        "SH",
        "A-01-01",
        "100",
        "",
        "",
    ]
    data = write_xlsx(headers, [example], sheet_title="商品导入")
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="jxc-catalog-template.xlsx"'
    return response


@requires("accounts.view_inventory")
def stock_export(request: HttpRequest) -> HttpResponse:
    show_value = request.user.has_perm("accounts.view_cost")
    headers = [
        _("Merchant code"),
        _("Product"),
        _("Spec"),
        _("Warehouse"),
        _("On hand"),
        _("Reserved"),
        _("Available"),
        _("In transit"),
    ]
    if show_value:
        headers += [_("Avg cost"), _("Value")]
    rows = []
    for level in stock_level_list(user=request.user).iterator(chunk_size=2000):
        row = [
            level.sku.merchant_code,
            level.sku.product.title,
            level.sku.spec_label,
            level.warehouse.code,
            level.on_hand,
            level.reserved,
            level.available,
            level.in_transit,
        ]
        if show_value:
            row += [float(level.average_cost), float(level.value)]  # type: ignore[attr-defined]
        rows.append(row)
    data = write_xlsx([str(h) for h in headers], rows, sheet_title=_("Stock"))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="jxc-stock-{stamp}.xlsx"'
    return response
