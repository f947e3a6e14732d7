/// What a page says about one of its articles: its date and the outlets it names, read from
/// the article's own lines by `ArticleMetadataReader`.
struct ArticleMetadata: Sendable, Equatable {
    /// The publication date the article's lines state (see `ArticleMetadataReader`); nil when
    /// they state none (the page's own date may still apply, `PageFacts`).
    var published: CivilDate?
    /// 本文转自: the outlet that first printed the text; preferred over everything else.
    var originalOutlet: String?
    /// 来源: the outlet the page names as its source (the head's line before a closing one).
    var sourceOutlet: String?
    /// An outlet named without a label beside the date under the headline.
    var dateLineOutlet: String?
}
