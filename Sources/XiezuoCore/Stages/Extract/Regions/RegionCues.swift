/// The words around a place mention that tell the region resolver what role the place plays.
/// General wordings of cooperation news, never names of particular places; docs/regions.md
/// explains each list with examples.
enum RegionCues {
    // MARK: Helper ("donor") cues

    /// After 在 + place + (的) … and before 下: 在广州市黄埔区帮扶下, 在荔湾区的支持和推动下,
    /// 在荔湾区和帮扶组团单位的支持下.
    static let helpWords = CueWords([
        "帮扶", "支持", "帮助", "推动", "援助", "援建", "指导", "带动", "关心", "关怀", "助力", "协助", "牵线", "促成",
    ])

    /// How far after 在 + place the 下 of 在X的支持和推动下 may be.
    static let helpClauseReach = 16

    /// Right after a place (or after a place and one adverb): the place acts as the helper whatever
    /// follows. 荔湾区携手结对帮扶地区, 荔湾区联合龙里县, 化龙镇牵头的各成员单位 (the lead of a helping
    /// group; not 牵头 alone: a helped county may 牵头成立 a cooperative).
    static let helperVerbs = CueWords(["携手", "联合", "牵头的"])

    /// Right after a place, a weaker sign of the helper: helped places, too, 充分利用 and 发挥 what
    /// they have (纳雍县充分发挥生态优势). 黄埔区充分利用协作资金, 荔湾区发挥窗口优势, 发挥荔湾所能.
    static let resourceVerbs = CueWords(["充分利用", "充分发挥", "发挥", "所能", "所长"])

    /// X驻Y…工作队: a team that X stations in Y (荔湾区驻白渡镇工作队). Not 三都县驻广州办事处, the
    /// helped county's office in the helper's city.
    static let station = CueWords(["驻"])
    /// What follows 驻 + place when X stations a team there.
    static let stationTeams = CueWords(["工作队", "工作组", "帮镇扶村", "帮扶队", "队员", "干部", "指挥部"])
    /// How far after the place the team word may be (驻清远英德市大洞镇帮镇扶村工作队).
    static let stationReach = 8

    /// Right after a place and right before another: the first helps the second (黄埔区帮扶三都县,
    /// 广州对口帮扶毕节, 广州市向毕节市捐赠). Not helper cues on their own, because 三都县帮扶车间 is a workshop in 三都县.
    static let helpingVerbs = CueWords([
        "对口帮扶协作", "对口帮扶", "对口支援", "对口协作", "结对帮扶", "帮扶协作", "帮扶", "援建", "援助", "支援", "帮助",
        "支持", "向", "驰援", "派驻", "给予",
    ])

    /// Adverbs that may stand between a helper and its verb: 荔湾区还发挥…, 黄埔区继续携手….
    static let adverbs = CueWords([
        "进一步", "继续", "积极", "主动", "持续", "大力", "不断", "全力", "深入", "还", "也", "又", "则", "将", "已", "正",
        "累计", "先后", "共同", "共", "连续", "第一时间",
    ])

    /// 来自 + place + 的: a company or team from the helper (来自荔湾区的广东珠江农业科技有限公司). A
    /// weak cue: reverse enclaves bring companies from the helped place too.
    static let origin = CueWords(["来自"])

    /// Between two places: the first is the pair's helper (荔湾区与龙里县, 深圳与汕尾, 荔湾—梅江产业转移
    /// 合作园, 广州市与龙岩市对口合作). Weak: the order is a convention, not a rule.
    static let pairSeparators = CueWords(["与", "——", "—", "–", "－", "-"])

    // MARK: Pairing names and enterprises (see `PairingRoles`)

    /// What follows a pairing name (粤桂协作, 鲁渝产业协作, “龙粤”两省, 广清产业园, 广湛两地): two
    /// abbreviations are a pairing name only before one of these.
    static let pairNameFollowers = CueWords([
        "协作", "合作", "帮扶", "扶贫", "对口", "结对", "东西部", "东西协作", "两省", "两地", "两市", "两区", "产业", "劳务",
        "消费", "携手", "共建", "一体化", "经济特别合作区", "特别合作区",
    ])
    /// After 援, the abbreviations that make a programme word naming the helped province (援疆, 援藏,
    /// 援青, 援蒙, 援滇, 援黔, 援桂, 援宁, 援陕, 援甘, 援渝, 援川); not 新 (支援新农村), 云 or 贵.
    static let helpedAbbreviations = ScalarBitmap("疆藏青蒙滇黔桂宁陕甘渝川".unicodeScalars.map(\.value))
    /// What makes 援 + abbreviation part of another word: 支援青年, 支援宁波, 援川藏线.
    static let notAfterHelpedAbbreviation = CueWords(["青年", "青少年", "宁波", "川藏"])

