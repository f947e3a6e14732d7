/// A fact's year with where it comes from.
struct DatedYear: Sendable, Equatable {
    var year: Int
    var basis: YearBasis
}
