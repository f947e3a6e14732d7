import XCTest

@testable import XiezuoCore

/// The redirect rule's classes (`AddressClass`) and the rule itself: a redirect may go to a
/// public address or to one of the class its request went to. The end-to-end tests run on
/// 127.0.0.1, a loopback origin; these cover a public origin, which a test server cannot be.
final class AddressClassTests: XCTestCase {
    private func address(_ text: String) throws -> SocketAddress {
        try XCTUnwrap(SocketAddress(parsing: text), text)
    }

    func testEveryAddressFallsInItsClass() throws {
        let expected: [(String, AddressClass)] = [
            ("8.8.8.8", .public), ("203.0.114.1", .public), ("2606:4700::1111", .public), ("172.32.0.1", .public),
            ("100.128.0.1", .public), ("127.0.0.1", .loopback), ("127.255.0.9", .loopback), ("::1", .loopback),
            ("::ffff:127.0.0.1", .loopback), ("169.254.169.254", .linkLocal), ("fe80::1", .linkLocal),
            ("::ffff:169.254.169.254", .linkLocal), ("10.0.0.1", .private), ("172.16.5.4", .private),
            ("172.31.255.255", .private), ("192.168.1.1", .private), ("100.64.0.1", .private), ("fd00::2", .private),
            ("64:ff9b::10.1.2.3", .private), ("0.0.0.0", .reserved), ("::", .reserved), ("192.0.2.2", .reserved),
            ("198.18.0.1", .reserved), ("224.0.0.1", .reserved), ("255.255.255.255", .reserved), ("ff02::1", .reserved),
            ("2001:db8::1", .reserved),
        ]
        for (text, addressClass) in expected {
            XCTAssertEqual(AddressClass(try address(text)), addressClass, text)
        }
    }

    func testARedirectFromAPublicAddressReachesOnlyPublicOnes() {
        for target in [AddressClass.loopback, .linkLocal, .private, .reserved] {
            XCTAssertFalse(target.isReachable(from: .public), "\(target)")
            XCTAssertTrue(target.isReachable(from: target), "\(target) from \(target)")
            XCTAssertTrue(AddressClass.public.isReachable(from: target), "public from \(target)")
        }
        XCTAssertTrue(AddressClass.public.isReachable(from: .public))
        XCTAssertFalse(AddressClass.loopback.isReachable(from: .private), "an intranet page may not lead into the machine")
        XCTAssertFalse(AddressClass.linkLocal.isReachable(from: .loopback))
    }

    func testAddressesAreWrittenAsUsual() throws {
        for text in ["169.254.169.254", "::1", "fe80::1", "2001:db8::1:0:0:1", "::ffff:7f00:1", "1:2:3:4:5:6:7:8"] {
            XCTAssertEqual("\(try address(text))", text)
        }
        XCTAssertNil(SocketAddress(parsing: "not an address"))
    }
}
