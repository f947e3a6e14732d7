import XCTest

@testable import XiezuoCore

/// Spam removal: ad keywords glued into sentences and off-topic sentences spliced into them.
final class CleanSpamRemovalTests: XCTestCase {
    private func seed002() throws -> Article {
        try XCTUnwrap(CleanTestSupport.seedArticles("002").first)
    }

    /// Clean with spam removal and de-spinning turned off.
    private static var withoutRepair: CleanConfig {
        var config = CleanConfig()
        config.spamKeywordMinDistinct = Int.max
        config.offTopicMinScore = 0
        config.despinMinMarkers = Int.max
        return config
    }

    func testSeed002LosesEverySpamKeywordAndSentence() throws {
        let text = try seed002().text
        for spam in [
            "零件", "甜甜圈", "美金", "天秤", "双鱼座", "水瓶", "咖啡馆", "悍马", "金箔", "汽车材料", "水箱精", "水箱水", "BMW", "Benz",
            "Audi", "Porsche", "Skoda", "VW", "Bentley", "宾士", "福斯", "蓝宝坚尼", "斯柯达", "保时捷", "奥迪", "宾利", "德系车",
            "机油芯", "空气芯", "冷气芯", "油气分离器", "报价", "进口商", "贸易商", "台北", "牛土豪", "千纸鹤", "逻辑悖论", "保险箱",
            "完美主义者", "吧台", "信用卡", "气泡水", "单恋", "地下室", "「", "」",
        ] {
            XCTAssertFalse(text.contains(spam), spam)
        }
    }

    func testSeed002KeepsItsRealSentences() throws {
        let text = try seed002().text
        for sentence in [
            "作为国家重要中心城市、粤港澳大湾区核心引擎,广州正以“头号工程”的力度和决心,纵深推进“百县千镇万村高质量发展工程”(以下简称“百千万工程”)。",
            "城乡融合发展、区域协调发展有哪些新变化、新机制?",
            "迳下村以水系连通和林相改造优化生态环境,通过土地综合整治重构发展空间,承接知识城科创企业延伸产业链,",
            "村集体经济收入从2022年的389万元增至2024年919万元,增长约2.4倍。",
            "城区优质教育、医疗等资源辐射乡村,使村民共享城区均等公共服务。",
            "广州以“百千万工程”工程为抓手,系统推进11个区、177个镇街、2864个村社融合发展。",
            "广州在推进“百千万工程”中呈现出鲜明特点:执创新之笔,科学谋篇布局;",
            "2024年农村居民人均可支配收入首次突破4万元,近3年年均增速达5.8%,连续17年快于城镇居民,城乡居民收入比从2022年的2.12降至2.04。",
            "\n广州市增城区丝苗米产业园\n",
            "作为全国第一批历史文化名城,广州已孕育3项中国重要农业文化遗产。",
            "将城市带来的先进理念、治理方法转化为乡村发展的新动能。”",
            "城市更新,既是顺应城镇化发展规律、回应群众关切和对美好生活需求的重要举措,也是拉投资、扩内需、稳增长、促发展的重要抓手。",
            "白云区是城中村分布最集中的区域,承载人口超过200万。",
            "原有的电力设施承载力与人口集聚需求严重失衡,高峰时段系统性过载,",
            "南方电网广东广州供电局、南网科技、南投集团联动,对白云区城中村配电设施升级改造,",
            "变成了“改得成”并且“改得好”的发展机遇。广州市城中村居住人口已超700万人。",
            "广州构建“1+N+X”政策体系,",
            "白云区供电局党委书记毕超豪介绍道:",
            "是当前用电主体。",
            "一头连着创新链,一头连着产业链,国家新型储能创新中心的创立发展,",
            "\n新实践:区域协调发展从“夯基垒台”到“共融共富”\n",
            "三年来国内生产总值增速持续高于广州市平均水平,规上工业增加值增速连续17个月位居全市首位。",
            "至此,广州11个市辖区中,已超半数突破3000亿元大关。",
            "粤港澳大湾区是中国开放程度最高、经济活力最强的区域之一。推进粤港澳大湾区建设,就是要打造中国新发展格局的战略支点、",
            "作为改革开放排头兵、粤港澳大湾区区域发展核心引擎、第一经济大省的省会城市,",
            "广州在2024年全球十强科研城市中的排名,由第八上升至第六。",
            "聚焦市场环境、法治环境、投资贸易环境、政务服务环境等关键领域,",
            "促进消费与投资、供给与需求、推动民生改善和高质量增长、短期均衡和长期可持续增长之间,形成良性互动。",
            "统筹“引进来”和“走出去”、",
            "以千年商都、千年海丝起点的开放基因、包容胸襟、务实举措,推进更高水平的对外开放合作。",
            "继续在高质量发展方面发挥领头羊和火车头作用。”殷殷寄望,催人奋进。",
            "正转化为城乡居民诗意栖居与共创未来的强劲动能。",
            "以锐意创新的勇气、敢为人先的锐气、蓬勃向上的朝气,",
        ] {
            XCTAssertTrue(text.contains(sentence), sentence)
        }
    }

