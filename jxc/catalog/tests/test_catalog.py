"""Catalog: domain rules, product creation with a spec matrix, category moves, pages."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jxc.catalog.domain import barcode_problem, ean13_check_digit, spec_matrix
from jxc.catalog.models import Category, Product, Sku
from jxc.catalog.services import (
    SkuInput,
    category_create,
    category_move,
    product_create,
    skus_from_matrix,
)
from jxc.core.exceptions import ApplicationError


@given(st.text(alphabet="0123456789", min_size=12, max_size=12))
def test_ean13_with_its_check_digit_is_valid_and_any_other_digit_is_not(first12: str) -> None:
    check = ean13_check_digit(first12)
    assert barcode_problem(first12 + str(check)) is None
    assert barcode_problem(first12 + str((check + 1) % 10)) == "ean13_checksum"


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["颜色", "尺码", "款式"]), st.lists(st.text(min_size=1), max_size=4)
        ),
        max_size=3,
        unique_by=lambda axis: axis[0],
    )
)
def test_spec_matrix_size_is_the_product_of_distinct_values(axes: list) -> None:
    combos = spec_matrix(axes)
    expected = 1
    for _axis, values in axes:
        distinct = {v.strip() for v in values if v.strip()}
        expected *= len(distinct) or 1
    assert len(combos) == expected
    assert len({c.values for c in combos}) == len(combos)


@pytest.mark.django_db
def test_product_with_colour_by_size_matrix() -> None:
    skus = skus_from_matrix(
        code_prefix="TX24",
        axes=[("颜色", ["红", "白"]), ("尺码", ["S", "M", "L"])],
        sale_price=Decimal("59"),
    )
    product = product_create(actor=None, title="纯棉T恤", skus=skus)
    labels = list(product.skus.order_by("merchant_code").values_list("spec_label", flat=True))
    assert labels == ["红 / S", "红 / M", "红 / L", "白 / S", "白 / M", "白 / L"]
    assert Sku.objects.get(merchant_code="TX24-06").specs == {"颜色": "白", "尺码": "L"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sku", "field"),
    [
        (SkuInput(merchant_code="bad code!"), "skus.0.merchant_code"),
        (SkuInput(merchant_code="OK-1", barcode="6901234567890"), "skus.0.barcode"),
        (SkuInput(merchant_code="OK-2", sale_price=Decimal("-1")), "skus.0.sale_price"),
    ],
)
def test_bad_sku_input_names_the_field_and_writes_nothing(sku: SkuInput, field: str) -> None:
    with pytest.raises(ApplicationError) as error:
        product_create(actor=None, title="x", skus=[sku])
    assert error.value.details[0]["field"] == field
    assert not Product.objects.exists()


@pytest.mark.django_db
def test_duplicate_codes_in_one_request_are_refused() -> None:
    with pytest.raises(ApplicationError) as error:
        product_create(
            actor=None, title="x", skus=[SkuInput(merchant_code="D1"), SkuInput(merchant_code="D1")]
        )
    assert error.value.code == "duplicate"


@pytest.mark.django_db
def test_category_tree_move_and_no_cycles() -> None:
    clothes = category_create(actor=None, name="服装")
    men = category_create(actor=None, name="男装", parent=clothes)
    tees = category_create(actor=None, name="T恤", parent=men)
    digital = category_create(actor=None, name="数码")
    category_move(actor=None, category=men, parent=digital)
    tees.refresh_from_db()
    assert tees.path.startswith(digital.path)
    with pytest.raises(ApplicationError):
        category_move(actor=None, category=digital, parent=tees)
    assert Category.objects.get(pk=digital.pk).parent is None


@pytest.mark.django_db
def test_product_pages(make_user: Any, login_client: Any) -> None:
    admin = login_client(make_user("admin"))
    created = admin.post(
        "/catalog/new/",
        {
            "title": "运动卫衣",
            "status": "on_sale",
            "code_prefix": "WY25",
            "specs": "颜色：黑，灰\n尺码: M, L",
            "cost_price": "60",
            "sale_price": "139",
        },
    )
    assert created.status_code == 302, created.context["form"].errors
    assert Sku.objects.filter(merchant_code__startswith="WY25-").count() == 4
    listing = admin.get("/catalog/", {"q": "WY25-03"})
    assert [p.title for p in listing.context["page"]] == ["运动卫衣"]
    bad = admin.post(
        "/catalog/new/",
        {
            "title": "x",
            "status": "draft",
            "code_prefix": "WY25",
            "specs": "颜色 红",
            "cost_price": "0",
            "sale_price": "0",
        },
    )
    assert bad.status_code == 400
    assert "specs" in bad.context["form"].errors
    scan = admin.get("/catalog/scan/", {"code": "WY25-01"})
    assert scan.context["sku"].merchant_code == "WY25-01"
    viewer = login_client(make_user("viewer"))
    assert viewer.get("/catalog/").status_code == 403


@pytest.mark.django_db
def test_edit_product_sku_and_categories(make_user: Any, login_client: Any) -> None:
    from jxc.accounts.models import AuditEntry

    product = product_create(
        actor=None,
        title="帆布包",
        skus=[SkuInput(merchant_code="FB-1"), SkuInput(merchant_code="FB-2")],
    )
    sku = Sku.objects.get(merchant_code="FB-1")
    client = login_client(make_user("operations"))
    response = client.post(
        f"/catalog/{product.pk}/edit/",
        {"title": "帆布托特包", "status": "on_sale", "unit": "个", "brand": "布艺坊"},
    )
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title, product.status, str(product.brand)) == (
        "帆布托特包",
        "on_sale",
        "布艺坊",
    )
    entry = AuditEntry.objects.filter(object_type="catalog.product", action="update").get()
    assert entry.changes["status"] == ["draft", "on_sale"]
    taken = client.post(
        f"/catalog/sku/{sku.pk}/edit/",
        {"barcode": "6901234567892", "cost_price": "10", "sale_price": "39"},
    )
    assert taken.status_code == 302
    other = Sku.objects.get(merchant_code="FB-2")
    duplicate = client.post(
        f"/catalog/sku/{other.pk}/edit/",
        {"barcode": "6901234567892", "cost_price": "1", "sale_price": "2"},
    )
    assert duplicate.status_code == 400
    assert "barcode" in duplicate.context["form"].errors
    assert client.post("/catalog/categories/", {"name": "箱包"}).status_code == 302
    bags = Category.objects.get(name="箱包")
    client.post("/catalog/categories/", {"name": "女包"})
    women = Category.objects.get(name="女包")
    moved = client.post(
        "/catalog/categories/", {"category_id": women.pk, "name": "女士包", "parent": bags.pk}
    )
    assert moved.status_code == 302
    women.refresh_from_db()
    assert (women.name, women.parent_id) == ("女士包", bags.pk)
    assert (
        login_client(make_user("warehouse")).post("/catalog/categories/", {"name": "x"}).status_code
        == 403
    )
