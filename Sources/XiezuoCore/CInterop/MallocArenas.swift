import CMalloc
import Foundation

/// How many heaps (arenas) the C allocator may keep. glibc gives each new thread an arena of its
/// own, up to eight per core; memory one thread frees stays in that thread's arena. A run's
/// threads take turns (workers while reading, table lanes while writing), so each phase grew
/// fresh arenas while the last phase's stayed mapped: the 1 GB benchmark with 2 workers peaked
/// at 190.6 MiB, and at 148.7 MiB with two arenas (faster too: 69.6 s against 76.6 s wall;
/// one arena gave 128.3 MiB but 77.7 s). docs/memory-bound.md, "Allocator arenas".
public enum MallocArenas {
    /// Limits the arenas to `count` unless the environment already tunes them
    /// (`GLIBC_TUNABLES` naming `glibc.malloc.arena_max`, or `MALLOC_ARENA_MAX`), which wins.
    public static func limit(to count: Int) {
        let environment = ProcessInfo.processInfo.environment
        if environment["MALLOC_ARENA_MAX"] != nil { return }
        if let tunables = environment["GLIBC_TUNABLES"], tunables.contains("glibc.malloc.arena_max") { return }
        _ = mallopt(M_ARENA_MAX, Int32(clamping: max(1, count)))
    }

    /// Returns the free memory of every arena to the system (`malloc_trim`). glibc gives a heap's
    /// free pages back only from its top, so what a step freed below memory still in use stayed
    /// resident while the next step took memory of its own, often in another thread's arena:
    /// the read step's sources, then dedupe's fingerprints and band entries under the table
    /// writers'. A run calls this between its steps; it takes a few milliseconds.
    public static func releaseFree() {
        _ = malloc_trim(0)
    }

    /// Gives blocks of `bytes` or more pages of their own (`M_MMAP_THRESHOLD`), returned to the
    /// system when they are freed, unless the environment already sets the threshold. glibc
    /// raises its threshold to the largest block freed so far (up to 32 MiB), so after dedupe's
    /// passes the table writers' buffers (up to 4 MiB of values a column) came from the heaps,
    /// where each buffer grown by doubling left its old block as a hole.
    /// glibc maps a block of its own only when no free space of the heaps can hold it, so this
    /// keeps holes from forming rather than forcing every large block out. Returns whether the
    /// threshold was set (false when the environment sets it, or glibc refuses the value).
    @discardableResult
    public static func mapBlocks(ofAtLeast bytes: Int) -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if environment["MALLOC_MMAP_THRESHOLD_"] != nil { return false }
        if let tunables = environment["GLIBC_TUNABLES"], tunables.contains("glibc.malloc.mmap_threshold") { return false }
        return mallopt(M_MMAP_THRESHOLD, Int32(clamping: bytes)) == 1
    }
}
