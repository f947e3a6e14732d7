/// What the dedupe step reports: the documents it judged (the whole store) and the
/// duplicates it found among them.
struct DedupeStepReport: Sendable, Equatable {
    var documents = 0
    var duplicates = 0
    var seconds = 0.0
}
