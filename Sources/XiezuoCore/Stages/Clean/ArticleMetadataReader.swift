/// Reads one article's date and outlets from its own metadata lines, trusting each date by
/// where it stands:
/// - in the article's head (its lines before the first prose paragraph): any labelled date
///   (发布时间, 时间, a 来源 line's date) and the bare dates of the date lines below the headline;
///   above the headline only a labelled date, a timestamp line or an e-paper page header
///   (a site's "today" bar is chrome, `PageChrome`);
/// - further down (a closing 来源 line, a 发布时间 footer): only a 发布时间-type or 来源 date,
///   and only when the head states none. A bare date there is an e-paper page header at a
///   column break, a related item's or an event's date, never the article's.
///
/// When the head states several dates — a republished page that prints its own date beside the
/// original's ("2023年5月8日 | 查看：1024" over "来源：某某网 2023-05-06 09:12") — the earliest is
/// the article's: copies come after their original.
enum ArticleMetadataReader {
    static func read(lines: SourceLines, kinds: [LineKind], segment: ArticleSegment) -> ArticleMetadata {
        var metadata = ArticleMetadata()
        var headDates: [CivilDate] = []
        var laterDates: [CivilDate] = []
        var laterSource: String?
        for index in segment.lines where kinds[index] == .metadata || kinds[index] == .timestamp {
            let scalars = lines[index].scalars
            let line: MetadataLine
            if kinds[index] == .timestamp {
                guard let (date, _) = DateTextReader.date(in: scalars, at: 0) else { continue }
                line = MetadataLine(dates: [(date, .bare)])
            } else {
                guard let parsed = MetadataReader.parse(scalars) else { continue }
                line = parsed
            }
            let inHead = index < segment.bodyStart
            let aboveTitle = segment.title.map { index < $0 } ?? false
            for (date, label) in line.dates {
                switch label {
                case .published, .source:
                    if inHead { headDates.append(date) } else { laterDates.append(date) }
                case .generic:
                    if inHead { headDates.append(date) }
                case .bare:
                    let standsAlone = kinds[index] == .timestamp || line.isPageHeader
                    if inHead, !aboveTitle || standsAlone { headDates.append(date) }
                }
            }
            if metadata.originalOutlet == nil { metadata.originalOutlet = line.originalOutlet }
            if inHead {
                if metadata.sourceOutlet == nil { metadata.sourceOutlet = line.sourceOutlet }
                if metadata.dateLineOutlet == nil, !aboveTitle || line.isPageHeader {
                    metadata.dateLineOutlet = line.bareOutlet
                }
            } else if laterSource == nil {
                laterSource = line.sourceOutlet
            }
        }
        metadata.published = headDates.min() ?? laterDates.min()
        if metadata.sourceOutlet == nil { metadata.sourceOutlet = laterSource }
        return metadata
    }
}
