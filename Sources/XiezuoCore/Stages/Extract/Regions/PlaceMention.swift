/// One place named in a text: what the extract stage turns into a fact's `region`.
public struct PlaceMention: Sendable, Equatable {
    /// Unicode scalar offsets in the scanned text, so that mentions can be ordered against the
    /// figures found in the same scalar array.
    public var range: Range<Int>
    /// The place exactly as the text writes it (三都水族自治县, 三都县, 广州, 径下村): the most
    /// specific form the source committed to. Short forms are not expanded to full names because
    /// several are ambiguous (朝阳 is a district of Beijing and a city in Liaoning), and the text's
    /// own form is what a reader of the `region` column can check against the article.
    public var name: String
    public var level: PlaceLevel

    public init(range: Range<Int>, name: String, level: PlaceLevel) {
        self.range = range
        self.name = name
        self.level = level
    }
}