    /// Closing quotes that may stand between a pairing name and what follows it (“龙粤”两省).
    static let pairNameClosers = ScalarBitmap(["”", "\"", "’", "」", "』"].map { ($0 as Unicode.Scalar).value })

    /// Before a helping province's abbreviation, a verb of going or being there: 赴沪培训, 来沪, 在沪.
    static let goingWords = ScalarBitmap("赴来到在返抵驻".unicodeScalars.map(\.value))

    /// After a helping province's abbreviation: its enterprises or merchants (鲁商集团, 粤企, 浙商,
    /// 闽籍企业).
    static let enterpriseWords = CueWords(["籍企业", "商", "企"])
    /// Words that the enterprise word starts when it is not one (苏商务厅, 商业, 企业 after 新).
    static let enterpriseStoppers = CueWords([
        "商业", "商品", "商务", "商场", "商标", "商铺", "商户", "商家", "商贸", "商圈", "商城", "商超", "商量", "商讨", "商议",
        "商标", "企业", "企稳", "企盼", "企及", "企图",
    ])

    // MARK: Helped ("recipient") cues

    /// Right before a place: the place is helped, visited or invested in (帮扶吕田农产品, 向昭平县捐赠,
    /// 落地龙岩, 驻清远英德大洞镇工作队, 为梅州市梅江区…注入活力, 赴龙岩考察).
    static let recipientCues = CueWords([
        "对口帮扶", "对口支援", "结对帮扶", "帮扶", "帮助", "支持", "援助", "援建", "支援", "携手", "联合", "牵手", "驻",
        "落地", "落户", "向", "赴", "结对", "助力", "为", "服务", "驰援", "协作",
    ])

    /// The recipient cues that are wordings of help, not of movement or place (驻, 落地, 向, 赴, 为):
    /// a place helped this way is a recipient even inside a helping province (南沙区帮扶平远县).
    static let helpedCues = CueWords([
        "对口帮扶", "对口支援", "结对帮扶", "帮扶", "帮助", "支持", "援助", "援建", "支援", "携手", "联合", "牵手", "结对",
        "助力", "驰援", "协作",
    ])

    /// Joins places of one list, which share the role of the first: 联合龙里县、惠水县.
    static let listJoiners = CueWords(["、", "和", "及", "以及"])
    /// How long the rest of a list item headed by a place may be (墨竹工卡县格桑花开产业园、…).
    static let listItemReach = 12

    /// A total in the figure's clause (共56个, 合计, 总金额) after places that act respectively (分别):
    /// the figure covers them all.
    static let totalWords = CueWords(["共", "合计", "总计", "累计", "总"])
    static let respectiveWords = CueWords(["分别", "各自"])

    /// Right after a money figure's clause, what says where the money goes: …4.6亿元，用于支持…;
    /// 再筹集1.5亿元，定向帮扶毕节….
    static let purposeWords = CueWords([
        "用于", "用来", "主要用于", "全部用于", "专项用于", "定向用于", "定向帮扶", "定向支持", "重点支持", "帮扶", "支持", "援助",
        "投向", "投入",
    ])

    // MARK: Chains, companies, unnamed places

    /// What may stand between a place and a place inside it written as one name: 三都水族自治县(简称
    /// “三都县”)凤羽街道 has `”)` between 三都县 and 凤羽街道.
    static let chainGap = ScalarBitmap(["”", "’", ")", "）", "」", "』", " ", "\u{3000}"].map { ($0 as Unicode.Scalar).value })

    /// Words that end a company's name: a place that starts one names its origin.
    static let companyEnds = CueWords(["公司", "集团"])

