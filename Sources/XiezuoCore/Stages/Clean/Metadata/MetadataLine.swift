/// What one metadata line states: "类别:国内 发布时间:2023-02-05 06:46:00 来源:某某看点",
/// "2023-01-16 08:45　某某电视台·新媒体中心", "来源 | 某某晚报 责编 | 张三",
/// "2023年3月14日 星期二 第3版 区域协作" (an e-paper page header).
struct MetadataLine: Sendable, Equatable {
    /// How a date on the line is introduced; the article reader trusts them differently.
    enum DateLabel: Sendable, Equatable {
        /// 发布时间, 发布日期, 发表时间 …: the publication date wherever it stands.
        case published
        /// 时间, 日期: a publication date only in an article's head.
        case generic
        /// A date on a 来源 line ("来源：某某网 2023-05-06 09:12"): when the source printed it.
        case source
        /// A date with no label, at a token boundary of a line of dates, times, outlets and labels.
        case bare
    }

    var dates: [(date: CivilDate, label: DateLabel)] = []
    /// 本文转自 / 原载: the outlet that first printed the text.
    var originalOutlet: String?
    /// 来源: the outlet the page names as its source.
    var sourceOutlet: String?
    /// An outlet name with no label beside the line's date ("2023-01-16 08:45 某某电视台·新媒体中心").
    var bareOutlet: String?
    /// An e-paper page header: a date with 第N版 (dated by the issue, printed at every page break).
    var isPageHeader = false

    static func == (lhs: MetadataLine, rhs: MetadataLine) -> Bool {
        lhs.dates.map(\.date) == rhs.dates.map(\.date) && lhs.dates.map(\.label) == rhs.dates.map(\.label)
            && lhs.originalOutlet == rhs.originalOutlet && lhs.sourceOutlet == rhs.sourceOutlet
            && lhs.bareOutlet == rhs.bareOutlet && lhs.isPageHeader == rhs.isPageHeader
    }
}
