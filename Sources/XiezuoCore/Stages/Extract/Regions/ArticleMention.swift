/// One place mention of an article, with what the region resolver learnt about it.
struct ArticleMention: Sendable {
    var range: Range<Int>
    /// The text as written.
    var name: String
    var form: WrittenForm
    /// Index of the article-local place (`PlaceNode`) it names.
    var node: Int
    /// Written right before a place inside it (广州市 in 广州市黄埔区, 三都县 in 三都县中和镇): only
    /// qualifies that place and is not a place of its own for the figures around it.
    var isChainPrefix = false
    /// Starts the name of a company (广州益善生物集团, 贵州丰收年电商科技有限公司): tells where the
    /// company comes from, not where the figure is.
    var isOrganisation = false
    /// Named as the helper here (在X帮扶下, X携手…, 来自X的…): never the place of a nearby figure.
    var isDonorRole = false
    /// The weight of the helper cue that made `isDonorRole` (`RegionCues.strongWeight` or `weakWeight`).
    var donorWeight = 0
    /// Not a place name but a helping province's abbreviation, in a pairing name (鲁渝协作), after a
    /// verb of going (赴沪培训) or before its enterprises (鲁商集团, 粤企, 闽籍企业): names the
    /// helper for the partner column only.
    var isAbbreviation = false
    /// An `isAbbreviation` mention inside a pairing name (鲁渝协作, 粤桂扶贫资金): the programme's
    /// name rather than a statement of who helps, so it names the partner only where no helper is
    /// written nearer.
    var isPairName = false
    /// 全省, 我市, 本县: the article's own province, city or county (see `DeicticPlaces`).
    var isDeictic = false
    /// Where an event was held (在兰州召开, 在成都举办): not the place of the figures reported there.
    var isVenue = false
}
