import Foundation
import XCTest

@testable import XiezuoCore

/// The `clean` keys of Traditional conversion, de-spinning and spam removal: defaults, strict
/// decoding and validation.
final class CleanTextRepairConfigTests: XCTestCase {
    private func decode(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.decode(Data(json.utf8), file: "pipeline.json")
    }

    func testDefaults() {
        let config = CleanConfig()
        XCTAssertEqual(config.openCCConfig, "t2s.json")
        XCTAssertEqual(config.despinMinMarkers, 3)
        XCTAssertEqual(config.spamKeywordMinDistinct, 3)
        XCTAssertEqual(config.offTopicMinScore, 2)
        XCTAssertEqual(config.despinMarkers.first, "平易近")
        XCTAssertTrue(config.spamKeywordHeads.contains("宾士"))
        XCTAssertEqual(config.spamKeywordItems, ["零件", "配件", "材料"])
    }

    func testEveryKeyDecodes() throws {
        let config = try decode(
            #"""
            {"clean": {"opencc_config": "/usr/share/opencc/t2s.json", "despin_markers": ["平易近"], "despin_min_markers": 1,
              "spam_keyword_heads": ["宝马"], "spam_keyword_items": ["零件"], "spam_keyword_solo": ["水箱精"],
              "spam_keyword_tails": ["报价"], "spam_keyword_min_distinct": 2, "offtopic_words": ["甜甜圈"],
              "offtopic_weak_words": ["彩虹"], "offtopic_names": ["天秤"], "ontopic_words": ["发展"],
              "offtopic_min_score": 3}}
            """#
        ).clean
        var expected = CleanConfig()
        expected.openCCConfig = "/usr/share/opencc/t2s.json"
        expected.despinMarkers = ["平易近"]
        expected.despinMinMarkers = 1
        expected.spamKeywordHeads = ["宝马"]
        expected.spamKeywordItems = ["零件"]
        expected.spamKeywordSolo = ["水箱精"]
        expected.spamKeywordTails = ["报价"]
        expected.spamKeywordMinDistinct = 2
        expected.offTopicWords = ["甜甜圈"]
        expected.offTopicWeakWords = ["彩虹"]
        expected.offTopicNames = ["天秤"]
        expected.onTopicWords = ["发展"]
        expected.offTopicMinScore = 3
        XCTAssertEqual(config, expected)
    }

    func testAMistypedKeyIsAnErrorNamingIt() {
        XCTAssertThrowsError(try decode(#"{"clean": {"offtopic_word": ["甜甜圈"]}}"#)) { error in
            let description = (error as? ConfigError)?.description ?? ""
            XCTAssertTrue(description.contains("clean.offtopic_word: unknown key; expected one of: "), description)
            XCTAssertTrue(description.contains("offtopic_words, offtopic_weak_words, offtopic_names"), description)
        }
    }

    func testInvalidValuesAreReportedWithTheirPaths() {
        XCTAssertThrowsError(
            try decode(
                #"{"clean": {"opencc_config": " ", "despin_min_markers": -1, "offtopic_min_score": -2, "spam_keyword_heads": ["宝马", ""]}}"#
            )
        ) { error in
            XCTAssertEqual(
                (error as? ConfigError)?.problems,
                [
                    ConfigProblem(
                        path: "clean.opencc_config",
                        message: "must name an OpenCC configuration, e.g. \"t2s.json\" or /usr/share/opencc/t2s.json"
                    ),
                    ConfigProblem(
                        path: "clean.despin_min_markers", message: "must be 0 or more (0 de-spins every article)"),
                    ConfigProblem(
                        path: "clean.offtopic_min_score", message: "must be 0 or more (0 turns off-topic removal off)"),
                    ConfigProblem(
                        path: "clean.spam_keyword_heads[1]", message: "an empty word matches everywhere; remove it"),
                ]
            )
        }
    }

    func testAWrongTypeNamesTheKey() {
        XCTAssertThrowsError(try decode(#"{"clean": {"despin_min_markers": "three"}}"#)) { error in
            XCTAssertEqual(
                (error as? ConfigError)?.problems,
                [ConfigProblem(path: "clean.despin_min_markers", message: "expected a whole number")]
            )
        }
    }
}
