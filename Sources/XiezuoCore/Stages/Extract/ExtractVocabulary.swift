/// The words that give a figure its meaning (EXTRACTION.md). Kept in one place so that an
/// analyst's request ("count 援建资金 as fund") is a one-line change with a test.
enum ExtractVocabulary {
    /// Money: the nearest of these before the figure names its category.
    static let money = KeywordSet<FactCategory>([
        ("投资", .investment), ("总投资", .investment), ("计划总投资", .investment), ("累计投资", .investment),
        ("完成投资", .investment), ("注资", .investment), ("签约金额", .investment), ("签约资金", .investment),
        ("签约额", .investment), ("协议额", .investment), ("协议金额", .investment), ("合同投资额", .investment),
        ("合同额", .investment), ("到位资金", .investment), ("投资资金", .investment),
        ("资金", .fund), ("帮扶资金", .fund), ("协作资金", .fund), ("援助资金", .fund), ("专项资金", .fund),
        ("财政资金", .fund), ("援建资金", .fund), ("筹集", .fund), ("筹资", .fund), ("认筹", .fund), ("拨付", .fund),
        ("拨款", .fund), ("补助", .fund), ("奖补", .fund), ("资助", .fund), ("援助", .fund), ("经费", .fund),
        ("捐赠", .donation), ("捐助", .donation), ("捐款", .donation), ("捐资", .donation), ("捐献", .donation),
        ("善款", .donation), ("爱心款", .donation),
        ("采购", .trade), ("销售", .trade), ("消费帮扶", .trade), ("合作总额", .trade), ("交易额", .trade),
        ("成交额", .trade), ("成交", .trade), ("销售额", .trade), ("带货", .trade), ("订单", .trade), ("购买", .trade),
        ("以购代帮", .trade), ("贸易额", .trade), ("进出口", .trade), ("消费", .trade), ("购销", .trade),
        ("发卖", .trade), ("货值", .trade),
        ("产值", .output), ("营收", .output), ("营业收入", .output), ("销售收入", .output), ("营业额", .output),
        ("产出", .output), ("利润", .output), ("收益", .output),
        ("集体经济收入", .income), ("集体收入", .income), ("经营性收入", .income), ("村集体经济", .income),
        ("分红", .income),
    ])

    /// Counts of people, with what they are counted as.
    static let people = KeywordSet<FactCategory>([
        ("岗位", .positions), ("就业岗位", .positions), ("工作岗位", .positions),
        ("外出务工", .transfer), ("劳务输出", .transfer), ("返岗", .transfer), ("转移就业", .transfer),
        ("输出劳动力", .transfer), ("劳动力转移", .transfer), ("务工人员", .transfer),
        ("培训", .training), ("学员", .training), ("参训", .training), ("培养", .training),
        ("就业", .employment), ("吸纳", .employment), ("务工", .employment), ("用工", .employment),
        ("工人", .employment), ("员工", .employment), ("职工", .employment), ("招聘", .employment),
        ("受益", .beneficiaries), ("带动", .beneficiaries), ("惠及", .beneficiaries), ("增收", .beneficiaries),
        ("受惠", .beneficiaries), ("输转", .transfer),
    ])

    /// Counts of projects and the like.
    static let things = KeywordSet<FactCategory>([
        ("项目", .projects),
        ("企业", .enterprises), ("公司", .enterprises), ("商户", .enterprises), ("经营主体", .enterprises),
        ("产业园", .parks), ("园区", .parks), ("产业园区", .parks), ("飞地", .parks),
        ("活动", .events), ("对接会", .events), ("推介会", .events), ("招聘会", .events), ("展销会", .events),
        ("洽谈会", .events),
        ("结对", .pairings), ("对口", .pairings), ("帮扶关系", .pairings), ("合作关系", .pairings),
    ])

