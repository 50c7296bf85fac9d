package com.zhidian.samplestore.year;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** A few hundred products in real convenience-store and supermarket categories, drawn from a seed. */
final class Products {
    private Products() {}

    /** zh/en category, unit, spec list, base price fen, shelf life days, case pack, heat, festival, online, brands, items. */
    private record Cat(String zh, String en, String unit, String[] specs, long price, int shelf, int pack,
                       double heat, double festival, double online, double baseDaily, String[] brands, String[] items) {}

    private static String[] a(String... s) { return s; }

    private static final List<Cat> CATS = List.of(
            new Cat("饮料/饮用水", "Drinks/Water", "瓶", a("550ml", "1.5L", "380ml"), 200, 540, 24, 1.0, 0.1, 0.1, 6,
                    a("农夫山泉|Nongfu Spring", "怡宝|C'estbon", "百岁山|Ganten", "景田|Jingtian"), a("饮用天然水|Natural Water", "纯净水|Purified Water")),
            new Cat("饮料/碳酸饮料", "Drinks/Soft drinks", "罐", a("330ml", "500ml"), 300, 365, 24, 0.9, 0.3, 0.1, 3,
                    a("可口可乐|Coca-Cola", "百事|Pepsi", "元气森林|Genki Forest", "北冰洋|Arctic Ocean"), a("可乐|Cola", "雪碧|Lemon-lime Soda", "气泡水|Sparkling Water", "橙味汽水|Orange Soda")),
            new Cat("饮料/茶饮料", "Drinks/Tea drinks", "瓶", a("500ml", "900ml"), 400, 365, 15, 0.8, 0.2, 0.1, 2.5,
                    a("康师傅|Master Kong", "统一|Uni-President", "东方树叶|Oriental Leaf", "三得利|Suntory"), a("冰红茶|Iced Black Tea", "绿茶|Green Tea", "乌龙茶|Oolong Tea", "茉莉花茶|Jasmine Tea")),
            new Cat("饮料/功能饮料", "Drinks/Energy drinks", "罐", a("250ml"), 600, 540, 24, 0.6, 0.1, 0.1, 1.5,
                    a("红牛|Red Bull", "东鹏|Eastroc", "魔爪|Monster"), a("能量饮料|Energy Drink", "维生素饮料|Vitamin Drink")),
            new Cat("乳制品/牛奶", "Dairy/Milk", "盒", a("250ml", "950ml"), 350, 7, 12, 0.1, 0.4, 0.2, 3,
                    a("伊利|Yili", "蒙牛|Mengniu", "光明|Bright", "三元|Sanyuan"), a("纯牛奶|Whole Milk", "鲜牛奶|Fresh Milk", "低脂牛奶|Low-fat Milk")),
            new Cat("乳制品/酸奶", "Dairy/Yoghurt", "杯", a("100g", "200g"), 500, 21, 12, 0.2, 0.2, 0.1, 2,
                    a("安慕希|Ambpoial", "简爱|Simple Love", "君乐宝|Junlebao"), a("原味酸奶|Plain Yoghurt", "草莓酸奶|Strawberry Yoghurt", "希腊酸奶|Greek Yoghurt")),
            new Cat("方便速食/方便面", "Instant food/Noodles", "袋", a("105g", "5连包"), 450, 180, 24, 0.0, 0.1, 0.2, 2.5,
                    a("康师傅|Master Kong", "统一|Uni-President", "今麦郎|Jinmailang", "白象|Baixiang"), a("红烧牛肉面|Braised Beef Noodles", "老坛酸菜面|Pickled Cabbage Noodles", "香辣牛肉面|Spicy Beef Noodles")),
            new Cat("方便速食/即食", "Instant food/Ready meals", "盒", a("260g"), 1290, 270, 12, 0.0, 0.1, 0.3, 0.8,
                    a("自嗨锅|Zihaiguo", "莫小仙|Moxiaoxian", "海底捞|Haidilao"), a("自热火锅|Self-heating Hot Pot", "自热米饭|Self-heating Rice")),
            new Cat("休闲零食/膨化食品", "Snacks/Crisps", "袋", a("70g", "135g"), 650, 270, 20, 0.0, 0.5, 0.3, 1.8,
                    a("乐事|Lay's", "上好佳|Oishi", "可比克|Copico"), a("原味薯片|Original Crisps", "黄瓜味薯片|Cucumber Crisps", "番茄味薯片|Tomato Crisps")),
            new Cat("休闲零食/坚果", "Snacks/Nuts", "袋", a("160g", "750g礼盒"), 2590, 240, 10, 0.0, 2.0, 0.6, 0.5,
                    a("三只松鼠|Three Squirrels", "良品铺子|Bestore", "洽洽|ChaCheer"), a("每日坚果|Daily Nuts", "碧根果|Pecans", "开心果|Pistachios", "瓜子|Sunflower Seeds")),
            new Cat("休闲零食/糖果巧克力", "Snacks/Sweets", "袋", a("52g", "228g"), 900, 365, 24, 0.0, 1.6, 0.3, 1.0,
                    a("德芙|Dove", "大白兔|White Rabbit", "徐福记|Hsu Fu Chi"), a("巧克力|Chocolate", "奶糖|Milk Candy", "酥心糖|Crispy Candy")),
            new Cat("冷冻食品/冰淇淋", "Frozen/Ice cream", "支", a("75g", "90g"), 500, 365, 40, 2.2, 0.0, 0.1, 1.2,
                    a("伊利|Yili", "蒙牛|Mengniu", "和路雪|Wall's", "钟薛高|Chicecream"), a("巧乐兹|Choc Bar", "绿色心情|Mung Bean Bar", "随变|Cone", "冰工厂|Ice Pop")),
            new Cat("冷冻食品/速冻", "Frozen/Dumplings", "袋", a("500g", "1kg"), 1990, 365, 10, 0.0, 1.8, 0.2, 0.6,
                    a("思念|Synear", "三全|Sanquan", "湾仔码头|Wanchai Ferry"), a("猪肉白菜水饺|Pork Cabbage Dumplings", "汤圆|Tangyuan", "小笼包|Soup Buns")),
            new Cat("生鲜果蔬/水果", "Fresh/Fruit", "kg", a("称重"), 1200, 7, 10, 0.3, 1.0, 0.2, 1200,
                    a("本地|Local"), a("苹果|Apples", "香蕉|Bananas", "橙子|Oranges", "西瓜|Watermelon", "葡萄|Grapes", "梨|Pears")),
            new Cat("生鲜果蔬/蔬菜", "Fresh/Vegetables", "kg", a("称重"), 600, 4, 10, 0.0, 0.8, 0.1, 1000,
                    a("本地|Local"), a("西红柿|Tomatoes", "黄瓜|Cucumbers", "土豆|Potatoes", "大白菜|Chinese Cabbage", "青椒|Green Peppers", "胡萝卜|Carrots")),
            new Cat("粮油调味/米面", "Staples/Rice & flour", "袋", a("5kg", "2.5kg"), 3990, 365, 4, 0.0, 1.3, 0.5, 0.4,
                    a("金龙鱼|Arawana", "福临门|Fortune", "五常|Wuchang"), a("东北大米|Northeast Rice", "面粉|Wheat Flour")),
            new Cat("粮油调味/食用油", "Staples/Oil", "桶", a("5L", "1.8L"), 6990, 540, 4, 0.0, 1.8, 0.6, 0.25,
                    a("金龙鱼|Arawana", "鲁花|Luhua", "福临门|Fortune"), a("花生油|Peanut Oil", "调和油|Blended Oil")),
            new Cat("粮油调味/调味品", "Staples/Seasoning", "瓶", a("500ml", "1.3L"), 990, 720, 12, 0.0, 1.0, 0.3, 0.5,
                    a("海天|Haday", "李锦记|Lee Kum Kee", "老干妈|Lao Gan Ma", "恒顺|Hengshun"), a("生抽|Light Soy Sauce", "老抽|Dark Soy Sauce", "香醋|Vinegar", "蚝油|Oyster Sauce")),
            new Cat("日化清洁/洗衣", "Household/Laundry", "瓶", a("2kg", "3kg"), 3290, 1080, 6, 0.0, 0.2, 1.4, 0.2,
                    a("蓝月亮|Bluemoon", "立白|Liby", "奥妙|Omo"), a("洗衣液|Laundry Liquid", "洗衣凝珠|Laundry Pods")),
            new Cat("日化清洁/纸品", "Household/Paper", "提", a("10卷", "3包"), 2590, 1080, 6, 0.0, 0.5, 1.2, 0.5,
                    a("维达|Vinda", "清风|Breeze", "心相印|Hearttex"), a("卷纸|Toilet Rolls", "抽纸|Facial Tissues", "湿巾|Wet Wipes")),
            new Cat("个护/口腔", "Personal care/Oral", "支", a("120g"), 1590, 1080, 24, 0.0, 0.1, 1.3, 0.2,
                    a("云南白药|Yunnan Baiyao", "高露洁|Colgate", "黑人|Darlie"), a("牙膏|Toothpaste", "牙刷|Toothbrush")),
            new Cat("个护/洗护", "Personal care/Hair & body", "瓶", a("400ml", "750ml"), 4590, 1080, 12, 0.1, 0.2, 1.5, 0.15,
                    a("海飞丝|Head & Shoulders", "清扬|Clear", "舒肤佳|Safeguard"), a("洗发水|Shampoo", "沐浴露|Shower Gel", "护发素|Conditioner")),
            new Cat("酒水/啤酒", "Liquor/Beer", "罐", a("500ml", "330ml"), 600, 270, 24, 1.5, 0.8, 0.1, 1.5,
                    a("青岛|Tsingtao", "雪花|Snow", "燕京|Yanjing", "哈尔滨|Harbin"), a("纯生啤酒|Draught Beer", "经典啤酒|Classic Lager")),
            new Cat("酒水/白酒", "Liquor/Baijiu", "瓶", a("500ml", "100ml"), 8800, 3650, 6, 0.0, 4.0, 0.4, 0.08,
                    a("牛栏山|Niulanshan", "红星|Red Star", "洋河|Yanghe", "泸州老窖|Luzhou Laojiao"), a("二锅头|Erguotou", "浓香型白酒|Strong-aroma Baijiu")));

