/// One text the scanner recognises as a place, with what it reports for it.
struct SurfaceForm: Sendable {
    /// The text itself, reported as the mention's name.
    var text: String
    var level: PlaceLevel
    var kind: SurfaceKind
    /// Continuations that make a bare short form part of a longer word that is not the place
    /// (中山 + 大学); empty for most forms.
    var badContinuations: [[UInt32]]

    /// Whether `self` should win over `other` for the same text: full names over derived forms,
    /// then the most senior level (see `SurfaceKind` and `PlaceLevel`).
    func outranks(_ other: SurfaceForm) -> Bool {
        kind != other.kind ? kind < other.kind : level < other.level
    }
}
