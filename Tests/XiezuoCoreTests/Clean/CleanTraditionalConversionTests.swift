import Dispatch
import XCTest

@testable import XiezuoCore

/// OpenCC through its C API: the wrapper, the handle pool, the setup error, and what clean does
/// with Traditional and Simplified articles.
final class CleanTraditionalConversionTests: XCTestCase {
    func testOpenCCConvertsAKnownSentence() throws {
        let openCC = try OpenCC(configuration: "t2s.json")
        // OpenCC maps 逕 to 迳 (its Simplified form in the 通用规范汉字表); 径 is the form of 徑.
        XCTAssertEqual(try openCC.convert("廣州市黃埔區逕下村新型裝配式農房"), "广州市黄埔区迳下村新型装配式农房")
        XCTAssertEqual(try openCC.convert("村集體經濟支出從2022年的389萬元增至2024年919萬元"), "村集体经济支出从2022年的389万元增至2024年919万元")
        XCTAssertEqual(try openCC.convert(""), "")
    }

    /// The default `t2s.json` is run as `the single-pass configuration`; it must convert
    /// exactly like OpenCC's own configuration, phrases (乾隆, 著名, 瞭望, 麵包) included.
    func testTheSinglePassConfigurationConvertsLikeOpenCCsOwn() throws {
        let singlePass = try TestResources.resources().openCCSinglePass
        let fast = try OpenCC(configuration: singlePass)
        let stock = try OpenCC(configuration: "/usr/share/opencc/t2s.json")
        var texts = [
            "乾隆年間，他著有《天工開物》一書；頭髮很長的夥計在瞭望台上說：這裡的麵包很好吃，乾淨又便宜。",
            "於是兩地簽署協議，計劃總投資3.5億元，帶動1200名群眾就業，後續還將聯合舉辦招聘會。",
            "著名的東西部協作項目「粵黔協作」已經發展了許多年，裡面有不少鄉村振興的故事。",
        ]
        texts.append(String(decoding: try CleanTestSupport.seed("002").bytes, as: UTF8.self))
        for text in texts {
            XCTAssertEqual(try fast.convert(text), try stock.convert(text))
        }
        XCTAssertEqual(TraditionalConverter(configuration: "t2s.json", singlePass: try TestResources.resources().openCCSinglePass).configuration, "t2s.json")
    }

    func testOpenCCConvertsAcrossANULInsteadOfStoppingThere() throws {
        let openCC = try OpenCC(configuration: "/usr/share/opencc/t2s.json")
        XCTAssertEqual(try openCC.convert("兩地\u{0}協作"), "两地\u{0}协作")
    }

    func testAMissingConfigurationIsATypedErrorWhenTheStageIsPrepared() {
        var config = CleanConfig()
        config.openCCConfig = "/nonexistent/t2s.json"
        XCTAssertThrowsError(try TestResources.cleanStage(config: config).prepare()) { error in
            guard let error = error as? CleanSetupError else { return XCTFail("unexpected \(error)") }
            XCTAssertEqual(error.code, .openCCUnavailable)
            XCTAssertEqual(error.location, "/nonexistent/t2s.json")
            XCTAssertEqual(error.cause?.function, "opencc_open")
            XCTAssertTrue(
                error.description.hasPrefix(
                    "clean cannot start (opencc_unavailable) at /nonexistent/t2s.json: OpenCC cannot convert Traditional Chinese: "
                ), error.description
            )
            XCTAssertTrue(
                error.description.hasSuffix(
                    "; install Debian's libopencc-data (it provides /usr/share/opencc/t2s.json) or set clean.opencc_config "
                        + "to an OpenCC configuration file"
                ), error.description
            )
        }
    }

    func testTheDefaultConfigurationPreparesTheStage() throws {
        XCTAssertNoThrow(try TestResources.cleanStage().prepare())
    }

    /// Without `prepare()`, a missing configuration rejects the Traditional sources only.
    func testAnUnpreparedStageRejectsTraditionalSourcesAndKeepsSimplifiedOnes() throws {
        var config = CleanConfig()
        config.openCCConfig = "/nonexistent/t2s.json"
        let reason = try XCTUnwrap(CleanTestSupport.rejectReason(CleanTestSupport.seed("002").bytes, config: config))
        XCTAssertTrue(
            reason.hasPrefix(
                "the text is Traditional Chinese and OpenCC could not convert it: opencc_open failed for OpenCC configuration "
                    + "/nonexistent/t2s.json: "
            ), reason
        )
        for prefix in ["000", "001", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            XCTAssertEqual(
                try CleanTestSupport.articles(seed.bytes, name: seed.name, config: config),
                try CleanTestSupport.articles(seed.bytes, name: seed.name), prefix
            )
        }
    }

    func testSeed002IsConvertedAndStillReportsItsOriginalScript() throws {
        let article = try XCTUnwrap(CleanTestSupport.seedArticles("002").first)
        XCTAssertEqual(article.script, .hant)
        XCTAssertEqual(ScriptDetector.script(of: ScalarText.scalars(article.text)), .hans)
        XCTAssertTrue(article.text.hasPrefix("擘画蓝图,接续奋斗。2025年11月,党的二十届四中全会后首次国内考察,"), article.text)
        for traditional in ["廣州", "發展", "鄉村", "區域", "協調", "經濟", "萬元", "億元", "東西部", "項目"] {
            XCTAssertFalse(article.text.contains(traditional), traditional)
        }
        XCTAssertTrue(article.text.contains("广州市黄埔区迳下村新型装配式农房"))
    }

    func testATraditionalTitleIsConvertedLikeItsText() throws {
        let article = try XCTUnwrap(CleanTestSupport.articles(fixture: "traditional.txt").first)
        XCTAssertEqual(article.script, .hant)
        XCTAssertEqual(article.title, "两地协作开新局")
        XCTAssertEqual(
            article.text,
            "两地协作开新局\n这几年来，两地在产业、教育、医疗等领域开展全方位协作，一大批民生项目落地见效，群众获得感显著增强，区域协调发展迈上新台阶。"
        )
    }

    /// Workers share the stage: each conversion takes its own handle from the pool.
    func testConcurrentConversionsGiveTheSameResult() throws {
        let converter = TraditionalConverter(configuration: "t2s.json", singlePass: try TestResources.resources().openCCSinglePass)
        let text = String(decoding: try CleanTestSupport.seed("002").bytes, as: UTF8.self)
        let expected = try converter.convert(text)
        let results = ResultBox(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results.set(index, (try? converter.convert(text)) ?? "failed")
        }
        XCTAssertEqual(results.values, Array(repeating: expected, count: 8))
    }

    /// Results written by concurrent workers, each to its own index, behind a lock.
    private final class ResultBox: @unchecked Sendable {
        // @unchecked Sendable: `stored` is only touched inside `lock`.
        private let lock = Lock()
        private var stored: [String]

        init(count: Int) {
            stored = Array(repeating: "", count: count)
        }

        func set(_ index: Int, _ value: String) {
            lock.withLock { stored[index] = value }
        }

        var values: [String] { lock.withLock { stored } }
    }
}
