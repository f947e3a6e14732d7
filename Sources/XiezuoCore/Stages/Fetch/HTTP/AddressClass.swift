/// How far an IP address reaches, for the redirect rule (`fetch.http.allow_private_redirects`):
/// a redirect may lead to a public address, or to one of the class the request itself
/// went to, never from a public page into the machine itself, its link or its network.
///
/// Public is every unicast address that is globally routable; the rest are loopback
/// (127.0.0.0/8, ::1), link-local (169.254.0.0/16 — cloud metadata services live there —,
/// fe80::/10), private (10/8, 172.16/12, 192.168/16, the carrier-grade NAT 100.64/10,
/// fc00::/7) and reserved (0/8, documentation, benchmarking, multicast, 240/4, ::). An
/// IPv4-mapped or NAT64 IPv6 address is read as its IPv4 address.
enum AddressClass: String, Sendable, Equatable {
    case `public`
    case `private`
    case linkLocal = "link-local"
    case loopback
    case reserved

    init(_ address: SocketAddress) {
        let bytes = address.bytes
        if bytes.count == 4 {
            self = Self.ipv4(bytes[0], bytes[1], bytes[2])
            return
        }
        let firstTen = bytes[0..<10].allSatisfy { $0 == 0 }
        if firstTen, bytes[10] == 0xFF, bytes[11] == 0xFF {
            self = Self.ipv4(bytes[12], bytes[13], bytes[14])
        } else if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0][...] {
            self = Self.ipv4(bytes[12], bytes[13], bytes[14])
        } else if firstTen, bytes[10...14].allSatisfy({ $0 == 0 }), bytes[15] == 1 {
            self = .loopback
        } else if firstTen {
            self = .reserved
        } else if bytes[0] == 0xFE, bytes[1] & 0xC0 == 0x80 {
            self = .linkLocal
        } else if bytes[0] & 0xFE == 0xFC {
            self = .private
        } else if bytes[0] == 0xFF || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8) {
            self = .reserved
        } else {
            self = .public
        }
    }

    private static func ipv4(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> AddressClass {
        switch (a, b, c) {
        case (127, _, _): .loopback
        case (169, 254, _): .linkLocal
        case (10, _, _), (172, 16...31, _), (192, 168, _), (100, 64...127, _): .private
        case (0, _, _), (192, 0, 0), (192, 0, 2), (198, 18...19, _), (198, 51, 100), (203, 0, 113), (224...255, _, _): .reserved
        default: .public
        }
    }

    /// Whether a redirect from an address of class `origin` may go to one of this class.
    func isReachable(from origin: AddressClass) -> Bool {
        self == .public || self == origin
    }

    /// "a loopback address", for reasons.
    var withArticle: String {
        self == .public ? "a public address" : "a \(rawValue) address"
    }
}
