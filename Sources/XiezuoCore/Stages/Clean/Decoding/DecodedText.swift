/// Step 1's output: the scalars of a source and how they were read.
struct DecodedText: Sendable, Equatable {
    var scalars: [Unicode.Scalar]
    var encoding: TextEncoding
    /// The page is HTML (by `HTMLSniffer`): `HTMLText` turns it into lines before the
    /// remaining steps.
    var isHTML: Bool
    /// Invalid byte sequences replaced by U+FFFD. Zero for a clean file; a few in a long text
    /// are kept rather than rejecting the whole page (see `TextDecoding.maxInvalidPer`). The
    /// marks stay in the article text, so a reader sees where bytes were lost.
    var replacements: Int
    /// The source's own bytes when they are exactly the UTF-8 of `scalars` (valid UTF-8, byte
    /// order mark skipped), so that HTML parsing needs no re-encoding; nil otherwise. A slice
    /// shares the source's storage: keeping it costs no copy.
    var utf8: ArraySlice<UInt8>?
}
