import CMalloc
import XCTest

@testable import XiezuoCore

/// Once `mapBlocks(ofAtLeast:)` has run, a large block gets pages of its own (glibc counts it
/// among its mapped blocks) rather than a place in a heap, whatever larger blocks were freed
/// before (which raise glibc's own threshold).
final class MallocArenasTests: XCTestCase {
    func testALargeBlockIsMappedOnItsOwn() throws {
        // A freed 8 MiB block first: glibc's threshold rises above the 1 MiB asked for below.
        free(malloc(8 << 20))
        MallocArenas.mapBlocks(ofAtLeast: 256 << 10)
        let before = mallinfo2().hblkhd
        let block = try XCTUnwrap(malloc(1 << 20))
        let during = mallinfo2().hblkhd
        free(block)
        XCTAssertGreaterThanOrEqual(during - before, 1 << 20)
    }
}
