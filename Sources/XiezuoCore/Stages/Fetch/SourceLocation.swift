/// Where a planned source's bytes come from.
enum SourceLocation: Sendable, Equatable {
    case file(PlannedFile)
    case url(HTTPAddress)
}
