/// What a store upgraded by migration "v5-source-identity" holds under a legacy source name.
struct LegacySource: Sendable, Equatable {
    /// The content hash stored for the name when the store was upgraded; nil when it had only
    /// rejects or its hash had been forgotten. A file with these bytes is the file it named.
    var legacyHash: String?
    /// What made the articles stored under the name now, which tells whether the file changed
    /// since (nil when the name holds only rejects).
    var stored: SourceVersion?
}
