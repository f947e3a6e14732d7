import Foundation

/// An http:// or https:// URL with a host: the only kind fetch downloads.
struct HTTPAddress: Sendable, Hashable {
    let url: URL
    /// What `documents.source` and `rejects.source` show: the URL as configured.
    let text: String
    /// Lower-cased host and port: the unit `fetch.http.max_connections_per_host` counts by.
    let hostKey: String
    /// For a feed's item: the class of the address the feed came from. The item may only be
    /// on an address that a redirect from there could reach (`AddressClass`).
    var feedClass: AddressClass?

    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard Self.isHTTP(trimmed), let url = URL(string: trimmed), let host = url.host, !host.isEmpty else {
            return nil
        }
        self.url = url
        self.text = trimmed
        hostKey = host.lowercased() + (url.port.map { ":\($0)" } ?? "")
    }

    /// Whether `text` starts as an http:// or https:// URL (in any case).
    static func isHTTP(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return lowered.hasPrefix("http://") || lowered.hasPrefix("https://")
    }
}
