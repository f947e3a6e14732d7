import Foundation
import XCTest

/// A program some tests need that is not part of xiezuo's build (LibreOffice, PostgreSQL,
/// Chromium): `.ci/run` installs it. Where it is missing the test is skipped, except under CI
/// (`CI=true`), where a missing component is a failure.
enum HeavyComponent {
    /// The first of `candidates` that can be run.
    static func find(_ candidates: [String]) -> URL? {
        candidates.map(URL.init(fileURLWithPath:)).first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// `url`, or a skip (a failure under CI) naming what to install.
    static func require(_ url: URL?, _ what: String) throws -> URL {
        if let url { return url }
        if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("\(what) is not installed; .ci/run installs it") }
        throw XCTSkip("\(what) is not installed")
    }

    static var soffice: URL? {
        find(["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"])
    }
}
