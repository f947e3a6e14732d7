/// Stock phrases of the cooperation programmes and a generator of synthetic articles built
/// from them: the hard negatives of near-duplicate detection (different stories that share
/// the programmes' vocabulary and sentence patterns) and, for the scale test, a corpus of any
/// size. Slots in a template: {E} eastern partner, {W} western or northern partner, {T} town,
/// {I} industry, {P} person, {Y} year, {M} month, {D} day, {N} {K} {L} counts, {A} {B} amounts.
enum NearDuplicateStockText {
    static let east = [
        "广州市黄埔区", "广州市荔湾区", "广州市天河区", "广州市番禺区", "广州市白云区", "广州市海珠区", "深圳市福田区",
        "深圳市南山区", "佛山市南海区", "佛山市顺德区", "东莞市", "珠海市", "中山市", "肇庆市鼎湖区", "江门市",
        "惠州市", "广州市增城区", "广州市花都区",
    ]
    static let west = [
        "黔南州惠水县", "黔南州龙里县", "三都水族自治县", "毕节市纳雍县", "黔东南州从江县", "安顺市紫云县", "贺州市昭平县",
        "富川瑶族自治县", "百色市田林县", "河池市都安县", "梅州市梅县区", "梅州市梅江区", "清远英德市", "湛江市坡头区",
        "韶关市乳源县", "河源市紫金县", "汕尾市陆丰市", "茂名市信宜市", "龙岩市长汀县", "赣州市于都县",
    ]
    static let towns = [
        "大洞镇", "白渡镇", "畲江镇", "松源镇", "丙村镇", "南口镇", "吕田镇", "涟江街道", "凤羽街道", "中和镇", "湾滩河镇",
        "石门镇", "太平镇", "龙潭镇", "新圩镇", "古城镇", "沙田镇", "平安镇",
    ]
    static let industries = [
        "刺梨", "茶叶", "蔬菜", "食用菌", "生猪养殖", "新能源汽车", "电子信息", "服装加工", "预制菜", "中药材", "百香果",
        "鲟鱼养殖", "富硒水稻", "柚子", "箱包制造", "文旅康养", "竹木加工", "肉牛养殖", "蓝莓", "油茶",
    ]
    /// Frequent Chinese characters, for typos and for the scale test's lexicon.
    static let commonCharacters = Array(
        "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
    )
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐韩曹许邓冯")
    static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚桂英华玉兰红建国志文斌海波春晓")

    static let headlines = [
        "{E}携手{W}深化{I}产业协作", "{W}:东西部协作为{I}产业注入新动能", "{E}助力{W}{T}打造{I}特色产业",
        "“百千万工程”推动{W}{T}乡村振兴见实效", "{E}与{W}签约{N}个协作项目 总投资{A}亿元", "消费帮扶拓宽{W}{I}销路",
        "{W}{T}工作队:让{I}成为群众的致富产业", "劳务协作架起{E}与{W}就业桥梁", "{W}召开东西部协作工作推进会",
        "{E}{K}家企业赴{W}考察对接", "小{I}撬动大产业 {W}{T}走出共富路", "{E}组团式帮扶{W}见成效",
    ]

    /// Sentences are put together from these parts: a lead-in, a subject, one or two actions
    /// carrying facts, and sometimes a stated purpose; or a quote. Real coverage shares such
    /// phrases, rarely whole sentences.
    static let leads = [
        "近年来,", "{Y}年以来,", "{M}月{D}日,", "据了解,", "据统计,", "记者从{E}协作办获悉,", "今年以来,", "截至{M}月底,",
        "在东西部协作的推动下,", "在“百千万工程”的带动下,", "围绕乡村振兴,", "为推动乡村全面振兴,", "", "", "与此同时,", "此外,",
        "去年,", "{Y}年,",
    ]
    static let subjects = [
        "{E}", "{W}", "{E}协作办", "{W}{T}工作队", "{W}{T}", "两地", "{E}企业", "{W}农业农村局", "驻镇帮镇扶村工作队",
        "{E}与{W}", "{W}东西部协作工作组", "粤黔协作工作队",
    ]
    static let actions = [
        "深化东西部协作,累计引进企业{N}家", "投入财政帮扶资金{A}亿元", "实施帮扶项目{N}个", "帮助销售{I}等农特产品{A}亿元",
        "帮助农村劳动力{L}人实现就业", "建成{I}标准化种植基地{N}亩", "共建产业园区{K}个,入驻企业{N}家",
        "新增落地项目{N}个,到位资金{B}亿元", "建设帮扶车间{K}个,吸纳搬迁群众{N}人就近就业",
        "组织{N}家企业开展产业对接活动,现场签约项目{K}个", "举办{I}专题推介会{K}场", "培训基层干部和专业技术人员{L}人次",
        "选派{N}名教师、医生开展组团式帮扶", "发动{N}家企业与{K}个村结对帮扶", "推动{I}种植面积达到{L}亩",
        "带动村集体经济收入从{K}万元增至{N}万元", "带动{L}户农户户均增收{N}元", "协议投资额达{A}亿元",
        "开通{W}农特产品进穗“绿色通道”", "在{E}设立{I}展销专区{K}个", "打造{I}全产业链,年产值超{B}亿元",
        "引进{I}龙头企业{K}家", "筹集资金{N}万元用于改善{T}基础设施", "开展“万企兴万村”行动,覆盖{K}个村",
        "推动{I}产品进入粤港澳大湾区市场", "完成{I}加工厂房建设{N}平方米", "发放就业补贴{N}万元",
        "建设冷链物流中心{K}个", "举办招聘会{K}场,提供岗位{L}个", "帮助{W}{T}完成{N}户农房改造",
    ]
    static let purposes = [
        "为当地群众增收致富注入新动能", "推动{I}产业提质增效", "走出了一条产业协作的新路子", "让群众在家门口就能就业",
        "实现了从“输血”到“造血”的转变", "有力助推了乡村全面振兴", "推动协作成果惠及更多群众",
        "形成了优势互补、互利共赢的良好局面", "为高质量发展打下坚实基础", "进一步拓宽了群众增收渠道",
        "推动协作从“单向帮扶”向“双向奔赴”转变", "助力“百千万工程”走深走实",
    ]
    static let quotes = [
        "“产业振兴是乡村振兴的重中之重。”{W}{T}工作队队长{P}说。",
        "“以前种{I}靠天吃饭,现在有了订单,心里踏实多了。”{T}村民{P}笑着说。",
        "“下一步,我们将继续加强产业协作,推动更多项目落地见效。”{E}协作办负责人{P}表示。",
        "“{W}资源丰富、劳动力充足,我们计划再投入{B}亿元扩大生产。”{E}企业负责人{P}说。",
        "{P}介绍,{T}依托{I}产业打造“一镇一业”,村民收入明显提高。",
        "“家门口就能上班,还能照顾老人孩子。”在帮扶车间务工的{P}说。",
    ]

