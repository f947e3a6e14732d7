/// One article as the store gives it back to write the tables: its row in the store, its
/// record and paragraphs, and the run that first stored it (`first_seen_run`).
struct StoredArticle: Sendable {
    var id: Int
    var record: ArticleRecord
    var firstSeenRun: Int
    var paragraphs: [ArticleParagraph] = []
}
