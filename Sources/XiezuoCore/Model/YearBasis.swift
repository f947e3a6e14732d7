/// Where a fact's year comes from (the `year_basis` column), so that an analyst can keep only
/// the years the article states, or also those it implies.
public enum YearBasis: String, Sendable, CaseIterable {
    /// A year written in the figure's clause, or in the clause that opens its sentence
    /// (2024年，… / 截至2025年底 / 2023年8月上旬，…).
    case stated
    /// A year that frames the figure from further away: an earlier sentence of its paragraph, the
    /// headline or the lead (2023年，苏陕协作持续深化… then 全年…26.4亿元).
    case context
    /// Read against the publication date: 今年, 去年, 今年以来, 截至目前, a month and day alone.
    case published
}
