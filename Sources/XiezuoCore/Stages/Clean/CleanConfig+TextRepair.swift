/// Defaults and checks of the `clean` keys for Traditional conversion, de-spinning and spam
/// removal (`ArticleRepair`). The word lists are data, not code: a site with other spam
/// vocabulary is handled by configuring them in `pipeline.json`.
extension CleanConfig {
    public static let defaultOpenCCConfig = "t2s.json"

    /// Spinner artefacts that ordinary prose practically never contains; see `Despinner`.
    public static let defaultDespinMarkers = [
        "平易近", "年夜", "生齿", "若何", "一起配合", "感触感染", "不受拘束", "设置装备摆设", "更换新的资料", "喷鼻", "进选", "纳进",
        "注进",
    ]

    /// Brands, car words and places that head a glued-in keyword (宝马零件, 台北汽车材料).
    public static let defaultSpamKeywordHeads = [
        "BMW", "Benz", "Audi", "Porsche", "Skoda", "VW", "Volkswagen", "Bentley", "Lamborghini", "Ferrari", "Toyota",
        "Honda", "Nissan", "Volvo", "Lexus", "宝马", "奔驰", "宾士", "奥迪", "保时捷", "斯柯达", "大众", "福斯", "宾利",
        "兰博基尼", "蓝宝坚尼", "法拉利", "丰田", "本田", "日产", "沃尔沃", "雷克萨斯", "凌志", "德系车", "日系车", "欧系车",
        "美系车", "进口车", "汽车", "台北", "台中", "高雄",
    ]
    /// Products that are spam only after a head (汽车零件): alone they are ordinary words.
    public static let defaultSpamKeywordItems = ["零件", "配件", "材料"]
    /// Products that are spam on their own in a cooperation article.
    public static let defaultSpamKeywordSolo = [
        "机油芯", "空气芯", "冷气芯", "机油滤芯", "空气滤芯", "冷气滤网", "水箱精", "水箱水", "油气分离器",
    ]
    /// Trade words that may follow a keyword (汽车零件进口商, 汽车材料报价).
    public static let defaultSpamKeywordTails = ["进口商", "贸易商", "批发商", "供应商", "报价", "批发", "改良版"]

    /// Words of the farms' fiction that no cooperation article uses (2 points each).
    public static let defaultOffTopicWords = [
        "甜甜圈", "悍马", "保险箱", "后备箱", "千纸鹤", "金箔", "逻辑悖论", "完美主义者", "单恋", "暗恋", "失恋", "星座",
        "天秤座", "双鱼座", "水瓶座", "白羊座", "金牛座", "双子座", "巨蟹座", "狮子座", "处女座", "天蝎座", "射手座", "摩羯座",
        "吸血鬼", "外星人", "魔法师", "咒语", "男朋友", "女朋友",
    ]
    /// Fiction words that a real article may also use (1 point each): 咖啡馆 in a rural-tourism
    /// story, 彩虹 in a place name (彩虹桥驿站).
    public static let defaultOffTopicWeakWords = [
        "美金", "咖啡馆", "彩虹", "甜点", "吧台", "信用卡", "镜子", "气泡水", "崩溃", "哲学", "武器", "地下室", "眼泪",
        "哭", "魔法",
    ]
    /// Given names of the farms' characters (林天秤, 张水瓶, 牛土豪): 1 point, and only after a
    /// common surname, so 热水瓶 or 打土豪 are not names.
    public static let defaultOffTopicNames = ["天秤", "水瓶", "双鱼", "白羊", "巨蟹", "天蝎", "摩羯", "土豪"]
    /// The vocabulary of cooperation articles; each one found in a span counts against removing it.
    public static let defaultOnTopicWords = [
        "发展", "建设", "工程", "城乡", "区域", "产业", "乡村", "农村", "农业", "推进", "推动", "协作", "帮扶", "合作", "振兴",
        "项目", "企业", "经济", "就业", "增收", "投资", "资金", "万元", "亿元", "村民", "居民", "群众", "乡镇", "镇街", "园区",
        "招商", "消费", "农产品", "游客", "文旅", "旅游", "民宿", "基础设施", "公共服务", "政策", "改革", "创新", "治理",
        "民生", "对口", "东西部", "示范", "试点", "书记", "县委", "政府", "工作队", "学校", "医院", "培训",
    ]

    /// Problems of the text-repair keys, with their JSON paths under `path`.
    func textRepairProblems(at path: String) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        if openCCConfig.allSatisfy(\.isWhitespace) {
            problems.append(
                ConfigProblem(
                    path: "\(path).opencc_config",
                    message: "must name an OpenCC configuration, e.g. \"t2s.json\" or /usr/share/opencc/t2s.json"
                )
            )
        }
        let counts: [(String, Int, String)] = [
            ("despin_min_markers", despinMinMarkers, "must be 0 or more (0 de-spins every article)"),
            (
                "spam_keyword_min_distinct", spamKeywordMinDistinct,
                "must be 0 or more (0 removes keywords from every article)"
            ),
            ("offtopic_min_score", offTopicMinScore, "must be 0 or more (0 turns off-topic removal off)"),
        ]
        for (key, value, message) in counts where value < 0 {
            problems.append(ConfigProblem(path: "\(path).\(key)", message: message))
        }
        let lists: [(String, [String])] = [
            ("despin_markers", despinMarkers), ("spam_keyword_heads", spamKeywordHeads),
            ("spam_keyword_items", spamKeywordItems), ("spam_keyword_solo", spamKeywordSolo),
            ("spam_keyword_tails", spamKeywordTails), ("offtopic_words", offTopicWords),
            ("offtopic_weak_words", offTopicWeakWords), ("offtopic_names", offTopicNames),
            ("ontopic_words", onTopicWords),
        ]
        for (key, list) in lists {
            for (index, entry) in list.enumerated() where entry.allSatisfy(\.isWhitespace) {
                problems.append(
                    ConfigProblem(
                        path: "\(path).\(key)[\(index)]", message: "an empty word matches everywhere; remove it")
                )
            }
        }
        return problems
    }
}
