/// The README's bound on a run's peak memory ("Hostile inputs"), as the tests apply it: the
/// address space a run may take, whatever its inputs, from the configuration alone.
enum MemoryBound {
    /// Libraries, dictionaries, gazetteer, SQLite, thread stacks and malloc's arenas.
    static let base = 256 << 20

    /// `256 MiB + (30 × workers + 10) × fetch.max_bytes + 1000 × clean.max_article_chars`, plus
    /// `(fetch.http.max_connections + workers) × fetch.max_bytes` when URLs are downloaded.
    static func bytes(maxBytes: Int, maxArticleChars: Int = 200_000, workers: Int, downloads maxConnections: Int? = nil) -> Int {
        var bound = base + (30 * workers + 10) * maxBytes + 1000 * maxArticleChars
        if let maxConnections { bound += (maxConnections + workers) * maxBytes }
        return bound
    }
}
