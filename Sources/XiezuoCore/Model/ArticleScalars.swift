/// The Unicode scalars of an article's text as the clean stage built them, carried with the
/// `Article` so that extract reads them instead of decoding the text's UTF-8 again. It is a
/// cache of `Article.text` and nothing more: `Article` drops it whenever its text changes, it
/// is never written anywhere, and it takes no part in equality (`ArticleScalars+Equatable`).
struct ArticleScalars: Sendable {
    /// Nil for an article not made by clean (a test's, `xiezuo map`'s): its text is decoded
    /// when asked for.
    var scalars: [Unicode.Scalar]?
}
