extension ArticleScalars: Equatable {
    /// Always equal: the scalars are derived from the article's text, which `Article`'s
    /// equality compares, so two articles are equal whether or not clean's copy came along.
    static func == (lhs: ArticleScalars, rhs: ArticleScalars) -> Bool { true }
}
