"""Data tables for the demo catalog and stock (see demo.py). Brand names are invented.

Prices are CNY; weights in grams; sizes in cm (length, width, height). `adjust` adds
(cost, sale, weight) to a SKU for each of its spec values, e.g. the bigger pack of a snack.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jxc.catalog.enums import ProductStatus

from .enums import WarehouseKind

# The merchant code whose presence means the demo catalog is already loaded.
DEMO_MARKER_CODE = "TX2401-01"

CATEGORY_TREE: dict[str, dict[str, list[str]]] = {
    "服装": {
        "男装": ["T恤", "POLO衫", "卫衣", "休闲裤"],
        "女装": ["T恤", "卫衣", "连衣裙", "针织衫"],
    },
    "数码": {"手机配件": [], "耳机": [], "电脑外设": []},
    "食品": {"零食": [], "饮料": [], "乳品": []},
    "美妆": {"护肤": [], "彩妆": []},
    "家居": {"床品": [], "收纳": [], "厨具": []},
}

# Invented brands with an invented GS1-China-style company prefix (690–699 + 4 digits).
BRANDS: dict[str, str] = {
    "棉小满": "6937215",
    "北岸织造": "6948320",
    "青禾衣舍": "6952716",
    "电小匠": "6975402",
    "声屿": "6971183",
    "澜芯数码": "6968871",
    "山野小馋": "6923506",
    "果仓记": "6931479",
    "溪谷饮品": "6957842",
    "牧云乳业": "6945230",
    "颜初": "6960318",
    "植萃坊": "6963725",
    "露芊": "6918840",
    "栖木家居": "6912075",
    "简屋日用": "6926644",
}

# Opening quantity range per family, for the main warehouse (others get about half).
QUANTITY_RANGE: dict[str, tuple[int, int]] = {
    "apparel": (8, 120),
    "digital": (15, 260),
    "food": (40, 480),
    "beauty": (12, 180),
    "home": (6, 90),
}


@dataclass(frozen=True)
class ProductSpec:
    code: str  # merchant-code prefix: SKUs are CODE-01, CODE-02 …
    title: str
    category: tuple[str, ...]
    brand: str
    family: str
    axes: list[tuple[str, list[str]]]
    cost: str
    sale: str
    weight_g: int
    size_cm: tuple[str, str, str] | None = None
    adjust: dict[str, tuple[str, str, int]] = field(default_factory=dict)
    status: str = ProductStatus.ON_SALE
    shelf_life_days: int | None = None  # set: expiry (and lot) tracked
    barcodes: bool = False
    unit: str = "件"
    description: str = ""


COLOURS_5 = ["白色", "黑色", "藏青", "雾霾蓝", "燕麦色"]
SIZES_5 = ["S", "M", "L", "XL", "XXL"]
SIZES_4 = ["S", "M", "L", "XL"]
BIG_SIZES = {"XL": ("1.50", "0", 20), "XXL": ("2.50", "10", 40)}

# fmt: off
PRODUCTS: list[ProductSpec] = [
    # 服装: 颜色 × 尺码
    ProductSpec(
        "TX2401", "男士纯棉圆领短袖T恤 230g重磅", ("服装", "男装", "T恤"), "棉小满", "apparel",
        [("颜色", COLOURS_5), ("尺码", SIZES_5)], "18.50", "59.00", 240,
        ("30", "25", "3"), BIG_SIZES, barcodes=True,
        description="新疆长绒棉，230g 重磅面料，不易变形。",
    ),
    ProductSpec(
        "TX2402", "男士宽松落肩oversize短袖T恤", ("服装", "男装", "T恤"), "北岸织造", "apparel",
        [("颜色", ["白色", "黑色", "灰色", "卡其"]), ("尺码", SIZES_5)], "22.00", "79.00", 260,
        ("30", "25", "3"), BIG_SIZES,
    ),
    ProductSpec(
        "TX2403", "女士修身圆领短袖T恤 莫代尔", ("服装", "女装", "T恤"), "青禾衣舍", "apparel",
        [("颜色", ["白色", "黑色", "浅粉", "奶油黄", "薄荷绿"]), ("尺码", SIZES_4)],
        "15.80", "49.90", 160, ("28", "22", "2"), barcodes=True,
    ),
    ProductSpec(
        "TX2404", "男士商务翻领POLO衫 珠地棉", ("服装", "男装", "POLO衫"), "北岸织造", "apparel",
        [("颜色", ["白色", "藏青", "酒红", "墨绿"]), ("尺码", SIZES_5)], "32.00", "119.00", 280,
        ("32", "26", "3"), BIG_SIZES,
    ),
    ProductSpec(
        "WY2401", "男士连帽加绒卫衣 秋冬款", ("服装", "男装", "卫衣"), "北岸织造", "apparel",
        [("颜色", ["黑色", "灰色", "藏青", "燕麦色"]), ("尺码", SIZES_5)], "45.00", "159.00", 620,
        ("35", "28", "6"), BIG_SIZES,
    ),
    ProductSpec(
        "WY2402", "女士圆领宽松卫衣 慵懒风", ("服装", "女装", "卫衣"), "青禾衣舍", "apparel",
        [("颜色", ["奶白", "雾紫", "浅灰", "焦糖色"]), ("尺码", SIZES_4)], "38.00", "129.00", 480,
        ("33", "27", "5"),
    ),
    ProductSpec(
        "KZ2401", "男士直筒休闲长裤 弹力免烫", ("服装", "男装", "休闲裤"), "棉小满", "apparel",
        [("颜色", ["黑色", "卡其", "深灰"]), ("尺码", ["29", "30", "31", "32", "34"])],
        "36.00", "139.00", 450, ("35", "28", "4"),
    ),
    ProductSpec(
        "LY2401", "女士法式碎花连衣裙 夏季雪纺", ("服装", "女装", "连衣裙"), "青禾衣舍", "apparel",
        [("颜色", ["蓝色碎花", "黄色碎花", "黑色碎花"]), ("尺码", SIZES_4)], "42.00", "169.00",
        300, ("35", "25", "4"),
    ),
    ProductSpec(
        "LY2402", "女士收腰针织连衣裙 秋冬新款", ("服装", "女装", "连衣裙"), "青禾衣舍", "apparel",
        [("颜色", ["黑色", "燕麦色", "酒红"]), ("尺码", SIZES_4)], "58.00", "219.00", 520,
        ("35", "28", "5"), status=ProductStatus.DRAFT,
    ),
    ProductSpec(
        "ZZ2401", "女士V领针织开衫 羊毛混纺", ("服装", "女装", "针织衫"), "棉小满", "apparel",
        [("颜色", ["米白", "驼色", "雾霾蓝"]), ("尺码", SIZES_4)], "49.00", "189.00", 380,
        ("33", "26", "5"),
    ),
    # 数码
    ProductSpec(
        "SJ2401", "20W PD快充充电头", ("数码", "手机配件"), "电小匠", "digital",
        [("颜色", ["白色", "黑色"])], "11.50", "39.00", 45, ("6.0", "4.5", "3.0"), barcodes=True,
    ),
    ProductSpec(
        "SJ2402", "磁吸无线充电宝 10000mAh", ("数码", "手机配件"), "电小匠", "digital",
        [("颜色", ["星光白", "石墨黑", "远峰蓝"])], "58.00", "149.00", 220,
        ("10.5", "6.8", "1.8"), barcodes=True,
    ),
    ProductSpec(
        "SJ2403", "液态硅胶手机壳 全包防摔", ("数码", "手机配件"), "澜芯数码", "digital",
        [("规格", ["6.1英寸", "6.7英寸"]), ("颜色", ["黑色", "白色", "午夜蓝", "薰衣草紫"])],
        "4.20", "29.90", 40, ("17.0", "9.0", "1.5"),
    ),
    ProductSpec(
        "SJ2404", "快充编织数据线", ("数码", "手机配件"), "电小匠", "digital",
        [("接口", ["USB-C转USB-C", "USB-A转USB-C"]), ("长度", ["1m", "2m"])],
        "5.80", "25.00", 35, ("12.0", "8.0", "2.0"), {"2m": ("1.20", "6", 15)}, barcodes=True,
    ),
    ProductSpec(
        "SJ2405", "钢化膜 高清防指纹 2片装", ("数码", "手机配件"), "澜芯数码", "digital",
        [("规格", ["6.1英寸", "6.7英寸"]), ("款式", ["高清", "防窥"])], "2.50", "19.90", 30,
        ("18.0", "10.0", "1.0"), {"防窥": ("1.00", "10", 0)},
    ),
    ProductSpec(
        "SJ2406", "桌面折叠手机支架 铝合金", ("数码", "手机配件"), "澜芯数码", "digital",
        [("颜色", ["银色", "深空灰", "玫瑰金"])], "9.80", "35.00", 160, ("12.0", "8.0", "3.0"),
    ),
    ProductSpec(
        "EJ2401", "真无线蓝牙耳机 主动降噪", ("数码", "耳机"), "声屿", "digital",
        [("颜色", ["珍珠白", "曜石黑", "薄荷绿"])], "86.00", "269.00", 120,
        ("10.0", "10.0", "4.5"), barcodes=True,
    ),
    ProductSpec(
        "EJ2402", "头戴式降噪耳机 长续航", ("数码", "耳机"), "声屿", "digital",
        [("颜色", ["黑色", "云雾白", "深海蓝"])], "168.00", "499.00", 420,
        ("22.0", "19.0", "8.0"), barcodes=True,
    ),
    ProductSpec(
        "EJ2403", "运动挂脖蓝牙耳机 IPX5防水", ("数码", "耳机"), "声屿", "digital",
        [("颜色", ["黑色", "活力橙"])], "39.00", "129.00", 90, ("15.0", "12.0", "4.0"),
    ),
    ProductSpec(
        "EJ2404", "入耳式有线耳机 带麦", ("数码", "耳机"), "声屿", "digital",
        [("接口", ["3.5mm", "USB-C"])], "8.50", "29.00", 30, ("12.0", "8.0", "2.0"),
        status=ProductStatus.OFF_SALE,
    ),
    ProductSpec(
        "PC2401", "静音无线鼠标 2.4G+蓝牙双模", ("数码", "电脑外设"), "澜芯数码", "digital",
        [("颜色", ["黑色", "白色", "浅粉"])], "24.00", "69.00", 95, ("12.0", "7.0", "4.5"),
        barcodes=True,
    ),
    ProductSpec(
        "PC2402", "87键机械键盘 热插拔", ("数码", "电脑外设"), "澜芯数码", "digital",
        [("轴体", ["红轴", "青轴", "茶轴"])], "128.00", "329.00", 900, ("38.0", "15.0", "5.0"),
        status=ProductStatus.DRAFT,
    ),
    # 食品: expiry tracked
    ProductSpec(
        "SP2401", "每日坚果 混合果仁", ("食品", "零食"), "山野小馋", "food",
        [("规格", ["25g×7袋", "25g×30袋"])], "16.80", "39.90", 200, ("20", "15", "6"),
        {"25g×30袋": ("51.00", "80", 640)}, shelf_life_days=270, barcodes=True, unit="盒",
    ),
    ProductSpec(
        "SP2402", "风干手撕牛肉干", ("食品", "零食"), "山野小馋", "food",
        [("口味", ["原味", "香辣", "五香"]), ("规格", ["100g", "250g"])], "18.50", "39.90", 115,
        ("18", "12", "3"), {"250g": ("24.00", "40", 145)}, shelf_life_days=270, barcodes=True,
        unit="袋",
    ),
    ProductSpec(
        "SP2403", "芒果干 无添加蔗糖", ("食品", "零食"), "果仓记", "food",
        [("规格", ["80g", "200g"])], "6.50", "16.90", 90, ("16", "11", "3"),
        {"200g": ("8.50", "15", 125)}, shelf_life_days=360, barcodes=True, unit="袋",
    ),
    ProductSpec(
        "SP2404", "海苔脆片 儿童零食", ("食品", "零食"), "果仓记", "food",
        [("口味", ["原味", "芝麻"])], "5.20", "14.90", 45, ("15", "10", "4"),
        status=ProductStatus.OFF_SALE, shelf_life_days=300, barcodes=True, unit="袋",
    ),
    ProductSpec(
        "SP2405", "全麦手撕面包 早餐整箱", ("食品", "零食"), "果仓记", "food",
        [("规格", ["1kg箱装", "2kg箱装"])], "19.00", "39.90", 1080, ("30", "20", "12"),
        {"2kg箱装": ("17.00", "30", 1050)}, shelf_life_days=180, barcodes=True, unit="箱",
    ),
    ProductSpec(
        "YL2401", "冷萃黑咖啡 无糖", ("食品", "饮料"), "溪谷饮品", "food",
        [("口味", ["经典", "榛果", "燕麦拿铁"]), ("规格", ["单瓶270ml", "270ml×12瓶"])],
        "3.60", "8.90", 300, ("6", "6", "18"), {"270ml×12瓶": ("38.00", "80", 3300)},
        shelf_life_days=360, barcodes=True, unit="瓶",
    ),
    ProductSpec(
        "YL2402", "0糖气泡水 480ml×15瓶", ("食品", "饮料"), "溪谷饮品", "food",
        [("口味", ["白桃", "青柠", "荔枝", "西柚"])], "26.00", "49.90", 7500,
        ("33", "20", "22"), shelf_life_days=270, barcodes=True, unit="箱",
    ),
    ProductSpec(
        "YL2403", "100%椰子水 NFC", ("食品", "饮料"), "溪谷饮品", "food",
        [("规格", ["330ml×6瓶", "330ml×12瓶"])], "29.00", "59.00", 2150, ("25", "17", "14"),
        {"330ml×12瓶": ("27.00", "50", 2100)}, shelf_life_days=365, barcodes=True, unit="箱",
    ),
    ProductSpec(
        "RP2401", "高钙纯牛奶 整箱", ("食品", "乳品"), "牧云乳业", "food",
        [("规格", ["250ml×12盒", "250ml×24盒"])], "29.50", "49.90", 3300, ("28", "20", "12"),
        {"250ml×24盒": ("27.50", "40", 3200)}, shelf_life_days=180, barcodes=True, unit="箱",
    ),
    ProductSpec(
        "RP2402", "常温希腊酸奶", ("食品", "乳品"), "牧云乳业", "food",
        [("口味", ["原味", "黄桃燕麦"]), ("规格", ["200g×10瓶", "200g×16瓶"])], "32.00",
        "59.90", 2300, ("30", "18", "10"), {"200g×16瓶": ("18.00", "30", 1300)},
        shelf_life_days=180, barcodes=True, unit="箱",
    ),
    ProductSpec(
        "RP2403", "儿童成长奶粉 3段 800g", ("食品", "乳品"), "牧云乳业", "food",
        [("规格", ["单罐", "两罐装"])], "118.00", "228.00", 1050, ("13", "13", "18"),
        {"两罐装": ("116.00", "210", 1050)}, shelf_life_days=540, barcodes=True, unit="罐",
    ),
    # 美妆
    ProductSpec(
        "HF2401", "玻尿酸补水保湿面膜", ("美妆", "护肤"), "颜初", "beauty",
        [("规格", ["5片装", "10片装"])], "12.00", "49.00", 160, ("20", "14", "3"),
        {"10片装": ("11.00", "40", 150)}, shelf_life_days=1095, barcodes=True, unit="盒",
    ),
    ProductSpec(
        "HF2402", "烟酰胺亮肤精华液", ("美妆", "护肤"), "颜初", "beauty",
        [("规格", ["30ml", "50ml"])], "28.00", "129.00", 120, ("12", "5", "5"),
        {"50ml": ("14.00", "60", 40)}, shelf_life_days=1095, barcodes=True, unit="瓶",
    ),
    ProductSpec(
        "HF2403", "氨基酸温和洁面乳", ("美妆", "护肤"), "植萃坊", "beauty",
        [("规格", ["100g", "150g"])], "9.50", "45.00", 130, ("18", "5", "4"),
        {"150g": ("3.50", "14", 50)}, shelf_life_days=1095, barcodes=True, unit="支",
    ),
    ProductSpec(
        "HF2404", "清透防晒乳 SPF50+ PA++++", ("美妆", "护肤"), "植萃坊", "beauty",
        [("规格", ["50ml", "50ml×2支"])], "26.00", "99.00", 85, ("14", "5", "4"),
        {"50ml×2支": ("25.00", "70", 85)}, shelf_life_days=1095, barcodes=True, unit="支",
    ),
    ProductSpec(
        "HF2405", "积雪草舒缓保湿乳", ("美妆", "护肤"), "植萃坊", "beauty", [], "22.00",
        "89.00", 150, ("15", "6", "6"), barcodes=True, unit="瓶",
    ),
    ProductSpec(
        "CZ2401", "丝绒哑光口红", ("美妆", "彩妆"), "露芊", "beauty",
        [("色号", ["#01 枫叶红", "#03 豆沙", "#05 砖红", "#07 奶茶", "#09 正红", "#12 玫瑰"])],
        "15.00", "89.00", 30, ("9", "3", "3"), shelf_life_days=1095, barcodes=True, unit="支",
    ),
    ProductSpec(
        "CZ2402", "轻薄遮瑕气垫粉底", ("美妆", "彩妆"), "露芊", "beauty",
        [("色号", ["象牙白", "自然色", "小麦色"])], "35.00", "139.00", 90, ("10", "10", "4"),
        shelf_life_days=1095, barcodes=True, unit="盒",
    ),
    ProductSpec(
        "CZ2403", "九色大地色眼影盘", ("美妆", "彩妆"), "露芊", "beauty",
        [("色号", ["日落橘", "奶茶棕"])], "21.00", "79.00", 110, ("12", "9", "2"),
        barcodes=True, unit="盒",
    ),
    ProductSpec(
        "CZ2404", "极细防水眉笔 双头", ("美妆", "彩妆"), "颜初", "beauty",
        [("颜色", ["自然棕", "深咖", "灰黑"])], "4.80", "29.90", 15, ("15", "2", "1"),
        barcodes=True, unit="支",
    ),
    # 家居
    ProductSpec(
        "JJ2401", "水洗棉床上四件套", ("家居", "床品"), "栖木家居", "home",
        [("颜色", ["浅灰", "燕麦色", "雾蓝", "豆绿"]), ("尺寸", ["1.5m床", "1.8m床"])],
        "86.00", "239.00", 2400, ("40", "30", "12"), {"1.8m床": ("12.00", "40", 300)},
        unit="套",
    ),
    ProductSpec(
        "JJ2402", "天然乳胶枕 护颈", ("家居", "床品"), "栖木家居", "home",
        [("规格", ["单只装", "一对装"])], "48.00", "139.00", 1100, ("60", "40", "12"),
        {"一对装": ("46.00", "120", 1100)}, unit="个",
    ),
    ProductSpec(
        "JJ2403", "可折叠衣物收纳箱 带盖", ("家居", "收纳"), "简屋日用", "home",
        [("规格", ["小号 30L", "中号 55L", "大号 80L"]), ("颜色", ["米白", "浅灰"])],
        "14.00", "39.90", 900, ("45", "32", "6"),
        {"中号 55L": ("6.00", "10", 300), "大号 80L": ("12.00", "20", 600)},
    ),
    ProductSpec(
        "JJ2404", "植绒防滑衣架 20只装", ("家居", "收纳"), "简屋日用", "home",
        [("颜色", ["灰色", "米色"])], "13.50", "32.90", 1200, ("45", "22", "8"), unit="包",
    ),
    ProductSpec(
        "JJ2405", "麦饭石不粘炒锅 燃气电磁炉通用", ("家居", "厨具"), "栖木家居", "home",
        [("规格", ["24cm", "28cm", "32cm"])], "55.00", "169.00", 1400, ("50", "30", "12"),
        {"28cm": ("10.00", "30", 300), "32cm": ("20.00", "60", 600)}, barcodes=True,
        unit="口",
    ),
    ProductSpec(
        "JJ2406", "316不锈钢保温杯", ("家居", "厨具"), "简屋日用", "home",
        [("颜色", ["奶白", "雾蓝", "樱粉", "墨黑"]), ("容量", ["350ml", "500ml"])],
        "24.00", "79.00", 260, ("22", "8", "8"), {"500ml": ("4.00", "10", 60)}, barcodes=True,
        unit="个",
    ),
]
# fmt: on


@dataclass(frozen=True)
class WarehouseSpec:
    code: str
    name: str
    kind: str
    address: str
    storage_bins: list[str]  # patterns in the storage zone
    picking_bins: list[str]  # patterns in the picking zone


# fmt: off
WAREHOUSES: list[WarehouseSpec] = [
    WarehouseSpec(
        "SH", "上海主仓", WarehouseKind.OWN, "上海市青浦区华新镇新凤中路 588 号 3 号库",
        ["A-{01..04}-{01..05}", "B-{01..03}-{01..05}"], ["P-{01..08}"],
    ),
    WarehouseSpec(
        "GZ", "广州仓", WarehouseKind.OWN, "广东省广州市白云区太和镇大源北路 126 号",
        ["A-{01..04}-{01..05}"], ["P-{01..04}"],
    ),
    WarehouseSpec(
        "CD", "成都云仓", WarehouseKind.THIRD_PARTY, "四川省成都市双流区西航港街道物联大道 99 号",
        ["A-{01..03}-{01..05}"], ["P-{01..03}"],
    ),
]
# fmt: on

# Marketplace order-number prefixes for demo reservations (淘宝 京东 拼多多 抖音).
ORDER_PREFIXES = ["TB", "JD", "PDD", "DY"]
