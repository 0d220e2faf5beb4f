"""Editing pages: product fields, SKU fields, and the category tree."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jxc.accounts.models import User
from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.core.forms import form_add_application_error

from . import services
from .forms import CategoryForm, ProductEditForm, SkuEditForm
from .models import Category, Product, Sku

MANAGE = "accounts.manage_catalog"


@requires(MANAGE)
def product_edit(request: HttpRequest, product_id: int) -> HttpResponse:
    product = get_object_or_404(Product, pk=product_id)
    initial = {
        "title": product.title,
        "category": product.category_id,
        "brand": product.brand.name if product.brand else "",
        "status": product.status,
        "unit": product.unit,
        "shelf_life_days": product.shelf_life_days,
        "description": product.description,
    }
    form = ProductEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data: dict[str, Any] = dict(form.cleaned_data)
        brand = data.pop("brand")
        try:
            services.product_update(
                actor=request.user,  # type: ignore[arg-type]
                product=product,
                brand_name=brand,
                **data,
            )
        except ApplicationError as exc:
            form_add_application_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("catalog:product", product_id=product.pk)
    context = {"form": form, "title": product.title, "back": product}
    return render(request, "catalog/edit.html", context, status=400 if form.errors else 200)


@requires(MANAGE)
def sku_edit(request: HttpRequest, sku_id: int) -> HttpResponse:
    sku = get_object_or_404(Sku.objects.select_related("product"), pk=sku_id)
    initial = {name: getattr(sku, name) for name in services.SKU_EDITABLE}
    form = SkuEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.sku_update(actor=request.user, sku=sku, **form.cleaned_data)  # type: ignore[arg-type]
        except ApplicationError as exc:
            form_add_application_error(form, exc)
        else:
            messages.success(request, _("Changes saved."))
            return redirect("catalog:product", product_id=sku.product_id)
    context = {"form": form, "title": str(sku), "back": sku.product}
    return render(request, "catalog/edit.html", context, status=400 if form.errors else 200)


@requires("accounts.view_catalog")
def category_list(request: HttpRequest) -> HttpResponse:
    can_manage = request.user.has_perm(MANAGE)
    form = CategoryForm(request.POST or None)
    if request.method == "POST":
        if not can_manage:
            raise PermissionDenied
        actor: User = request.user  # type: ignore[assignment]
        target = Category.objects.filter(pk=request.POST.get("category_id") or 0).first()
        if form.is_valid():
            data = form.cleaned_data
            try:
                if target is None:
                    services.category_create(actor=actor, name=data["name"], parent=data["parent"])
                else:
                    if target.name != data["name"]:
                        services.category_rename(actor=actor, category=target, name=data["name"])
                    if target.parent_id != (data["parent"].pk if data["parent"] else None):
                        services.category_move(actor=actor, category=target, parent=data["parent"])
            except ApplicationError as exc:
                form_add_application_error(form, exc)
            else:
                messages.success(request, _("Category saved."))
                return redirect("catalog:categories")
    categories = [(c, c.path.count("/") - 1) for c in Category.objects.all()]
    context = {"form": form, "categories": categories, "can_manage": can_manage}
    return render(request, "catalog/categories.html", context, status=400 if form.errors else 200)
