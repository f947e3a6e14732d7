import Foundation
import GRDB
import XCTest

@testable import XiezuoCore

/// The store's page cache: 8 MiB while the read step stores articles, 2 MiB from dedupe on.
final class StoreCacheTests: XCTestCase {
    func testTheCacheIsLoweredOnceTheArticlesAreStored() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try ArticleStore(path: directory.appendingPathComponent("store.sqlite").path)
        let sizes = try store.transaction { transaction in
            let storing = try Int.fetchOne(transaction.db, sql: "PRAGMA cache_size")
            try transaction.cacheForReading()
            return (storing, try Int.fetchOne(transaction.db, sql: "PRAGMA cache_size"))
        }
        XCTAssertEqual(sizes.0, -8192)
        XCTAssertEqual(sizes.1, -2048)
    }
}
