/// What extract gives for one article: the programmes it is about and its facts (none when
/// `extract.require_programme` is on and it names no programme).
public struct Extraction: Sendable {
    public var programmes: [String]
    public var facts: [Fact]

    /// `documents.programme`: the programmes `;`-separated, nil for none.
    public var programmeColumn: String? {
        programmes.isEmpty ? nil : programmes.joined(separator: ";")
    }
}