    static List<YearProduct> generate(long seed, int count) {
        SplittableRandom r = Rng.of(seed, 1_001);
        List<YearProduct> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int round = 0;
        while (out.size() < count && round < 50) {
            for (int c = 0; c < CATS.size() && out.size() < count; c++) {
                Cat cat = CATS.get(c);
                String[] brand = cat.brands()[r.nextInt(cat.brands().length)].split("\\|");
                String[] item = cat.items()[r.nextInt(cat.items().length)].split("\\|");
                String spec = cat.specs()[r.nextInt(cat.specs().length)];
                boolean weighed = cat.unit().equals("kg");
                String zh = weighed ? item[0] : brand[0] + item[0] + " " + spec;
                if (!names.add(zh)) continue;
                String en = weighed ? item[1] + " (by weight)" : brand[1] + " " + item[1] + " " + spec;
                int idx = out.size();
                String gtin = Gtin.of(691 + (c % 5), 2000 + c * 37 + (round % 7), 10_000 + idx);
                double specFactor = spec.startsWith("5") && spec.endsWith("kg") || spec.contains("礼盒") || spec.contains("1.5L")
                        || spec.contains("950") || spec.contains("5连") || spec.contains("1kg") || spec.contains("3kg") || spec.contains("5L") ? 2.3 : 1.0;
                long price = roundPrice(cat.price() * specFactor * (0.75 + 0.5 * r.nextDouble()), weighed);
                long cost = Math.max(1, Math.round(price * (0.55 + 0.2 * r.nextDouble())));
                double u = r.nextDouble();
                YearProduct.Pattern pattern = u < 0.62 ? YearProduct.Pattern.REGULAR : u < 0.85 ? YearProduct.Pattern.SLOW : YearProduct.Pattern.INTERMITTENT;
                double base = cat.baseDaily() * (0.35 + 1.3 * r.nextDouble()) / specFactor;
                if (pattern == YearProduct.Pattern.SLOW) base *= 0.15;
                double intermittency = pattern == YearProduct.Pattern.INTERMITTENT ? 0.06 + 0.18 * r.nextDouble() : 1.0;
                int shelf = Math.max(2, (int) Math.round(cat.shelf() * (0.8 + 0.4 * r.nextDouble())));
                out.add(new YearProduct(gtin, zh, en, brand[0], cat.zh(), cat.en(), weighed ? "kg" : cat.unit(), spec, weighed,
                        price, cost, cat.pack(), shelf, pattern, base, intermittency, cat.heat(), cat.festival(), cat.online()));
            }
            round++;
        }
        return List.copyOf(out);
    }

    /** Prices end in 0 or 9 jiao, as shelf labels do; weighed goods per kg to the jiao. */
    private static long roundPrice(double fen, boolean weighed) {
        long jiao = Math.max(1, Math.round(fen / 10));
        if (!weighed && jiao > 10) jiao = jiao % 10 >= 5 ? jiao - jiao % 10 + 9 : jiao - jiao % 10;
        return jiao * 10;
    }
}
