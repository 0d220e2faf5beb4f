from django.urls import path

from . import views
from .navigation import PLANNED_ITEMS

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    *[
        path(f"m/{item.slug}/", views.module_page(item), name=f"module-{item.slug}")
        for item in PLANNED_ITEMS
    ],
]
