/// Where a figure is (its region) and who helped (its partner), as the tables write them, with
/// whether each came only from the article as a whole (its focus, its strongest helper, its
/// pairing name) rather than from the figure's own sentence or paragraph. A headline figure
/// placed by the article alone takes the placement of its repetition in the body.
struct Placement: Sendable {
    var region: RegionRecord?
    var partner: RegionRecord?
    var regionFromArticle: Bool
    var partnerFromArticle: Bool
}