    /// Words earlier in a figure's clause that narrow the category its cue gives (dev README):
    /// 社会力量投入帮扶资金 is a donation, 转移…就业 and 外出…就业 are transfers.
    /// A word counts only outside the longer words listed with it (产业转移 moves industry, not
    /// people; 转移支付 is a fiscal transfer).
    static let refinements: [(from: FactCategory, words: KeywordSet<Bool>, unless: KeywordSet<Bool>, to: FactCategory)] = [
        (.fund, KeywordSet([("社会力量", true), ("社会各界", true)]), KeywordSet([]), .donation),
        (
            .employment, KeywordSet([("转移", true), ("外出", true), ("输出", true)]),
            KeywordSet([("产业转移", true), ("转移支付", true), ("技术输出", true), ("文化输出", true), ("外出考察", true)]), .transfer
        ),
    ]

    /// Right after a money figure only: 这766万元收入 names the amount as income; a household's
    /// 年收入大约4万元 does not.
    static let moneyRightAfter = KeywordSet<FactCategory>([("收入", .income)])

    /// Words before a money figure that make it a rate or a per-head figure, not a total.
    static let perUnit = KeywordSet<Bool>([
        ("人均", true), ("户均", true), ("每户", true), ("每人", true), ("每亩", true), ("亩均", true),
        ("平均", true), ("每月", true), ("每天", true), ("每日", true), ("月薪", true), ("日薪", true),
        ("县均", true), ("村均", true), ("镇均", true), ("场均", true),
        ("年薪", true), ("工资", true), ("每名", true), ("每位", true), ("每个", true), ("每家", true),
        ("单价", true), ("每斤", true), ("每公斤", true), ("均价", true),
    ])

    /// Words that make a figure a macro statistic (economy, population, area, residents).
    static let macro = KeywordSet<Bool>([
        ("生产总值", true), ("GDP", true), ("财政收入", true), ("一般公共预算", true), ("社会消费品零售总额", true),
        ("工业增加值", true), ("增加值", true), ("常住人口", true), ("户籍人口", true), ("人口", true),
        ("面积", true), ("入住", true), ("居民", true), ("游客", true), ("观看", true), ("存款", true),
        ("市值", true), ("储蓄", true), ("可支配收入", true),
    ])

    /// Words right after a money figure that turn it into a threshold or label (超亿元项目,
    /// 3000亿元大关, 千万元级企业).
    static let labelAfterMoney = KeywordSet<Bool>([
        ("项目", true), ("企业", true), ("级", true), ("以上项目", true), ("以上企业", true), ("大关", true),
        ("俱乐部", true), ("产业集群", true), ("城市", true), ("台阶", true), ("规模", true), ("目标", true),
    ])

    /// Nouns right after a count that make it a count of places, which is no fact (dev README,
    /// decoys): 西部10个省区市, 7个县（市、区）, 24个镇, 151个贫困村 are where the work is, not what it did.
    static let placeCountNouns = KeywordSet<Bool>([
        ("省区市", true), ("省市", true), ("省区", true), ("省份", true), ("地市", true), ("市州", true), ("县市区", true),
        ("县（市、区）", true), ("县(市、区)", true), ("县区", true), ("区县", true), ("县市", true), ("乡镇", true), ("街道", true),
        ("社区", true), ("县", true), ("镇", true), ("乡", true), ("村", true),
    ])
    /// How long a modifier may stand between a count and a place noun (19个援疆省市).
    static let placeNounModifier = 2

    /// What follows 县, 镇, 乡 or 村 when it starts another word (县城, 村民, 乡亲, 镇干部, 村集体, 乡村).
    static let placeNounContinuations: Set<Unicode.Scalar> = ["城", "民", "亲", "干", "委", "级", "直", "集", "域", "情", "村"]

    /// Classifiers that count people (jobs) and things (projects).
    static let peopleClassifiers: Set<String> = ["人", "名", "人次", "位"]
    static let positionClassifiers: Set<String> = ["个", "份"]
    static let thingClassifiers: [FactCategory: Set<String>] = [
        .projects: ["个", "项", "类", "批"],
        .enterprises: ["家", "个"],
        .parks: ["个", "座"],
        .events: ["场", "次", "届"],
        .pairings: ["对"],
    ]
}
