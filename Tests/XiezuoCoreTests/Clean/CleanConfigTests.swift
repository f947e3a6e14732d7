import Foundation
import XCTest

@testable import XiezuoCore

/// The `clean` section of `pipeline.json`: defaults, strict keys and validation.
final class CleanConfigTests: XCTestCase {
    private func decode(_ json: String) throws(ConfigError) -> PipelineConfig {
        try PipelineConfig.decode(Data(json.utf8), file: "pipeline.json")
    }

    func testAnEmptySectionTakesEveryDefault() throws {
        XCTAssertEqual(try decode(#"{"clean": {}}"#).clean, CleanConfig())
        XCTAssertEqual(CleanConfig().minArticleChars, 60)
        XCTAssertEqual(CleanConfig().captionMarks, "■▲◀▶▼●◆")
    }

    func testEveryKeyDecodes() throws {
        let config = try decode(
            #"""
            {"clean": {"min_article_chars": 10, "max_heading_chars": 40, "max_caption_chars": 80, "max_tag_chars": 4,
              "max_control_share": 0.1, "caption_marks": "■", "navigation_marks": "•", "byline_words": ["记者"],
              "noise_prefixes": ["本站"], "noise_substrings": ["快照"], "related_headings": ["相关新闻"]}}
            """#
        ).clean
        XCTAssertEqual(
            config,
            CleanConfig(
                minArticleChars: 10, maxHeadingChars: 40, maxCaptionChars: 80, maxTagChars: 4, maxControlShare: 0.1,
                captionMarks: "■", navigationMarks: "•", bylineWords: ["记者"], noisePrefixes: ["本站"],
                noiseSubstrings: ["快照"], relatedHeadings: ["相关新闻"]
            )
        )
    }

    func testAnUnknownKeyIsAnErrorNamingIt() {
        XCTAssertThrowsError(try decode(#"{"clean": {"caption_mark": "■"}}"#)) { error in
            let description = (error as? ConfigError)?.description ?? ""
            XCTAssertTrue(
                description.contains("clean.caption_mark: unknown key; expected one of: min_article_chars"), description
            )
        }
    }

    func testInvalidValuesAreReportedWithTheirPaths() {
        XCTAssertThrowsError(
            try decode(#"{"clean": {"min_article_chars": -1, "max_control_share": 2, "noise_prefixes": ["本站", " "]}}"#)
        ) { error in
            XCTAssertEqual(
                (error as? ConfigError)?.problems,
                [
                    ConfigProblem(path: "clean.min_article_chars", message: "must be 0 or more"),
                    ConfigProblem(
                        path: "clean.max_control_share", message: "must be a fraction between 0 and 1, e.g. 0.05"),
                    ConfigProblem(
                        path: "clean.noise_prefixes[1]", message: "an empty pattern matches every line; remove it"),
                ]
            )
        }
    }
}
