import Dispatch
import XCTest

@testable import XiezuoCore

/// `BackgroundValue` runs its work on another thread, at once, and hands back exactly its value.
final class BackgroundValueTests: XCTestCase {
    func testTheWorkRunsBesideTheCallerAndItsValueIsHandedBack() {
        // The work waits for the caller: were it run on the caller's thread, or only when the
        // value is asked for, the caller's signal would never come first and the wait would time out.
        let callerWentOn = DispatchSemaphore(value: 0)
        let value = BackgroundValue { () -> Bool in
            callerWentOn.wait(timeout: .now() + 10) == .success
        }
        callerWentOn.signal()
        XCTAssertTrue(value.value)
    }

    func testEveryValueOfManyIsItsOwn() {
        let values = (0..<64).map { index in BackgroundValue { (0...index).reduce(0, +) } }
        XCTAssertEqual(values.map(\.value), (0..<64).map { ($0 * ($0 + 1)) / 2 })
        XCTAssertEqual(values[10].value, values[10].value, "asked twice, the same value")
    }
}