    /// `count` synthetic articles with one structure: the same headline and stock sentence
    /// patterns in the same order, each with its own partners and facts. One of them is an
    /// ordinary article; two are sibling stories, like the next county's report in a series,
    /// that must not be taken for copies of each other.
    ///
    /// Each of the 2–4 sentences of a paragraph is put together from stock parts, or with
    /// probability `borrowing` quoted from `borrowed` (sentences of real articles) with its
    /// numbers redrawn, as reports quote the same press releases; siblings quote different ones.
    static func articles(
        _ random: inout NearDuplicateRandom, count: Int = 1, paragraphs: Int, borrowed: [String] = [],
        borrowing: Double = 0.5
    ) -> [[String]] {
        var facts = (0..<count).map { _ in Facts(&random) }
        let headline = random.pick(headlines)
        var results = (0..<count).map { [facts[$0].fill(headline, &random)] }
        for _ in 0..<paragraphs {
            var texts = Array(repeating: "", count: count)
            for _ in 0..<random.within(2...4) {
                if !borrowed.isEmpty && random.chance(borrowing) {
                    for index in 0..<count { texts[index] += redrawNumbers(random.pick(borrowed), &random) }
                } else {
                    let template = sentence(&random)
                    for index in 0..<count { texts[index] += facts[index].fill(template, &random) }
                }
            }
            for index in 0..<count { results[index].append(texts[index]) }
        }
        return results
    }

    /// One article (`articles` with `count` 1).
    static func article(
        _ random: inout NearDuplicateRandom, paragraphs: Int, borrowed: [String] = [], borrowing: Double = 0.5
    ) -> [String] {
        articles(&random, paragraphs: paragraphs, borrowed: borrowed, borrowing: borrowing)[0]
    }

    /// `sentence` with each run of ASCII digits replaced by random digits.
    static func redrawNumbers(_ sentence: String, _ random: inout NearDuplicateRandom) -> String {
        var result = ""
        var digits = 0
        func flush(_ random: inout NearDuplicateRandom) {
            guard digits > 0 else { return }
            result += String(random.within(1...9))
            for _ in 1..<digits { result += String(random.below(10)) }
            digits = 0
        }
        for character in sentence {
            if character.isASCII && character.isNumber {
                digits += 1
            } else {
                flush(&random)
                result.append(character)
            }
        }
        flush(&random)
        return result
    }

    /// One sentence template made of stock parts.
    static func sentence(_ random: inout NearDuplicateRandom) -> String {
        if random.chance(0.12) { return random.pick(quotes) }
        var sentence = random.pick(leads) + random.pick(subjects) + random.pick(actions)
        if random.chance(0.4) { sentence += "," + random.pick(actions) }
        if random.chance(0.5) { sentence += "," + random.pick(purposes) }
        return sentence + "。"
    }

    /// The facts of one article: its partners stay fixed, numbers are drawn per slot.
    struct Facts {
        var east: String
        var west: String
        var town: String
        var industry: String
        var year: Int

        init(_ random: inout NearDuplicateRandom) {
            east = random.pick(NearDuplicateStockText.east)
            west = random.pick(NearDuplicateStockText.west)
            town = random.pick(towns)
            industry = random.pick(industries)
            year = random.within(2021...2025)
        }

        /// `template` with its slots filled.
        mutating func fill(_ template: String, _ random: inout NearDuplicateRandom) -> String {
            var result = ""
            var slot = false
            for character in template {
                if character == "{" {
                    slot = true
                } else if slot {
                    if character == "}" { slot = false } else { result += value(character, &random) }
                } else {
                    result.append(character)
                }
            }
            return result
        }

        private mutating func value(_ kind: Character, _ random: inout NearDuplicateRandom) -> String {
            switch kind {
            case "E": return east
            case "W": return west
            case "T": return town
            case "I": return industry
            case "Y": return String(year)
            case "M": return String(random.within(1...12))
            case "D": return String(random.within(1...28))
            case "N": return String(random.within(2...300))
            case "K": return String(random.within(2...40))
            case "L": return String(random.within(100...20000))
            case "A", "B": return "\(random.within(1...99)).\(random.within(1...9))"
            default: return NearDuplicateStockText.person(&random)
            }
        }
    }

    static func person(_ random: inout NearDuplicateRandom) -> String {
        String(random.pick(surnames)) + String(random.pick(givenNames))
            + (random.chance(0.5) ? String(random.pick(givenNames)) : "")
    }
}
