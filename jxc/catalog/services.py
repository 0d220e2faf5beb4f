"""Catalog writes: categories, products with their SKUs. Every create/update is audited."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from jxc.accounts.audit import audit_record, changes_between, model_snapshot
from jxc.accounts.enums import AuditAction
from jxc.accounts.models import User
from jxc.core.exceptions import ApplicationError

from .domain import barcode_problem, merchant_code_problem, spec_matrix
from .enums import ProductStatus
from .models import Brand, Category, Product, Sku


@dataclass
class SkuInput:
    merchant_code: str
    specs: dict[str, str] = field(default_factory=dict)
    barcode: str | None = None
    weight_g: int | None = None
    cost_price: Decimal = Decimal(0)
    sale_price: Decimal = Decimal(0)
    length_cm: Decimal | None = None
    width_cm: Decimal | None = None
    height_cm: Decimal | None = None


def _field_error(field_name: str, message: str, code: str = "invalid") -> ApplicationError:
    return ApplicationError(message, code=code, details=[{"field": field_name, "message": message}])


def _category_path(category: Category) -> str:
    parent_path = category.parent.path if category.parent else ""
    return f"{parent_path}{category.pk:08d}/"


@transaction.atomic
def category_create(*, actor: User | None, name: str, parent: Category | None = None) -> Category:
    """Add a category under `parent` (or at the root). Names are unique among siblings."""
    name = name.strip()
    if not name:
        raise _field_error("name", _("The category needs a name."))
    if Category.objects.filter(parent=parent, name=name).exists():
        raise _field_error("name", _("This category already exists here."), "duplicate")
    category = Category.objects.create(name=name, parent=parent)
    category.path = _category_path(category)
    category.save(update_fields=["path"])
    audit_record(action=AuditAction.CREATE, actor=actor, instance=category)
    return category


@transaction.atomic
def category_move(*, actor: User | None, category: Category, parent: Category | None) -> Category:
    """Move a category (with its whole subtree) under another parent; never into itself."""
    if parent is not None and parent.path.startswith(category.path):
        raise _field_error("parent", _("A category cannot move inside itself."), "cycle")
    old_path = category.path
    before = model_snapshot(category, ["parent_id", "path"])
    category.parent = parent
    category.path = _category_path(category)
    category.save(update_fields=["parent", "path", "updated_at"])
    for child in Category.objects.filter(path__startswith=old_path).exclude(pk=category.pk):
        child.path = category.path + child.path[len(old_path) :]
        child.save(update_fields=["path"])
    changes = changes_between(before, model_snapshot(category, ["parent_id", "path"]))
    audit_record(action=AuditAction.UPDATE, actor=actor, instance=category, changes=changes)
    return category


def _check_sku(sku: SkuInput, row: int) -> None:
    problem = merchant_code_problem(sku.merchant_code)
    if problem:
        raise _field_error(
            f"skus.{row}.merchant_code",
            _("Merchant code %(code)r is not valid: use letters, digits and - _ . # /.")
            % {"code": sku.merchant_code},
        )
    if sku.barcode and barcode_problem(sku.barcode):
        raise _field_error(
            f"skus.{row}.barcode",
            _("Barcode %(code)s is neither a valid EAN-13 nor Code128 value.")
            % {"code": sku.barcode},
        )
    if sku.cost_price < 0 or sku.sale_price < 0:
        raise _field_error(f"skus.{row}.sale_price", _("Prices cannot be negative."))


def _check_unique(skus: list[SkuInput]) -> None:
    codes = [s.merchant_code for s in skus]
    barcodes = [s.barcode for s in skus if s.barcode]
    taken = set(Sku.objects.filter(merchant_code__in=codes).values_list("merchant_code", flat=True))
    for row, sku in enumerate(skus):
        if sku.merchant_code in taken or codes.count(sku.merchant_code) > 1:
            raise _field_error(
                f"skus.{row}.merchant_code",
                _("Merchant code %(code)s is already used.") % {"code": sku.merchant_code},
                "duplicate",
            )
    used = set(Sku.objects.filter(barcode__in=barcodes).values_list("barcode", flat=True))
    for row, sku in enumerate(skus):
        if sku.barcode and (sku.barcode in used or barcodes.count(sku.barcode) > 1):
            raise _field_error(
                f"skus.{row}.barcode",
                _("Barcode %(code)s is already used.") % {"code": sku.barcode},
                "duplicate",
            )


@transaction.atomic
def product_create(
    *,
    actor: User | None,
    title: str,
    skus: list[SkuInput],
    category: Category | None = None,
    brand_name: str = "",
    description: str = "",
    unit: str = "件",
    status: str = ProductStatus.DRAFT,
    is_lot_tracked: bool = False,
    is_expiry_tracked: bool = False,
    shelf_life_days: int | None = None,
) -> Product:
    """Create a product and its SKUs in one go (all or nothing).

    Merchant codes and barcodes are unique across the catalog (also enforced by the database);
    an expiry-tracked product is lot-tracked and needs a shelf life.
    """
    title = title.strip()
    if not title:
        raise _field_error("title", _("The product needs a title."))
    if not skus:
        raise _field_error("skus", _("A product needs at least one SKU."))
    if is_expiry_tracked and not shelf_life_days:
        raise _field_error("shelf_life_days", _("Expiry-tracked goods need a shelf life."))
    for row, sku in enumerate(skus):
        _check_sku(sku, row)
    _check_unique(skus)
    brand = Brand.objects.get_or_create(name=brand_name.strip())[0] if brand_name.strip() else None
    product = Product.objects.create(
        title=title,
        category=category,
        brand=brand,
        description=description,
        unit=unit,
        status=status,
        is_lot_tracked=is_lot_tracked or is_expiry_tracked,
        is_expiry_tracked=is_expiry_tracked,
        shelf_life_days=shelf_life_days,
    )
    try:
        with transaction.atomic():
            Sku.objects.bulk_create([_sku_model(product, sku) for sku in skus])
    except IntegrityError as exc:  # a concurrent request took a code first
        raise _field_error(
            "skus", _("A merchant code or barcode is already used."), "duplicate"
        ) from exc
    audit_record(
        action=AuditAction.CREATE,
        actor=actor,
        instance=product,
        changes={"skus": [None, [s.merchant_code for s in skus]]},
    )
    return product


def _sku_model(product: Product, sku: SkuInput) -> Sku:
    combo = spec_matrix([(axis, [value]) for axis, value in sku.specs.items()])[0]
    return Sku(
        product=product,
        merchant_code=sku.merchant_code,
        barcode=sku.barcode or None,
        specs=combo.as_dict(),
        spec_label=combo.label,
        weight_g=sku.weight_g,
        length_cm=sku.length_cm,
        width_cm=sku.width_cm,
        height_cm=sku.height_cm,
        cost_price=sku.cost_price,
        sale_price=sku.sale_price,
    )


def skus_from_matrix(
    *, code_prefix: str, axes: list[tuple[str, list[str]]], **defaults: object
) -> list[SkuInput]:
    """SkuInputs for every combination of the axes, coded PREFIX-01, PREFIX-02 …"""
    combos = spec_matrix(axes)
    return [
        SkuInput(merchant_code=f"{code_prefix}-{i:02d}", specs=c.as_dict(), **defaults)  # type: ignore[arg-type]
        for i, c in enumerate(combos, start=1)
    ]


PRODUCT_EDITABLE = [
    "title",
    "category_id",
    "brand_id",
    "description",
    "unit",
    "status",
    "shelf_life_days",
]
SKU_EDITABLE = [
    "barcode",
    "weight_g",
    "length_cm",
    "width_cm",
    "height_cm",
    "cost_price",
    "sale_price",
    "is_active",
]


@transaction.atomic
def product_update(
    *, actor: User | None, product: Product, brand_name: str | None = None, **fields: object
) -> Product:
    """Change a product's listing fields (title, category, brand, status …); audited from → to."""
    unknown = set(fields) - {
        "title",
        "category",
        "description",
        "unit",
        "status",
        "shelf_life_days",
    }
    if unknown:
        raise ApplicationError(f"Unknown product fields: {sorted(unknown)}")
    if "title" in fields and not str(fields["title"]).strip():
        raise _field_error("title", _("The product needs a title."))
    before = model_snapshot(product, PRODUCT_EDITABLE)
    for name, value in fields.items():
        setattr(product, name, value)
    if brand_name is not None:
        product.brand = (
            Brand.objects.get_or_create(name=brand_name.strip())[0] if brand_name.strip() else None
        )
    if product.is_expiry_tracked and not product.shelf_life_days:
        raise _field_error("shelf_life_days", _("Expiry-tracked goods need a shelf life."))
    product.save()
    changes = changes_between(before, model_snapshot(product, PRODUCT_EDITABLE))
    if changes:
        audit_record(action=AuditAction.UPDATE, actor=actor, instance=product, changes=changes)
    return product


