/// The words the place finder must not take for places, and the context that rules a match out.
///
/// Precision beats recall here: a wrong `region` sends a figure to the wrong place in the tables,
/// a missing one falls back to the article's main place. Most common-word short forms are already
/// left out of regions.csv by scripts/derive_regions.py (振兴, 合作, 公安, 青山...); the lists below
/// guard the matcher itself, whatever the CSV holds.
enum PlaceStopLists {
    /// Official names that are also ordinary words (矿区 is a district of 阳泉, 东区 one of 攀枝花;
    /// 小城镇 and 中心镇 are townships and everyday planning terms).
    static let fullNames: Set<String> = [
        "城区", "郊区", "矿区", "东区", "西区", "南区", "北区", "中区", "新区", "开发区", "高新区",
        "经开区", "中心镇", "小城镇", "新城镇", "大城镇", "老城镇",
    ]

    /// Short forms never matched on their own (their full names still are).
    static let shortForms: Set<String> = [
        "东区", "新区", "城区", "开发区", "高新区", "协作", "大洞", "长征", "振兴", "合作", "公安",
        "和平", "东方", "通道", "中方", "南部", "比如", "平安", "新华", "青山", "金山", "阿里", "复兴",
    ]

    /// Townships with two-scalar names (口镇, 新镇, 古乡) are too easily part of other words; only
    /// these well-known ones are matched.
    static let twoScalarTownships: Set<String> = ["乌镇"]

    /// What follows a bare short form inside a longer name that is not the place: a university
    /// is named after a place, not necessarily in it (中山大学 is in 广州); a news site is named
    /// after its region or anything else (华龙网 is Chongqing's, 华龙 a district of 濮阳).
    static let shortContinuations: [String] = ["大学", "网"]

    /// Per short form, further continuations that make it another word: 中山 is also Sun Yat-sen.
    static let shortContinuationsByShort: [String: [String]] = [
        "中山": ["医", "路", "公园", "纪念", "陵", "装", "舰", "先生", "堂"],
    ]

    /// Words that a bare short form's last scalar starts with the text after it, which means the
    /// short form is not a word there: 党和政府 (和政 + 府), 广东东阳光 (东阳 + 光), 粤桂东西部 (桂东 +
    /// 西). Checked for prefectures and counties only: 山西部分地区 is still 山西.
    static let overlappingWords: [String] = [
        "东西", "东部", "西部", "南部", "北部", "中部", "阳光", "政府", "政策", "城市", "市场", "安置",
    ]

    /// Words that end with a bare short form's first scalar, written right before it: the short
    /// form is not a word there. 投资兴业 (投资 + 资兴), 搬迁安置 (搬迁 + 迁安). Checked for
    /// prefectures and counties only.
    static let precedingWords: [String] = ["投资", "搬迁"]

    /// A bare short form followed by one of these is a shore or slope, not the place:
    /// 洞庭湖南岸 is not 湖南, 太行山西麓 is not 山西.
    static let geographicFeatures: String = "岸麓畔"

    /// Function words that end a word, so a village or subdistrict name may start after them (also
    /// 年, 月, 日: 2024年径下村).
    static let functionWords: String = "在到于的与和及至从赴是为对入把将让被由给也即年月日"

    /// Determiners that make what follows a common noun, not a name (各村, 该社区, 全村).
    static let determiners: String = "各每该这那此其本全"

    /// Scalars a village or subdistrict stem never contains: level suffixes (so 吕田镇下村 is not one
    /// village), and grammatical words.
    static let forbiddenStemScalars: String = "省市县区镇乡村街社居个些们了着过等农縣區鎮鄉農個們"

    /// Text that makes a suffix match a common noun or a verb phrase rather than a name (示范村,
    /// 美丽乡村, 智慧社区, 村民, 推动社区, 盘活村): checked as substrings of the whole candidate.
    static let suffixStopWords: [String] = [
        "村民", "村委", "村级", "农村", "乡村", "村社", "村镇", "全村", "每村", "各村", "本村", "该村",
        "村集体", "示范", "试点", "重点", "贫困", "脱贫", "搬迁", "安置", "移民", "特色", "传统", "文明",
        "美丽", "和美", "和谐", "幸福", "智慧", "数字", "绿色", "生态", "旅游", "文化", "历史", "先进",
        "标杆", "样板", "模范", "星级", "帮扶", "结对", "协作", "对口", "定点", "行政", "自然", "边远",
        "偏远", "山区", "民族", "空心", "城中", "城郊", "近郊", "周边", "附近", "当地", "所在", "基层",
        "社会", "城市", "城乡", "新型", "宜居", "宜业", "老旧", "全国", "全省", "全市", "全县", "全镇",
        "全乡", "整个", "相关", "省级", "市级", "县级", "国家", "淘宝", "电商", "专业", "明星", "富裕",
        "小康", "现代", "未来", "红色", "革命", "边境", "集体", "股份", "经济", "产业", "主要", "其他",
        "其它", "所有", "部分", "个别", "少数", "多数", "一批", "一些", "老区", "网红", "城镇", "乡镇",
        "鄉村", "農村", "推动", "带动", "帶動", "依托", "提供", "盘活", "目前", "深入", "走进", "进入",
        "服务", "覆盖", "包括", "涉及", "建设", "打造", "发展", "支持", "帮助", "组织", "引导", "鼓励",
        "动员", "带领", "开展", "成立", "设立", "进驻", "入驻", "回到", "返回", "联系", "对接", "结合",
        "激活", "壮大", "振兴", "管理", "治理", "指导", "推广", "辐射", "惠及", "全体", "广大", "各地",
        "多地", "其中", "包含", "下辖", "辖区", "所辖", "共有", "现有", "拥有", "已有", "改造", "整治",
        "规划", "实现", "促进", "推进", "加快", "加强", "强化", "深化", "完善", "提升", "助力", "赋能",
        "融入", "走访", "调研", "考察", "参观", "前往", "来到", "抵达", "途经", "离不开", "依靠", "围绕",
        "聚焦", "面向", "针对", "通过", "利用", "整合", "统筹", "培育", "扶持", "以及", "还有", "同时",
        "此外", "另外", "首先", "最后", "如今", "现在", "过去", "当时", "近年", "今年", "去年", "全年",
    ]

    /// What follows 村 when it starts another word (村民, 村委会, 村干部, 村庄): no village ends there.
    static let villageContinuations: [String] = [
        "民", "委", "级", "社", "镇", "集", "干", "务", "庄", "落", "寨", "容", "貌", "规", "两委",
    ]

    /// What follows 街道 when it means a street, not a subdistrict (街道两旁).
    static let streetContinuations: [String] = ["两旁", "两侧"]

    /// `text` as scalar values, the form the scanner compares.
    static func values(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value)
    }
}
