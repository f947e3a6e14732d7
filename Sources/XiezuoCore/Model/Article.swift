/// One article found in a source, after cleaning: a row of `documents` and the input of extract.
public struct Article: Sendable, Equatable {
    /// The source's name (`SourceReference.name`): its path relative to pipeline.json's directory, or the URL.
    public var source: String
    /// 0-based index of the article within its source.
    public var part: Int
    /// The cleaned text: paragraphs separated by a single `\n`.
    public var text: String {
        didSet { cleanScalars = ArticleScalars() }
    }
    public var title: String?
    public var published: CivilDate?
    public var outlet: String?
    /// The script of the original text.
    public var script: Script
    /// Characters removed by cleaning (boilerplate, captions, spam), in Unicode scalars.
    public var removedChars: Int
    /// Where each paragraph of `text` (split at `\n`) came from in the source; nil where the
    /// source does not say (a publication line written from an HTML `<meta>`, HTML lines past
    /// 65,535). Empty when the article was not made by the clean stage.
    public var paragraphSources: [SourceSpan?] = []
    /// The text's scalars as clean built them (see `scalars`); empty once `text` is changed.
    var cleanScalars = ArticleScalars()

    public init(
        source: String, part: Int, text: String, title: String? = nil, published: CivilDate? = nil,
        outlet: String? = nil, script: Script = .hans, removedChars: Int = 0
    ) {
        self.source = source
        self.part = part
        self.text = text
        self.title = title
        self.published = published
        self.outlet = outlet
        self.script = script
        self.removedChars = removedChars
    }

    /// 16 hex digits, a hash of the cleaned text: what identical copies share (the store's
    /// `doc_id`, the tables' `text_id`).
    public var docID: String { StableHash.hex(of: text) }

    /// The article's `doc_id` in the tables, unique per row (`TableID.document`).
    public var documentID: String { TableID.document(source: source, part: part, textHash: docID) }

    /// The text's Unicode scalars: clean's own array when the article came from it, so that
    /// extract does not decode every article's UTF-8 a second time; else decoded now.
    var scalars: [Unicode.Scalar] { cleanScalars.scalars ?? ScalarDecoding.scalars(of: text) }

    /// Length of the cleaned text in Unicode scalars, the unit of every offset.
    public var chars: Int {
        if let scalars = cleanScalars.scalars { return scalars.count }
        // Every UTF-8 byte that does not continue a scalar starts one: counting those over the
        // contiguous buffer is about ten times cheaper than walking `unicodeScalars` (asked for
        // per article by clean's length check and by the record).
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
            return count
        }
    }
}