    /// The whole cleaned text, reviewed by hand: Simplified, spam gone, spun words restored.
    func testSeed002CleanedTextIsExactly() throws {
        let expected = String(decoding: try CleanTestSupport.fixture("seed-002-cleaned.txt"), as: UTF8.self)
        XCTAssertEqual(try seed002().text, expected)
    }

    func testSeed002CountsTheSpamAsRemoved() throws {
        let seed = try CleanTestSupport.seed("002")
        let cleaned = try XCTUnwrap(CleanTestSupport.articles(seed.bytes, name: seed.name).first)
        let plain = try XCTUnwrap(
            CleanTestSupport.articles(seed.bytes, name: seed.name, config: Self.withoutRepair).first)
        XCTAssertEqual(
            cleaned.removedChars - plain.removedChars,
            CleanTestSupport.weight(plain.text) - CleanTestSupport.weight(cleaned.text)
        )
        // 163 keyword scalars, 308 of spliced sentences, the rest from de-spinning (年夜 → 大 …).
        XCTAssertGreaterThan(cleaned.removedChars - plain.removedChars, 163 + 308)
    }

    func testTheOtherSeedsAreByteIdenticalWithAndWithoutRepair() throws {
        for prefix in ["000", "001", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            XCTAssertEqual(
                try CleanTestSupport.articles(seed.bytes, name: seed.name),
                try CleanTestSupport.articles(seed.bytes, name: seed.name, config: Self.withoutRepair), prefix
            )
        }
    }

    /// Even with the page-level keyword threshold off, no real word of the other seeds is a keyword.
    func testTheOtherSeedsLoseNoSentenceEvenWithEveryKeywordRemoved() throws {
        var eager = CleanConfig()
        eager.spamKeywordMinDistinct = 0
        for prefix in ["000", "001", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            XCTAssertEqual(
                try CleanTestSupport.articles(seed.bytes, name: seed.name, config: eager),
                try CleanTestSupport.articles(seed.bytes, name: seed.name, config: Self.withoutRepair), prefix
            )
        }
    }

    // MARK: keywords

    private let keywords = SpamKeywordFilter(
        heads: CleanConfig.defaultSpamKeywordHeads.map { ScalarText.scalars($0) },
        items: CleanConfig.defaultSpamKeywordItems.map { ScalarText.scalars($0) },
        solos: CleanConfig.defaultSpamKeywordSolo.map { ScalarText.scalars($0) },
        tails: CleanConfig.defaultSpamKeywordTails.map { ScalarText.scalars($0) }, minDistinct: 3
    )

    private func keywordsFound(_ text: String) -> [String] {
        let scalars = ScalarText.scalars(text)
        return keywords.keywords(in: scalars).map { ScalarText.string(scalars[$0]) }
    }

    func testKeywordsAreHeadsThenAnItemThenTails() {
        XCTAssertEqual(
            keywordsFound("呈现出鲜明特德系车零件点,百千万工油气分离器改良版程,居平易汽车机油芯近,3项中汽车零件进口商国,改台北汽车零件得成"),
            ["德系车零件", "油气分离器改良版", "汽车机油芯", "汽车零件进口商", "台北汽车零件"]
        )
        XCTAssertEqual(keywordsFound("发挥领头羊Porsche零件和VW零件作用,BMWX零件"), ["Porsche零件", "VW零件"])
        // An item needs a head; a Latin brand must start a word.
        XCTAssertEqual(keywordsFound("新材料产业、零件加工、建筑材料、NEWVW零件"), [])
    }

    func testKeywordsAreRemovedOnlyFromAPageWithThreeDifferentOnes() {
        let real = ScalarText.scalars("帮扶车间生产汽车零件,汽车零件销往广东,汽车材料也在本地采购。")
        XCTAssertFalse(keywords.isSpamPage(keywords.keywords(in: real), in: real))
        let spam = ScalarText.scalars("特德系车零件点,改汽车材料报价好,协水箱精调发展。")
        let found = keywords.keywords(in: spam)
        XCTAssertTrue(keywords.isSpamPage(found, in: spam))
        XCTAssertEqual(ScalarText.string(SpamKeywordFilter.removing(found, from: spam)), "特点,改好,协调发展。")
    }

