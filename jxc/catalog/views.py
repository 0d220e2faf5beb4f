"""Product pages: list with search and filters, detail with stock, create, phone scan lookup."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from jxc.core.access import requires
from jxc.core.exceptions import ApplicationError
from jxc.inventory.selectors import stock_level_list

from . import services
from .enums import ProductStatus
from .forms import ProductForm
from .models import Brand, Category, Product, Sku, Tag

VIEW = "accounts.view_catalog"


@requires(VIEW)
def product_list(request: HttpRequest) -> HttpResponse:
    products = Product.objects.select_related("category", "brand").annotate(sku_count=Count("skus"))
    search = request.GET.get("q", "").strip()
    if search:
        products = products.filter(
            Q(title__icontains=search)
            | Q(skus__merchant_code__icontains=search)
            | Q(skus__barcode=search)
        ).distinct()
    filters = {}
    for name, field in (("category", "category__path__startswith"), ("brand", "brand_id")):
        value = request.GET.get(name, "")
        if value.isdigit():
            if name == "category":
                root = Category.objects.filter(pk=int(value)).first()
                products = products.filter(**{field: root.path}) if root else products.none()
            else:
                products = products.filter(**{field: int(value)})
        filters[name] = value
    for name in ("status", "tag"):
        filters[name] = request.GET.get(name, "")
    if filters["status"]:
        products = products.filter(status=filters["status"])
    if filters["tag"].isdigit():
        products = products.filter(tags__id=int(filters["tag"]))
    page = Paginator(products.order_by("-id"), settings.JXC_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "q": search,
        "filters": filters,
        "categories": Category.objects.all(),
        "brands": Brand.objects.all(),
        "tags": Tag.objects.all(),
        "statuses": ProductStatus.choices,
        "query": query.urlencode(),
    }
    return render(request, "catalog/product_list.html", context)


@requires(VIEW)
def product_detail(request: HttpRequest, product_id: int) -> HttpResponse:
    product = get_object_or_404(
        Product.objects.select_related("category", "brand").prefetch_related("skus", "tags"),
        pk=product_id,
    )
    levels = stock_level_list(user=request.user).filter(sku__product=product)
    context = {
        "product": product,
        "levels": levels,
        "show_cost": request.user.has_perm("accounts.view_cost"),
    }
    return render(request, "catalog/product_detail.html", context)


@requires("accounts.manage_catalog")
def product_create(request: HttpRequest) -> HttpResponse:
    form = ProductForm(request.POST or None, initial={"status": ProductStatus.DRAFT})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        skus = services.skus_from_matrix(
            code_prefix=data["code_prefix"], axes=data["specs"], **form.sku_defaults()
        )
        if not data["specs"]:
            skus[0].merchant_code = data["code_prefix"]
        try:
            product = services.product_create(
                actor=request.user,  # type: ignore[arg-type]
                title=data["title"],
                skus=skus,
                category=data["category"],
                brand_name=data["brand"],
                description=data["description"],
                status=data["status"],
                is_expiry_tracked=data["is_expiry_tracked"],
                shelf_life_days=data["shelf_life_days"],
            )
        except ApplicationError as exc:
            fields = [d.get("field", "") for d in exc.details]
            target = "code_prefix" if any("merchant_code" in f for f in fields) else None
            if any(f in form.fields for f in fields):
                target = next(f for f in fields if f in form.fields)
            form.add_error(target, exc.message)
        else:
            count = len(skus)
            messages.success(request, _("Product created with %(n)s SKUs.") % {"n": count})
            return redirect("catalog:product", product_id=product.pk)
    status = 400 if form.errors else 200
    return render(request, "catalog/product_form.html", {"form": form}, status=status)


@requires(VIEW)
def sku_scan(request: HttpRequest) -> HttpResponse:
    """Phone page: scan a barcode with the camera (or type a code) and see the SKU's stock."""
    code = request.GET.get("code", "").strip()
    sku = None
    levels = None
    if code:
        sku = (
            Sku.objects.select_related("product")
            .filter(Q(barcode=code) | Q(merchant_code=code))
            .first()
        )
        if sku is not None:
            levels = stock_level_list(user=request.user, sku_id=sku.pk)
    return render(request, "catalog/scan.html", {"code": code, "sku": sku, "levels": levels})
