import XCTest

@testable import Parquet

final class ParquetModuleTests: XCTestCase {}
