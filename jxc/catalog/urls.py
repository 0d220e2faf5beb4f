from django.urls import path

from . import views, views_edit

app_name = "catalog"

urlpatterns = [
    path("", views.product_list, name="products"),
    path("new/", views.product_create, name="product-create"),
    path("<int:product_id>/", views.product_detail, name="product"),
    path("scan/", views.sku_scan, name="scan"),
    path("<int:product_id>/edit/", views_edit.product_edit, name="product-edit"),
    path("sku/<int:sku_id>/edit/", views_edit.sku_edit, name="sku-edit"),
    path("categories/", views_edit.category_list, name="categories"),
]
