import XCTest

@testable import XiezuoCore

/// The de-spinning table (`Resources/despin.csv`) and the rule that applies it only to spun
/// articles.
final class CleanDespinTests: XCTestCase {
    private func despinner(minMarkers: Int = 3) throws -> Despinner {
        Despinner(
            table: try TestResources.resources().despinTable,
            markers: CleanConfig.defaultDespinMarkers.map { ScalarText.scalars($0) }, minMarkers: minMarkers
        )
    }

    private func despun(_ text: String) throws -> String {
        let scalars = ScalarText.scalars(text)
        return try despinner(minMarkers: 0).despun(scalars).map { ScalarText.string($0) } ?? text
    }

    func testTheBundledTableLoads() throws {
        let table = try TestResources.resources().despinTable
        XCTAssertEqual(table.count, 181)
        XCTAssertEqual(table.trie.count, 181)
    }

    func testEveryEntryHasANoteAndTheHeaderIsExact() throws {
        let records = try CSVReader.records(atPath: try XCTUnwrap(ProcessorResources.bundledDirectory) + "/despin.csv")
        XCTAssertEqual(records.first, ["spun", "original", "note"])
        for record in records.dropFirst() {
            XCTAssertEqual(record.count, 3, "\(record)")
            XCTAssertFalse((record.last ?? nil)?.isEmpty ?? true, "\(record)")
        }
    }

    func testLongestMatchWinsInOnePass() throws {
        XCTAssertEqual(
            try despun("2024年农村居平易近人均可安排支出初次冲破4万元,城乡居平易近支出比从2022年的2.12降至2.04。"),
            "2024年农村居民人均可支配收入首次突破4万元,城乡居民收入比从2022年的2.12降至2.04。"
        )
        XCTAssertEqual(try despun("作为国家主要中间城市、粤港澳年夜湾区焦点引擎"), "作为国家重要中心城市、粤港澳大湾区核心引擎")
        XCTAssertEqual(try despun("村集体经济支出从2022年的389万元增至2024年919万元"), "村集体经济收入从2022年的389万元增至2024年919万元")
        // One pass: a replacement is never looked at again (年夜 → 大, not 大 → anything).
        XCTAssertEqual(try despun("年夜年夜"), "大大")
    }

    func testGuardEntriesAndContextKeepRealWords() throws {
        XCTAssertEqual(try despun("一家人吃年夜饭,他平易近人。"), "一家人吃年夜饭,他平易近人。")
        XCTAssertEqual(try despun("独一无二的中间位置,支出增加,改造旧厂房,焦点问题"), "独一无二的中间位置,支出增加,改造旧厂房,焦点问题")
        XCTAssertEqual(try despun("他学习融会贯通"), "他学习融会贯通")
    }

    func testOnlyArticlesWithThreeDifferentMarkersAreSpun() throws {
        let despinner = try despinner()
        XCTAssertFalse(despinner.isSpun(ScalarText.scalars("除夕吃年夜饭,老书记平易近人,年夜饭后又吃年夜饭。")))
        XCTAssertTrue(despinner.isSpun(ScalarText.scalars("村平易近说,年夜湾区若何发展?")))
        XCTAssertTrue(try self.despinner(minMarkers: 0).isSpun(ScalarText.scalars("普通的文字")))
    }

    func testAnOrdinaryArticleIsNotDespun() throws {
        var config = CleanConfig()
        config.spamKeywordMinDistinct = 0
        let text = "他平易近人,年夜饭后走访村民。\n这是一段足够长的普通文字,讲述乡村振兴与东西部协作的故事,中间城市改造工程稳步推进,村集体经济支出减少。"
        let articles = try CleanTestSupport.articles(Array(text.utf8), config: config)
        XCTAssertEqual(articles.map(\.text), [text])
    }

    func testSeed002IsDespun() throws {
        let text = try XCTUnwrap(CleanTestSupport.seedArticles("002").first).text
        for spun in [
            "年夜", "平易近", "生齿", "若何", "一起配合", "感触感染", "不受拘束", "设置装备摆设", "更换新的资料", "喷鼻", "进选", "纳进", "注进", "中间城市", "焦点引擎",
            "融会发展", "下往",
        ] {
            XCTAssertFalse(text.contains(spun), spun)
        }
        for original in [
            "粤港澳大湾区", "迳下村村民", "常住人口", "如何变“短板”", "对外开放合作", "审美享受", "自由流动", "市场化配置", "城市更新", "书香墨韵", "入选", "纳入", "注入",
        ] {
            XCTAssertTrue(text.contains(original), original)
        }
    }

    /// The table itself, forced onto every article, leaves ordinary text alone.
    func testTheTableLeavesTheOtherSeedsByteIdenticalEvenWhenForced() throws {
        var forced = CleanConfig()
        forced.despinMinMarkers = 0
        var off = CleanConfig()
        off.despinMinMarkers = Int.max
        for prefix in ["000", "001", "003", "004"] {
            let seed = try CleanTestSupport.seed(prefix)
            let plain = try CleanTestSupport.articles(seed.bytes, name: seed.name, config: off)
            XCTAssertEqual(try CleanTestSupport.articles(seed.bytes, name: seed.name), plain, prefix)
            XCTAssertEqual(try CleanTestSupport.articles(seed.bytes, name: seed.name, config: forced), plain, prefix)
        }
    }

    func testAMalformedTableIsRejectedWithItsRecord() {
        func problem(_ records: [[String?]]) -> String {
            do {
                _ = try DespinTable(records: records, path: "despin.csv")
                return "accepted"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(
            problem([["spun", "original"]]),
            "clean cannot start (despin_table_invalid) at despin.csv record 1: the header is spun,original; "
                + "expected spun,original,note"
        )
        XCTAssertEqual(
            problem([["spun", "original", "note"], ["年夜", "大", nil]]),
            "clean cannot start (despin_table_invalid) at despin.csv record 2: the note is empty; say what the phrase means"
        )
        XCTAssertEqual(
            problem([["spun", "original", "note"], ["年夜", "大", "big"], ["年夜", "大", "again"]]),
            "clean cannot start (despin_table_invalid) at despin.csv record 3: 年夜 is already in record 2"
        )
        XCTAssertEqual(
            problem([["spun", "original", "note"], ["年夜", "", "big"]]),
            "clean cannot start (despin_table_invalid) at despin.csv record 2: the original is empty; "
                + "write the phrase itself to keep it as it is"
        )
        XCTAssertEqual(
            problem([]),
            "clean cannot start (despin_table_invalid) at despin.csv: the table is empty: "
                + "expected the header spun,original,note"
        )
    }
}