@transaction.atomic
def sku_update(*, actor: User | None, sku: Sku, **fields: object) -> Sku:
    """Change a SKU's barcode, prices, weight or size; the merchant code never changes."""
    unknown = set(fields) - set(SKU_EDITABLE)
    if unknown:
        raise ApplicationError(f"Unknown SKU fields: {sorted(unknown)}")
    barcode = fields.get("barcode") or None
    fields["barcode"] = barcode
    if barcode and barcode_problem(str(barcode)):
        raise _field_error(
            "barcode",
            _("Barcode %(code)s is neither a valid EAN-13 nor Code128 value.") % {"code": barcode},
        )
    if barcode and Sku.objects.filter(barcode=barcode).exclude(pk=sku.pk).exists():
        raise _field_error(
            "barcode", _("Barcode %(code)s is already used.") % {"code": barcode}, "duplicate"
        )
    for price in ("cost_price", "sale_price"):
        if price in fields and Decimal(str(fields[price])) < 0:
            raise _field_error(price, _("Prices cannot be negative."))
    before = model_snapshot(sku, SKU_EDITABLE)
    for name, value in fields.items():
        setattr(sku, name, value)
    sku.save()
    changes = changes_between(before, model_snapshot(sku, SKU_EDITABLE))
    if changes:
        audit_record(action=AuditAction.UPDATE, actor=actor, instance=sku, changes=changes)
    return sku


@transaction.atomic
def category_rename(*, actor: User | None, category: Category, name: str) -> Category:
    """Rename a category; names stay unique among siblings."""
    name = name.strip()
    if not name:
        raise _field_error("name", _("The category needs a name."))
    if Category.objects.filter(parent=category.parent, name=name).exclude(pk=category.pk).exists():
        raise _field_error("name", _("This category already exists here."), "duplicate")
    before = model_snapshot(category, ["name"])
    category.name = name
    category.save(update_fields=["name", "updated_at"])
    changes = changes_between(before, model_snapshot(category, ["name"]))
    audit_record(action=AuditAction.UPDATE, actor=actor, instance=category, changes=changes)
    return category
