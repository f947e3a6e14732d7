/// Exponential backoff with full jitter: the wait before retry `n` (1-based) is uniform in
/// [0, min(max, base × 2^(n-1))], so clients that failed together do not retry together.
struct Backoff: Sendable {
    var base: Double
    var maximum: Double

    func delay<Generator: RandomNumberGenerator>(beforeRetry retry: Int, using generator: inout Generator) -> Double {
        let ceiling = min(maximum, base * Double(1 << min(max(retry - 1, 0), 30)))
        guard ceiling > 0 else { return 0 }
        return Double.random(in: 0...ceiling, using: &generator)
    }
}
