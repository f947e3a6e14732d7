/// A gazetteer name found at a scan position: its length in scalars and its `SurfaceForm` index.
/// A plain value so the scanner can collect hits in a reused array without allocating.
struct TrieHit: Sendable {
    var length: Int
    var form: Int32
}
