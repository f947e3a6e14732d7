/// The configuration compiled for matching: patterns normalised like the text and turned into
/// scalar arrays once, when the stage is built, not per line.
struct CleanRules: Sendable {
    var minArticleChars: Int
    var maxArticleChars: Int
    var maxHeadingChars: Int
    var maxCaptionChars: Int
    var maxTagChars: Int
    var maxControlShare: Double
    var captionMarks: MarkSet
    var navigationMarks: MarkSet
    var byline: BylineReader
    var noisePrefixes: PatternList
    var noiseSubstrings: PatternList
    var relatedHeadings: PatternList

    init(config: CleanConfig) {
        func compile(_ patterns: [String]) -> [[Unicode.Scalar]] {
            patterns.map { LineNormalizer.normalize(ScalarText.scalars($0)) }.filter { !$0.isEmpty }
        }
        minArticleChars = config.minArticleChars
        maxArticleChars = config.maxArticleChars
        maxHeadingChars = config.maxHeadingChars
        maxCaptionChars = config.maxCaptionChars
        maxTagChars = config.maxTagChars
        maxControlShare = config.maxControlShare
        func marks(_ marks: String) -> MarkSet {
            MarkSet(LineNormalizer.normalize(ScalarText.scalars(marks)).filter { $0 != " " })
        }
        captionMarks = marks(config.captionMarks)
        navigationMarks = marks(config.navigationMarks)
        byline = BylineReader(words: compile(config.bylineWords), marks: captionMarks, maxChars: config.maxHeadingChars)
        noisePrefixes = PatternList(compile(config.noisePrefixes))
        noiseSubstrings = PatternList(compile(config.noiseSubstrings))
        relatedHeadings = PatternList(compile(config.relatedHeadings))
    }

    func isHeading(_ text: some ScalarLine) -> Bool {
        TextShape.isHeadingShaped(text, maxChars: maxHeadingChars)
    }
}
