/// One reading of the bytes of a source in one encoding, invalid sequences replaced by
/// U+FFFD: what the encoding guess compares and, if chosen, what the text becomes.
struct DecodingAttempt: Sendable {
    var encoding: TextEncoding
    var scalars: [Unicode.Scalar]
    /// Invalid sequences, each replaced by one U+FFFD.
    var invalid: Int
    /// File offset of the first invalid sequence.
    var firstInvalid: Int?
    /// Scalars above ASCII, replacements included: the unit of `EncodingPlausibility`.
    var nonASCII: Int

    /// At most one invalid sequence per `maxInvalidPer` non-ASCII characters: a page that
    /// reads well apart from a few damaged bytes is kept, a page of random bytes is not.
    func isAcceptable(maxInvalidPer: Int) -> Bool {
        invalid == 0 || invalid * maxInvalidPer <= nonASCII - invalid
    }
}