    // MARK: off-topic sentences

    private func filtered(_ text: String, mixedQuotes: Bool = true) throws -> String {
        let filter = OffTopicFilter(
            strong: CleanConfig.defaultOffTopicWords.map { ScalarText.scalars($0) },
            weak: CleanConfig.defaultOffTopicWeakWords.map { ScalarText.scalars($0) },
            names: CleanConfig.defaultOffTopicNames.map { ScalarText.scalars($0) },
            onTopic: CleanConfig.defaultOnTopicWords.map { ScalarText.scalars($0) }, minScore: 2,
            spliceWords: try TestResources.resources().despinTable.trie
        )
        let scalars = ScalarText.scalars(text)
        let article = mixedQuotes ? scalars + ScalarText.scalars("“引号”") : scalars
        return filter.filtered(scalars, quotesFrom: article).map { ScalarText.string($0) } ?? text
    }

    func testASentenceSplicedIntoAnotherIsRemovedAndTheRestRejoined() throws {
        // Starts at a demonstrative, ends at its own full stop; the 「…」 inside belongs to it.
        XCTAssertEqual(
            try filtered("通过地盘那些甜甜圈原本是他打算用来「与林天秤进行甜点哲学讨论」的道具,现在全部成了武器。综合整治重构发展空间。"),
            "通过地盘综合整治重构发展空间。"
        )
        // Starts at the surname of a character's name.
        XCTAssertEqual(
            try filtered("已超半数冲林天秤,那个完美主义者,正坐在她的平衡美学吧台后面,她的表情已经到达了崩溃的边缘。破3000亿元大关。"),
            "已超半数冲破3000亿元大关。"
        )
        // Ends at the quote it opened when the quote closes a sentence: 「…!」.
        XCTAssertEqual(
            try filtered("南网科技、南投集团张水瓶在地下室吓了一跳:「她试图在我的单恋中寻找逻辑结构!天秤座太可怕了!」联动,对城中村配电设施升级改造。"),
            "南网科技、南投集团联动,对城中村配电设施升级改造。"
        )
        // Starts where the text around it re-joins into a spun word (平易 + 近).
        XCTAssertEqual(
            try filtered("推动平易地面上的双鱼座们哭得更厉害了,他们的海水泪开始变成金箔碎片与气泡水的混合液。近生改良和高质量增长。"),
            "推动平易近生改良和高质量增长。"
        )
        // Never past a closing mark it did not open.
        XCTAssertEqual(
            try filtered("(以下简称“百千万工程”牛土豪则从悍马车的后备箱里拿出一个像是小型保险箱的东西,小心翼翼地拿出一张一元美金。)。"),
            "(以下简称“百千万工程”)。"
        )
    }

    func testAQuoteBlockIsRemovedWhenTheArticleQuotesWithDoubleQuotes() throws {
        let text = "也是拉投资、扩内需「现在,我的咖啡馆正在承受百分之八十七点八八的结构失衡压力!我需要校准!」、稳增长的重要抓手。"
        XCTAssertEqual(try filtered(text, mixedQuotes: true), "也是拉投资、扩内需、稳增长的重要抓手。")
        // In an article that quotes with 「」 throughout, one weak word is not enough.
        XCTAssertEqual(try filtered(text, mixedQuotes: false), text)
    }

    func testRealSentencesWithAStrayOffTopicWordStay() throws {
        for text in [
            "村里新开的咖啡馆吸引游客,带动村民增收。",
            "引领区(广州)最美旅游公路从化段-彩虹桥驿站",
            "乡村咖啡馆成为网红打卡点,甜点很受欢迎,带动乡村旅游和就业。",
            "帮扶企业出口额达500万美金。",
            "他平易近人,热水瓶、打土豪的故事也讲给孩子们听。",
            "孩子们折千纸鹤,送给东西部协作工作队的老师,感谢帮扶项目。",
        ] {
            XCTAssertEqual(try filtered(text), text)
        }
    }

    func testAParagraphThatIsAllSpamDisappears() throws {
        XCTAssertEqual(
            try filtered("第一段讲乡村振兴。\n甜甜圈被机器转化为一团团彩虹色的逻辑悖论,朝着金箔千纸鹤发射出去。\n第三段讲产业协作。"),
            "第一段讲乡村振兴。\n第三段讲产业协作。"
        )
    }
}
