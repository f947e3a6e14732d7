/// What one metadata line states: "类别:国内 发布时间:2023-02-05 06:46:00 来源:每日看点快看",
/// "2024-03-31 09:38　江苏广电总台·融媒体新闻中心", "来源 | 羊城晚报·羊城派 责编 | 许张超",
/// "2022年11月25日 星期五 第2版 东西部协作" (an e-paper page header).
struct MetadataLine: Sendable, Equatable {
    /// How a date on the line is introduced; the article reader trusts them differently.
    enum DateLabel: Sendable, Equatable {
        /// 发布时间, 发布日期, 发表时间 …: the publication date wherever it stands.
        case published
        /// 时间, 日期: a publication date only in an article's head.
        case generic
        /// A date on a 来源 line ("来源：光明网 2024-11-19 10:36"): when the source printed it.
        case source
        /// A date with no label, at a token boundary of a line of dates, times, outlets and labels.
        case bare
    }

    var dates: [(date: CivilDate, label: DateLabel)] = []
    /// 本文转自 / 原载: the outlet that first printed the text.
    var originalOutlet: String?
    /// 来源: the outlet the page names as its source.
    var sourceOutlet: String?
    /// An outlet name with no label beside the line's date ("2024-03-31 09:38 江苏广电总台·融媒体新闻中心").
    var bareOutlet: String?
    /// An e-paper page header: a date with 第N版 (dated by the issue, printed at every page break).
    var isPageHeader = false

    static func == (lhs: MetadataLine, rhs: MetadataLine) -> Bool {
        lhs.dates.map(\.date) == rhs.dates.map(\.date) && lhs.dates.map(\.label) == rhs.dates.map(\.label)
            && lhs.originalOutlet == rhs.originalOutlet && lhs.sourceOutlet == rhs.sourceOutlet
            && lhs.bareOutlet == rhs.bareOutlet && lhs.isPageHeader == rhs.isPageHeader
    }
}
