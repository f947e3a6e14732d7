import Foundation
import XCTest

@testable import XiezuoCore

/// The compiled gazetteer (Resources/gazetteer.image) is what the CSV files compile to, holds
/// exactly the tables the CSV path builds, and is used only while it matches them: an edited
/// CSV file or a damaged image falls back to the CSV files, never to wrong or crashing tables.
final class CompiledGazetteerTests: XCTestCase {
    private static let resources = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/XiezuoCore/Resources").path

    private func committedImage() throws -> [UInt8] {
        try XCTUnwrap(
            FileManager.default.contents(atPath: Self.resources + "/" + Gazetteer.imageFileName).map { [UInt8]($0) },
            "Resources/gazetteer.image is missing: run scripts/compile-resources.sh")
    }

    func testCommittedImageIsWhatTheCSVFilesCompileTo() throws {
        let compiled = try CompiledTables.compile(directory: Self.resources)
        XCTAssertEqual(compiled.map(\.name), [Gazetteer.imageFileName])
        let committed = try committedImage()
        XCTAssertTrue(
            compiled.first?.bytes == committed,
            "Resources/gazetteer.image is out of date with the CSV files: run scripts/compile-resources.sh and commit it")
    }

    func testImageHoldsTheTablesTheCSVFilesBuild() throws {
        let source = try GazetteerSource(directory: Self.resources)
        let fromCSV = try source.compiled()
        let (fromImage, problem) = try source.gazetteer()
        XCTAssertNil(problem)
        // Every table goes into the image, so equal images mean equal tables.
        XCTAssertEqual(fromImage.image(sourceHash: 1), fromCSV.image(sourceHash: 1))
        XCTAssertEqual(fromImage.rowCount, 43_438)

        let fixtures = URL(fileURLWithPath: Self.resources).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/xiezuoTests/Fixtures/dev/inputs").path
        let names = try FileManager.default.contentsOfDirectory(atPath: fixtures).sorted()
        XCTAssertEqual(names.count, 24)
        var mentions = 0
        for name in names {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: fixtures + "/" + name))
            let text = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars)
            let expected = fromCSV.mentions(in: text)
            XCTAssertEqual(fromImage.mentions(in: text), expected, name)
            for mention in expected {
                let written = text[mention.range]
                XCTAssertEqual(fromImage.places(named: written), fromCSV.places(named: written), "\(name): \(mention.name)")
                for id in fromCSV.places(named: written) {
                    XCTAssertEqual(fromImage.place(id), fromCSV.place(id))
                    XCTAssertEqual(Array(fromImage.ancestors(ofPlace: id)), Array(fromCSV.ancestors(ofPlace: id)))
                }
            }
            mentions += expected.count
        }
        XCTAssertGreaterThan(mentions, 500)
    }

    func testEditedCSVFileIsReadInsteadOfTheImage() throws {
        let source = try GazetteerSource(directory: Self.resources)
        var files = source.files
        files[0] += Array("测试新镇,,township,三都水族自治县,\n".utf8)
        let edited = GazetteerSource(files: files, imagePath: source.imagePath)
        let (gazetteer, problem) = try edited.gazetteer()
        XCTAssertEqual(problem, .otherSources)
        XCTAssertEqual(gazetteer.rowCount, 43_439)
        XCTAssertEqual(
            gazetteer.mentions(in: Array("在测试新镇".unicodeScalars)).map(\.name), ["测试新镇"])
    }

    func testDamagedImagesAreRefused() throws {
        let source = try GazetteerSource(directory: Self.resources)
        let image = try committedImage()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("xiezuo-image-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }

        func problem(_ bytes: [UInt8]?) throws -> TableImageError? {
            let path = directory + "/" + Gazetteer.imageFileName
            try? FileManager.default.removeItem(atPath: path)
            if let bytes { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
            let (gazetteer, problem) = try GazetteerSource(files: source.files, imagePath: path).gazetteer()
            XCTAssertEqual(gazetteer.rowCount, 43_438)
            return problem
        }
        XCTAssertNil(try problem(image))
        var flipped = image
        flipped[image.count / 2] ^= 0x40
        XCTAssertEqual(try problem(flipped), .damaged("its checksum does not match"))
        XCTAssertEqual(try problem(Array(image.prefix(image.count - 8))), .damaged("its length is wrong"))
        XCTAssertEqual(try problem(Array(image.prefix(20))), .notAnImage)
        XCTAssertEqual(try problem([]), .notAnImage)
        var renamed = image
        renamed[0] = UInt8(ascii: "Y")
        XCTAssertEqual(try problem(renamed), .notAnImage)
        var otherVersion = image
        otherVersion[8] &+= 1
        XCTAssertEqual(try problem(otherVersion), .otherVersion(found: 2, expected: 1))
        if case .unreadable = try problem(nil) {} else { XCTFail("a missing image is reported as unreadable") }
        // A directory or a named pipe where the image should be is refused without being read.
        let path = directory + "/" + Gazetteer.imageFileName
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        if case .unreadable = try GazetteerSource(files: source.files, imagePath: path).gazetteer().imageProblem {} else {
            XCTFail("a directory is reported as unreadable")
        }
        try FileManager.default.removeItem(atPath: path)
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        if case .unreadable = try GazetteerSource(files: source.files, imagePath: path).gazetteer().imageProblem {} else {
            XCTFail("a named pipe is reported as unreadable")
        }
    }

    func testIndexOutsideItsTableIsRefusedEvenWithAValidChecksum() throws {
        let source = try GazetteerSource(directory: Self.resources)
        // A small gazetteer's image, with one parent index pointing past the rows and the
        // checksum recomputed: only the index checks can catch it.
        let records: [[String?]] = [
            Gazetteer.header, ["贵州省", "贵州", "province", nil, "520000"],
            ["黔南布依族苗族自治州", "黔南", "prefecture", "贵州省", "522700"],
        ]
        let small = try Gazetteer(records: records)
        let parents = (0..<small.rowCount).map { Array(small.placeParents[$0]) }.map { $0.isEmpty ? $0 : [99] }
        let broken = Gazetteer(
            trie: small.trie, formTexts: small.formTexts, formLevels: small.formLevels, formKinds: small.formKinds,
            formContinuations: small.formContinuations, formPlaces: small.formPlaces, placeNames: small.placeNames,
            placeShorts: small.placeShorts, placeCodes: small.placeCodes, placeLevels: small.placeLevels,
            placeParents: FlatLists(parents), ancestorStarts: small.ancestorStarts, ancestorIDs: small.ancestorIDs,
            pairs: small.pairs, rowCounts: small.rowCounts)
        let image = broken.image(sourceHash: 7)
        XCTAssertThrowsError(try image.withUnsafeBytes { try Gazetteer(image: $0, sourceHash: 7) }) { error in
            XCTAssertEqual(error as? TableImageError, .damaged("an index points outside its table"))
        }
        XCTAssertThrowsError(try small.image(sourceHash: 7).withUnsafeBytes { try Gazetteer(image: $0, sourceHash: source.sourceHash) }) {
            error in XCTAssertEqual(error as? TableImageError, .otherSources)
        }
    }
}
