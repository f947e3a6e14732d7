/// What a line is, as far as clean can tell. Only `.text` reaches an article; every other
/// kind is dropped and its scalars count as removed.
enum LineKind: Sendable, Equatable {
    /// Prose, headline, subhead or deck: which one is decided from the neighbours.
    case text
    /// A photo caption (■▲◀…) and the lines that continue it.
    case caption
    /// 采写/记者/通讯员/执笔 lines.
    case byline
    /// Menus and breadcrumbs (• 我的订阅).
    case navigation
    /// Tracking ids, disclaimers, snapshot notes, comment prompts.
    case boilerplate
    /// 发布时间 / 来源 / 本文转自 lines: read for the page's metadata, then dropped.
    case metadata
    /// A date and time alone on a line.
    case timestamp
    /// An entry of a "related articles" list.
    case related
    /// A section tag alone on a line (粤黔协作).
    case tag
    /// A short label ending in a colon that introduces a headline (广州市黄埔区:).
    case kicker
    /// A page label above the first headline (牢记殷殷嘱托).
    case header
    /// The headline printed a second time (pages that repeat it under the metadata).
    case duplicateTitle
    /// A short remark wholly in brackets: （资料图片）, （下转第2版）, （完）, a credit （张三）.
    case aside

    /// Furniture a page layout drops between two columns of one paragraph; a broken sentence
    /// continues across it.
    var isLayoutFurniture: Bool {
        self == .caption || self == .tag || self == .byline || self == .aside
    }
}
