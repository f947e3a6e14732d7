import XCTest

@testable import XiezuoCore

/// The bundled regions.csv loads, is as documented in docs/data-sources.md, and a malformed file
/// is refused with a message that says what is wrong.
final class GazetteerLoadingTests: XCTestCase {
    func testBundledCSVHasTheDocumentedHeader() throws {
        let records = try CSVReader.records(atPath: XCTUnwrap(ProcessorResources.bundledDirectory) + "/regions.csv")
        XCTAssertEqual(records.first?.map { $0 ?? "" }, ["name", "short", "level", "parent", "adcode"])
    }

    func testBundledGazetteerCoversChinaDownToTownships() throws {
        let gazetteer = try TestResources.gazetteer()
        XCTAssertEqual(gazetteer.placeCount(at: .province), 34)
        let countyAndAbove = [PlaceLevel.province, .prefecture, .county].map(gazetteer.placeCount(at:)).reduce(0, +)
        XCTAssertGreaterThanOrEqual(countyAndAbove, 3000)
        XCTAssertGreaterThanOrEqual(gazetteer.placeCount(at: .township), 30000)
        XCTAssertEqual(gazetteer.placeCount(at: .village), 0)
    }

    func testBadHeaderIsRefusedWithAClearMessage() {
        let records: [[String?]] = [["name", "short", "tier", "parent", "adcode"], ["广州市", "广州", "prefecture", "广东省", "440100"]]
        XCTAssertThrowsError(try Gazetteer(records: records)) { error in
            XCTAssertEqual(
                (error as? GazetteerError)?.message,
                "regions.csv: expected the header name,short,level,parent,adcode, found name,short,tier,parent,adcode")
        }
    }

    func testEmptyRecordsAndUnknownLevelsAreRefused() {
        XCTAssertThrowsError(try Gazetteer(records: [])) { error in
            XCTAssertEqual(
                (error as? GazetteerError)?.message, "regions.csv is empty: expected the header name,short,level,parent,adcode")
        }
        let records: [[String?]] = [Gazetteer.header, ["广州市", "广州", "city", "广东省", "440100"]]
        XCTAssertThrowsError(try Gazetteer(records: records)) { error in
            XCTAssertEqual((error as? GazetteerError)?.message, "regions.csv: record 2: unknown level \"city\"")
        }
    }

    func testSmallGazetteerFromRecords() throws {
        let records: [[String?]] = [
            Gazetteer.header,
            ["贵州省", "贵州", "province", nil, "520000"],
            ["黔南布依族苗族自治州", "黔南", "prefecture", "贵州省", "522700"],
            ["三都水族自治县", "三都", "county", "黔南布依族苗族自治州", "522732"],
            ["周覃镇", "周覃", "township", "三都水族自治县", nil],
        ]
        let gazetteer = try Gazetteer(records: records)
        let found = gazetteer.mentions(in: Array("贵州黔南州三都周覃镇周覃".unicodeScalars))
        XCTAssertEqual(
            found,
            [
                PlaceMention(range: 0..<2, name: "贵州", level: .province),
                PlaceMention(range: 2..<5, name: "黔南州", level: .prefecture),
                PlaceMention(range: 5..<7, name: "三都", level: .county),
                PlaceMention(range: 7..<10, name: "周覃镇", level: .township),
            ])
        XCTAssertEqual(gazetteer.placeCount(at: .township), 1)
    }
}