    /// Words that cannot be inside a company's name, so the place before them is not its start:
    /// 三都县引进广州某公司.
    static let companyStoppers = CueWords([
        "引进", "成立", "投资", "建设", "落地", "入驻", "进驻", "引导", "签约", "携手", "联合", "推动", "帮助", "支持",
        "组织", "举办", "发展", "打造", "培育", "扶持", "带动", "吸引", "创办", "注册", "设立", "新建", "对接", "合作",
    ])

    /// Single scalars that cannot be inside a company's name (the function words of a clause).
    static let companyStopScalars = ScalarBitmap("的与和及在向为对把将被由从到于是等".unicodeScalars.map(\.value))

    /// The first scalars of `companyEnds` and `companyStoppers`: the word lists are compared only
    /// where one of these stands.
    static let companyWordStarts = ScalarBitmap((companyEnds.words + companyStoppers.words).compactMap(\.first))

    /// How far after a place a company's name may end.
    static let longestCompanyName = 16

    /// Nouns for places the text does not name, when made plural or generic by the word before
    /// them: 13个国内合作城市, 西部协作省份, 帮扶地区, 各地. A figure whose nearest place is one of
    /// these belongs to no single place.
    static let unnamedPlaceNouns = CueWords([
        "城市", "地区", "地域", "省份", "省区市", "省区", "省市", "地市", "县市", "市县", "区县", "县区",
    ])

    /// What makes an `unnamedPlaceNouns` noun generic when written right before it.
    static let unnamedPlaceQualifiers = CueWords([
        "合作", "协作", "帮扶", "结对", "对口", "东部", "西部", "国内", "相关", "其他", "兄弟", "各", "多", "两", "三", "诸",
        "脱贫", "贫困", "受援",
    ])

    /// Generic plural places on their own: 各地, 多地, 两地, 三地.
    static let unnamedPlaceWords = CueWords(["各地", "多地", "两地", "三地"])

    /// A counted noun phrase (N个…城市) makes the noun plural when 个 is at most this far before it.
    static let countedNounReach = 6

    // MARK: Article-local aliases

    /// Township suffixes that an article may drop once it has named the township in full.
    static let townshipSuffixes = CueWords(["街道", "苏木", "镇", "乡"])

    /// Township stems too common as words to be taken for the township even in its own article.
    static let aliasStopStems: Set<String> = [
        "新华", "城关", "城南", "城北", "城东", "城西", "城中", "东城", "西城", "南城", "北城", "中心", "人民", "和平", "胜利",
        "建设", "红旗", "前进", "光明", "解放", "太平", "长安", "新城", "新区", "开发", "工业", "高新", "民主", "团结", "幸福",
        "文化", "东风", "向阳", "新兴", "振兴", "朝阳", "先锋", "发展", "合作", "和谐", "复兴", "永安", "新村", "东方",
    ]

    // MARK: Venues

    /// After 在 + place: the place is where an event was held (在成都举办, 在兰州召开).
    static let eventVerbs = CueWords(["召开", "举办", "举行", "开幕", "启幕", "闭幕", "揭牌"])
    /// How far after the place the event verb may be (在拉萨市墨竹工卡县召开).
    static let venueReach = 8
    /// After X驻 + place: the place is where X keeps an office, not where its figures are
    /// (平远县驻广州招商队, 三都县驻广州办事处).
    static let officeWords = CueWords(["办事处", "招商队", "招商组", "招商小组", "联络处", "联络站", "办公室", "服务站", "工作站"])

    // MARK: Weights and thresholds

    /// Explicit helper wordings (在X帮扶下, X携手, X联合, X帮扶Y, X驻Y工作队, a kicker line).
    static let strongWeight = 2
    /// Conventional or ambiguous ones (X充分利用, X发挥, X与Y, 来自X的) and every recipient cue.
    static let weakWeight = 1
    /// A place is the article's helper when its helper cues outweigh its helped cues and reach this.
    static let donorThreshold = 2
    /// The share of the article's place mentions (each counted for the place and the places
    /// enclosing it) that a place must cover to be the article's focus.
    static let focusShare = 0.6
    /// The share a place named as helped twice or more must cover to be the focus.
    static let helpedPlaceFocusShare = 0.5
    /// The share a helped place (帮扶X, 驰援X) must cover for the focus to take it in as well.
    static let helpedFocusShare = 0.2
    /// And how often it must be named (a place helped in passing does not widen the focus).
    static let helpedFocusMentions = 2
}
