import Foundation
import XCTest

@testable import XiezuoCore

/// `mapBlocks(ofAtLeast:)` sets glibc's mapping threshold unless the environment sets it, which
/// wins. (Whether a given block is then mapped depends on the free space the heaps hold at that
/// moment, which a test sharing its process with hundreds of others cannot control; the effect
/// on a run's peak is measured in docs/memory-bound.md.)
final class MallocArenasTests: XCTestCase {
    func testTheThresholdIsSetUnlessTheEnvironmentSetsIt() {
        XCTAssertTrue(MallocArenas.mapBlocks(ofAtLeast: 256 << 10))
        setenv("MALLOC_MMAP_THRESHOLD_", "1048576", 1)
        XCTAssertFalse(MallocArenas.mapBlocks(ofAtLeast: 256 << 10))
        unsetenv("MALLOC_MMAP_THRESHOLD_")
        setenv("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=1048576", 1)
        XCTAssertFalse(MallocArenas.mapBlocks(ofAtLeast: 256 << 10))
        unsetenv("GLIBC_TUNABLES")
        XCTAssertTrue(MallocArenas.mapBlocks(ofAtLeast: 256 << 10))
    }
}
