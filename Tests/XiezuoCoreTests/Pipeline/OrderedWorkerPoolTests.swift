import Foundation
import XCTest

@testable import XiezuoCore

/// The worker pool's error path: a consumer that throws while the feeder waits for room (a
/// store write failing, a run stopped by SIGTERM) must end with the error, not with
/// libdispatch's "semaphore deallocated while in use" crash.
final class OrderedWorkerPoolTests: XCTestCase {
    private struct Stop: Error {}

    func testAConsumerErrorWhileTheFeederWaitsIsRethrown() {
        for workers in [1, 2, 4] {
            let pool = OrderedWorkerPool(workers: workers)
            var consumed: [Int] = []
            XCTAssertThrowsError(
                try pool.run(
                    Array(0..<200), work: { $0 },
                    consume: { value in
                        // Give the feeder time to fill the window and block on it.
                        Thread.sleep(forTimeInterval: 0.05)
                        if value == 1 { throw Stop() }
                        consumed.append(value)
                    })
            ) { error in
                XCTAssertTrue(error is Stop)
            }
            XCTAssertEqual(consumed, [0])
        }
    }

    func testResultsComeInInputOrder() throws {
        var consumed: [Int] = []
        try OrderedWorkerPool(workers: 3).run(
            Array(0..<100), work: { value in
                usleep(UInt32((100 - value) * 50))
                return value * 2
            }, consume: { consumed.append($0) })
        XCTAssertEqual(consumed, (0..<100).map { $0 * 2 })
    }
}
