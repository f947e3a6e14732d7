/// One place of an article's place hierarchy: a gazetteer row (with its enclosing divisions, even
/// unmentioned ones, so that places can be rolled up) or a village, community or subdistrict found
/// by its suffix and attached to the place written right before it.
struct PlaceNode: Sendable {
    /// The regions.csv row, or nil for a place found by its suffix.
    var place: Int32?
    var level: PlaceLevel
    /// The enclosing place's node, if known.
    var parent: Int?
    /// The name a fact reports for it: the best written form seen (see `WrittenForm`); nil when
    /// the article never writes it (an enclosing division added for the hierarchy only).
    var name: String?
    var nameForm: WrittenForm = .alias
    /// Weighted donor and recipient cues over the article (see `PlaceRoles`).
    var donorScore = 0
    var recipientScore = 0
    /// The part of `recipientScore` from wordings of help (帮扶/对口支援/结对/援建/协作 X), not of
    /// movement (赴/向/落地 X) or of a pair (X与Y, whose order is only a convention): a place helped
    /// this way is a recipient even inside a helping province.
    var helpedScore = 0
    /// Helper of the article: the donor itself, or a division that only encloses the donor
    /// (广州 when the donor is 黄埔区 and no helped place lies in 广州).
    var isDonorSide = false
}
