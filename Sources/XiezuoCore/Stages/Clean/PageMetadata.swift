/// What the page says about itself, shared by every article of the source.
struct PageMetadata: Sendable, Equatable {
    var published: CivilDate?
    /// 本文转自: the outlet that first printed the text; preferred over everything else.
    var originalOutlet: String?
    /// 来源: often only the site that copied it (每日看点快看), so the weakest outlet signal.
    var sourceOutlet: String?
}
