import Foundation
import XCTest

@testable import XiezuoCore

final class RetryTimingTests: XCTestCase {
    func testRetryAfterReadsSecondsAndHTTPDates() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        XCTAssertEqual(RetryAfter.seconds("120", now: now), 120)
        XCTAssertEqual(RetryAfter.seconds(" 0 ", now: now), 0)
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        XCTAssertEqual(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:50 GMT", now: now), 30)
        XCTAssertEqual(RetryAfter.seconds("Tuesday, 14-Nov-23 22:14:20 GMT", now: now), 60)
        XCTAssertEqual(RetryAfter.seconds("Tue, 14 Nov 2023 22:00:00 GMT", now: now), 0, "a date in the past")
        XCTAssertNil(RetryAfter.seconds("-5", now: now))
        XCTAssertNil(RetryAfter.seconds("soon", now: now))
    }

    func testBackoffIsFullJitterUnderAGrowingCappedCeiling() {
        let backoff = Backoff(base: 1, maximum: 5)
        var generator = SystemRandomNumberGenerator()
        for (retry, ceiling) in [(1, 1.0), (2, 2.0), (3, 4.0), (4, 5.0), (40, 5.0)] {
            let delays = (0..<200).map { _ in backoff.delay(beforeRetry: retry, using: &generator) }
            XCTAssertTrue(delays.allSatisfy { $0 >= 0 && $0 <= ceiling }, "retry \(retry)")
            XCTAssertGreaterThan(delays.max() ?? 0, ceiling * 0.5, "retry \(retry): the whole range is used")
            XCTAssertLessThan(delays.min() ?? ceiling, ceiling * 0.5, "retry \(retry): the whole range is used")
        }
        XCTAssertEqual(Backoff(base: 0, maximum: 0).delay(beforeRetry: 3, using: &generator), 0)
    }

    func testContentTypeCharsetIsReadWithOrWithoutQuotes() {
        XCTAssertEqual(HTTPClient.charset(ofContentType: "text/html; charset=gbk"), "gbk")
        XCTAssertEqual(HTTPClient.charset(ofContentType: #"text/html;Charset="GB2312""#), "GB2312")
        XCTAssertNil(HTTPClient.charset(ofContentType: "text/html"))
    }
}
