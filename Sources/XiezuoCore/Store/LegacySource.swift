/// What a store upgraded by migration "v5-source-identity" holds under a legacy source name.
struct LegacySource: Sendable, Equatable {
    /// The content hash stored for the name when the store was upgraded; nil when it had only
    /// rejects or its hash had been forgotten. A file with these bytes is the file it named.
    var legacyHash: String?
    /// The content hash stored for the name now, what tells whether the file changed since it
    /// was processed ("" when a migration forgot it, to have every source processed again).
    var storedHash: String?
}
