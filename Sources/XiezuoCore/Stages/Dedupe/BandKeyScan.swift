/// Reads every article's MinHash band keys once, in table order: `body(index, keys)` per
/// article. Dedupe calls it once per group of bands, so the band keys of a whole history never
/// need to be in memory at once.
typealias BandKeyScan = (_ body: (_ index: Int, _ keys: [UInt64]) throws -> Void) throws -> Void
