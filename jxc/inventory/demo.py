"""Demo catalog and stock for `jxc demo`: a category tree, ~300 SKUs, three warehouses with
bins, opening stock (lots for food and cosmetics, some near expiry) and a few reservations.

Everything goes through the real services, so ledger, levels, bins and valuation agree
(`stock_drift_list()` is empty afterwards). Choices are deterministic (random.Random(2026));
dates are relative to today so that some lots are always near expiry. Idempotent: when the
demo catalog is already there (its first merchant code exists), nothing is created.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from jxc.accounts.demo import DEMO_USERS
from jxc.accounts.models import User
from jxc.catalog.domain import ean13_check_digit
from jxc.catalog.enums import ProductStatus
from jxc.catalog.models import Category, Sku
from jxc.catalog.services import SkuInput, category_create, product_create, skus_from_matrix

from .alerts.services import stock_rule_set
from .demo_data import (
    BRANDS,
    CATEGORY_TREE,
    DEMO_MARKER_CODE,
    ORDER_PREFIXES,
    PRODUCTS,
    QUANTITY_RANGE,
    WAREHOUSES,
    ProductSpec,
    WarehouseSpec,
)
from .domain import expand_bin_pattern
from .enums import MoveKind, ZoneKind
from .models import Bin, Warehouse
from .services import ReservationLine, bins_create, stock_receive, stock_reserve, warehouse_create

SEED = 2026
ZERO_STOCK_SHARE = 0.04  # SKUs left without any stock (售罄)
NEAR_EXPIRY_SHARE = 0.15  # lots that expire within 30 days
PICKING_SHARE = 0.3  # receipts that also put a few units in a picking bin
RESERVATIONS = 12  # marketplace orders holding stock
OPENING_NOTE = "期初库存（演示数据）"

COUNT_KEYS = (
    "categories",
    "products",
    "skus",
    "warehouses",
    "bins",
    "lots",
    "stock_moves",
    "reservations",
    "stock_rules",
)


@dataclass(frozen=True)
class Site:
    """A warehouse with the bins opening stock goes into."""

    warehouse: Warehouse
    storage: list[Bin]
    picking: list[Bin]


@dataclass(frozen=True)
class LotPlan:
    lot_no: str
    production: dt.date
    expiry: dt.date


@dataclass
class Stocked:
    sku: Sku
    site: Site
    free: int  # units not reserved yet


@transaction.atomic
def demo_catalog_load() -> dict[str, int]:
    """Load the demo catalog and stock once; returns how many of each thing were created."""
    if Sku.objects.filter(merchant_code=DEMO_MARKER_CODE).exists():
        return dict.fromkeys(COUNT_KEYS, 0)
    return _Loader().run()


class _Loader:
    def __init__(self) -> None:
        self.actor = User.objects.filter(username=DEMO_USERS["admin"][0]).first()
        self.rng = random.Random(SEED)
        self.today = timezone.localdate()
        self.counts = dict.fromkeys(COUNT_KEYS, 0)
        self.lots: set[tuple[int, str]] = set()

    def run(self) -> dict[str, int]:
        categories = self.categories()
        products = self.products(categories)
        sites = [self.site(spec) for spec in WAREHOUSES]
        stocked = self.opening_stock(products, sites)
        self.reservations(stocked, sites)
        self.stock_rules(stocked)
        self.counts["lots"] = len(self.lots)
        return self.counts

    def stock_rules(self, stocked: list[Stocked]) -> None:
        """Safety stock and reorder points for a share of the stock; a few set above what is
        on hand so the alerts page has low-stock and reorder rows to show."""
        for index, row in enumerate(self.rng.sample(stocked, min(len(stocked), 60))):
            if index < 6:
                safety = row.free + self.rng.randint(5, 20)  # below safety stock now
            elif index < 10:
                safety = max(0, row.free - 5)  # at the reorder point
            else:
                safety = max(1, row.free // 4)
            reorder = safety + max(5, safety // 2)
            stock_rule_set(
                actor=self.actor,
                sku=row.sku,
                warehouse=row.site.warehouse,
                safety_stock=safety,
                reorder_point=reorder,
                max_stock=reorder * 6,
            )
            self.counts["stock_rules"] += 1

    # Catalog

    def categories(self) -> dict[tuple[str, ...], Category]:
        found: dict[tuple[str, ...], Category] = {}
        for top, children in CATEGORY_TREE.items():
            root = found[(top,)] = self.category(top, None)
            for child, leaves in children.items():
                node = found[(top, child)] = self.category(child, root)
                for leaf in leaves:
                    found[(top, child, leaf)] = self.category(leaf, node)
        return found

    def category(self, name: str, parent: Category | None) -> Category:
        existing = Category.objects.filter(parent=parent, name=name).first()
        if existing is not None:
            return existing
        self.counts["categories"] += 1
        return category_create(actor=self.actor, name=name, parent=parent)

    def products(
        self, categories: dict[tuple[str, ...], Category]
    ) -> list[tuple[ProductSpec, list[Sku]]]:
        items = dict.fromkeys(BRANDS, 100)
        planned = [(spec, _sku_inputs(spec, items)) for spec in PRODUCTS]
        codes = [sku.merchant_code for _spec, skus in planned for sku in skus]
        barcodes = [sku.barcode for _spec, skus in planned for sku in skus if sku.barcode]
        taken = set(
            Sku.objects.filter(merchant_code__in=codes).values_list("merchant_code", flat=True)
        )
        used = set(Sku.objects.filter(barcode__in=barcodes).values_list("barcode", flat=True))
        created: list[tuple[ProductSpec, list[Sku]]] = []
        for spec, inputs in planned:
            if any(sku.merchant_code in taken for sku in inputs):
                continue  # someone already uses these codes: leave their product alone
            for sku in inputs:
                if sku.barcode in used:
                    sku.barcode = None
            product = product_create(
                actor=self.actor,
                title=spec.title,
                skus=inputs,
                category=categories[spec.category],
                brand_name=spec.brand,
                description=spec.description,
                unit=spec.unit,
                status=spec.status,
                is_expiry_tracked=spec.shelf_life_days is not None,
                shelf_life_days=spec.shelf_life_days,
            )
            skus = list(product.skus.all())  # each SKU keeps `product` cached
            created.append((spec, skus))
            self.counts["products"] += 1
            self.counts["skus"] += len(skus)
        return created

    # Warehouses

    def site(self, spec: WarehouseSpec) -> Site:
        warehouse = Warehouse.objects.filter(code=spec.code).first()
        if warehouse is None:
            warehouse = warehouse_create(
                actor=self.actor,
                code=spec.code,
                name=spec.name,
                kind=spec.kind,
                address=spec.address,
            )
            self.counts["warehouses"] += 1
        self.bins(warehouse, ZoneKind.STORAGE, spec.storage_bins)
        self.bins(warehouse, ZoneKind.PICKING, spec.picking_bins)
        active = Bin.objects.filter(warehouse=warehouse, is_active=True).select_related("zone")
        storage = [b for b in active if b.zone.kind == ZoneKind.STORAGE]
        picking = [b for b in active if b.zone.kind == ZoneKind.PICKING]
        return Site(warehouse, storage or picking, picking)

    def bins(self, warehouse: Warehouse, kind: ZoneKind, patterns: list[str]) -> None:
        zone = warehouse.zones.filter(kind=kind).first()
        if zone is None:
            return
        for pattern in patterns:
            codes = expand_bin_pattern(pattern)
            if not Bin.objects.filter(warehouse=warehouse, code__in=codes).exists():
                self.counts["bins"] += len(
                    bins_create(actor=self.actor, zone=zone, pattern=pattern)
                )

    # Stock

    def opening_stock(
        self, products: list[tuple[ProductSpec, list[Sku]]], sites: list[Site]
    ) -> list[Stocked]:
        stocked: list[Stocked] = []
        sites = [site for site in sites if site.storage]
        if not sites:
            return stocked
        main, others = sites[0], sites[1:]
        for spec, skus in products:
            if spec.status == ProductStatus.DRAFT:
                continue  # not listed yet: nothing bought
            low, high = QUANTITY_RANGE[spec.family]
            for sku in skus:
                if self.rng.random() < ZERO_STOCK_SHARE:
                    continue
                extra = self.rng.choices((0, 1, 2), weights=(5, 3, 2))[0]
                chosen = [main, *self.rng.sample(others, min(extra, len(others)))]
                for index, site in enumerate(chosen):
                    top = high if index == 0 else max(low, high // 2)
                    quantity = self.rng.randint(low, top)
                    self.receive(spec, sku, site, quantity)
                    stocked.append(Stocked(sku, site, quantity))
        return stocked

    def receive(self, spec: ProductSpec, sku: Sku, site: Site, quantity: int) -> None:
        lots: list[LotPlan | None] = list(self.lot_plans(spec)) if spec.shelf_life_days else [None]
        for lot, share in zip(lots, _split(quantity, len(lots), self.rng), strict=True):
            placements = [(self.rng.choice(site.storage), share)]
            if site.picking and share >= 10 and self.rng.random() < PICKING_SHARE:
                picked = self.rng.randint(2, share // 4)
                placements = [
                    (placements[0][0], share - picked),
                    (self.rng.choice(site.picking), picked),
                ]
            for bin_obj, units in placements:
                result = stock_receive(
                    actor=self.actor,
                    sku=sku,
                    warehouse=site.warehouse,
                    quantity=units,
                    bin_obj=bin_obj,
                    lot_no=lot.lot_no if lot else "",
                    production_date=lot.production if lot else None,
                    expiry_date=lot.expiry if lot else None,
                    kind=MoveKind.OPENING,
                    note=OPENING_NOTE,
                    source_type="demo",
                    source_id="OPENING",
                )
                self.counts["stock_moves"] += len(result.moves)
            if lot is not None:
                self.lots.add((sku.pk, lot.lot_no))

    def lot_plans(self, spec: ProductSpec) -> list[LotPlan]:
        """One or two lots dated by production day (L20260915), expiry = production + shelf life."""
        shelf = spec.shelf_life_days or 365
        plans: dict[str, LotPlan] = {}
        for _ in range(2 if self.rng.random() < 0.35 else 1):
            if self.rng.random() < NEAR_EXPIRY_SHARE:
                days_left = self.rng.randint(3, 28)
            else:
                days_left = self.rng.randint(45, max(46, shelf - 15))
            expiry = self.today + dt.timedelta(days=days_left)
            production = expiry - dt.timedelta(days=shelf)
            lot_no = f"L{production:%Y%m%d}"
            plans[lot_no] = LotPlan(lot_no, production, expiry)
        return sorted(plans.values(), key=lambda plan: plan.expiry)

    def reservations(self, stocked: list[Stocked], sites: list[Site]) -> None:
        """Marketplace orders (TB…, JD…) holding 1–3 units of one to three SKUs each."""
        serial = 12
        for index in range(RESERVATIONS):
            site = sites[index % len(sites)]
            candidates = [row for row in stocked if row.site is site and row.free >= 3]
            if not candidates:
                continue
            rows = self.rng.sample(candidates, min(len(candidates), self.rng.choice((1, 1, 2, 3))))
            lines = []
            for row in rows:
                quantity = self.rng.randint(1, 3)
                row.free -= quantity
                lines.append(ReservationLine(row.sku, site.warehouse, quantity))
            prefix = ORDER_PREFIXES[index % len(ORDER_PREFIXES)]
            reference = f"{prefix}{self.today:%Y%m%d}{serial:05d}"
            serial += self.rng.randint(3, 40)
            self.counts["reservations"] += len(stock_reserve(reference=reference, lines=lines))


def _sku_inputs(spec: ProductSpec, items: dict[str, int]) -> list[SkuInput]:
    """The product's SKUs: its spec matrix, prices and weight adjusted per spec value, and
    EAN-13 barcodes (brand prefix + item number + check digit) where the product has them."""
    length = width = height = None
    if spec.size_cm:
        length, width, height = (Decimal(value) for value in spec.size_cm)
    skus = skus_from_matrix(
        code_prefix=spec.code,
        axes=spec.axes,
        weight_g=spec.weight_g,
        cost_price=Decimal(spec.cost),
        sale_price=Decimal(spec.sale),
        length_cm=length,
        width_cm=width,
        height_cm=height,
    )
    for sku in skus:
        for value in sku.specs.values():
            if value in spec.adjust:
                cost, sale, grams = spec.adjust[value]
                sku.cost_price += Decimal(cost)
                sku.sale_price += Decimal(sale)
                sku.weight_g = (sku.weight_g or 0) + grams
        if spec.barcodes:
            items[spec.brand] += 1
            first12 = f"{BRANDS[spec.brand]}{items[spec.brand]:05d}"
            sku.barcode = f"{first12}{ean13_check_digit(first12)}"
    return skus


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """`total` in `parts` positive shares (parts <= total)."""
    if parts <= 1:
        return [total]
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    bounds = [0, *cuts, total]
    return [high - low for low, high in itertools.pairwise(bounds)]
