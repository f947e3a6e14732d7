import Foundation

/// xiezuo's rule tables, read once at setup from one directory: the tables built into xiezuo
/// (the bundle's copy of `Sources/XiezuoCore/Resources`), or a copy of them that `resources`
/// in `pipeline.json` names (to try a corrected gazetteer, say, without rebuilding xiezuo).
///
/// - `regions.csv`: the gazetteer, for regions (extract), with `region-aliases.csv`,
///   `province-abbreviations.csv` and `pairings.csv` (the programmes' official pairings);
/// - `programmes.csv`: the programme vocabulary, for `documents.programme` (extract);
/// - `despin.csv`: the de-spinning table (clean);
/// - `opencc/t2s-single-pass.json` and the file it names: OpenCC's `t2s.json` in one pass (clean).
///
/// Every other file of the directory is read too, except hidden ones and `*.md`: `contentHash`
/// covers all of them, so that any change of a table makes `ArticleProcessor.identity` change
/// and the sources given again are processed again. The one exception is `gazetteer.image`, the
/// four gazetteer files compiled (scripts/compile-resources.sh): it is mapped, not read, and
/// used only while it matches the CSV files (see `GazetteerSource`), so it cannot change a
/// result and is left out of the hash.
public struct ProcessorResources: Sendable {
    /// Where the tables were read from.
    public let directory: String
    /// A hash of every file's path and bytes (16 hex digits).
    public let contentHash: String
    let despinTable: DespinTable
    let gazetteer: Gazetteer
    let programmes: ProgrammeVocabulary
    /// The path of `opencc/t2s-single-pass.json`, which OpenCC opens itself.
    let openCCSinglePass: String

    /// The directory of the tables built into xiezuo; nil when the bundle is missing (the
    /// `xiezuo_XiezuoCore.resources` directory must sit beside the binary).
    public static var bundledDirectory: String? {
        Bundle.module.url(forResource: "Resources", withExtension: nil)?.path
    }

    /// What is read from the directory, by its path there, and the stage that needs it.
    private enum Table: String, CaseIterable {
        case gazetteer = "regions.csv"
        case aliases = "region-aliases.csv"
        case abbreviations = "province-abbreviations.csv"
        case pairings = "pairings.csv"
        case programmes = "programmes.csv"
        case despin = "despin.csv"
        case openCC = "opencc/t2s-single-pass.json"

        var stage: StageName { self == .despin || self == .openCC ? .clean : .extract }

        var noun: String {
            switch self {
            case .gazetteer: "the gazetteer"
            case .aliases: "the gazetteer's aliases"
            case .abbreviations: "the province abbreviations"
            case .pairings: "the programmes' pairings"
            case .programmes: "the programme vocabulary"
            case .despin: "the de-spinning table"
            case .openCC: "the single-pass OpenCC configuration"
            }
        }
    }

    /// Reads the tables of `directory`, or the built-in ones when it is nil.
    public static func load(directory: String?) throws(ProcessorSetupError) -> ProcessorResources {
        guard let directory = directory ?? bundledDirectory else {
            throw ProcessorSetupError(
                code: .resourcesMissing, stage: .clean, path: "xiezuo_XiezuoCore.resources",
                problem: "the rule tables built into xiezuo are not beside the binary",
                remedy: "install xiezuo with the xiezuo_XiezuoCore.resources directory that the build puts beside it")
        }
        let loader = Loader(directory: directory, builtIn: directory == bundledDirectory)
        return try loader.load()
    }

    /// Reads and checks the files of one directory.
    private struct Loader {
        let directory: String
        let builtIn: Bool

        /// What to do when a table is missing or wrong, for the built-in tables or a copy.
        private var remedy: String {
            builtIn
                ? "reinstall xiezuo: its rule tables come with it"
                : "restore the file from xiezuo's own (Sources/XiezuoCore/Resources), or remove \"resources\" from "
                    + "pipeline.json to use the tables xiezuo ships"
        }

        func load() throws(ProcessorSetupError) -> ProcessorResources {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ProcessorSetupError(
                    code: .resourcesMissing, stage: .clean, path: directory, problem: "the directory of rule tables does not exist",
                    remedy: "copy xiezuo's tables (Sources/XiezuoCore/Resources) there, or remove \"resources\" from pipeline.json "
                        + "to use the tables xiezuo ships")
            }
            var files: [String: [UInt8]] = [:]
            for table in Table.allCases { files[table.rawValue] = try bytes(of: table) }
            // The gazetteer, by far the largest table, is checked and mapped on another thread
            // while this one hashes every file and reads the small tables.
            let tables = files
            let mappedGazetteer = BackgroundValue { Result { () throws(ProcessorSetupError) in try self.gazetteer(tables) } }
            var hash = StableHash.offsetBasis
            for name in otherFiles() where files[name] == nil { files[name] = try bytes(of: name, table: nil) }
            for name in files.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                for byte in name.utf8 { hash = StableHash.adding(byte, to: hash) }
                hash = StableHash.adding(0, to: hash)
                hash = StableHash.adding(value: StableHash.value(of: files[name] ?? []), to: hash)
            }
            let despin = Result { () throws(ProcessorSetupError) in try despinTable(files[Table.despin.rawValue] ?? []) }
            let vocabulary = Result { () throws(ProcessorSetupError) in try programmes(files[Table.programmes.rawValue] ?? []) }
            // Errors in the order the tables were always checked: de-spinning, gazetteer, programmes.
            return ProcessorResources(
                directory: directory, contentHash: StableHash.hex(hash), despinTable: try despin.get(),
                gazetteer: try mappedGazetteer.value.get(), programmes: try vocabulary.get(), openCCSinglePass: path(Table.openCC.rawValue))
        }

        private func path(_ name: String) -> String {
            URL(fileURLWithPath: directory).appendingPathComponent(name).path
        }

        private func bytes(of table: Table) throws(ProcessorSetupError) -> [UInt8] {
            try bytes(of: table.rawValue, table: table)
        }

        private func bytes(of name: String, table: Table?) throws(ProcessorSetupError) -> [UInt8] {
            do {
                return try FileSystemCalls.contents(ofFileAt: path(name))
            } catch {
                let what = table?.noun ?? "a rule table"
                throw ProcessorSetupError(
                    code: error.isMissing ? .resourceMissing : .resourceUnreadable, stage: table?.stage ?? .clean,
                    path: path(name), problem: "\(what) cannot be read (\(error.call): \(error.reason))", remedy: remedy,
                    cause: error)
            }
        }

        /// Every regular file below the directory but hidden ones and `*.md`, by relative path.
        private func otherFiles() -> [String] {
            let names = (FileManager.default.enumerator(atPath: directory)?.allObjects as? [String]) ?? []
            return names.filter { name in
                var isDirectory: ObjCBool = false
                return !name.split(separator: "/").contains { $0.hasPrefix(".") } && !name.hasSuffix(".md")
                    && name != Gazetteer.imageFileName
                    && FileManager.default.fileExists(atPath: path(name), isDirectory: &isDirectory) && !isDirectory.boolValue
            }
        }

        private func invalid(_ table: Table, _ problem: String, cause: any Error & Sendable) -> ProcessorSetupError {
            ProcessorSetupError(
                code: .resourceInvalid, stage: table.stage, path: path(table.rawValue), problem: "\(table.noun) is malformed: \(problem)",
                remedy: builtIn ? remedy : "correct it (docs/data-sources.md describes its columns), or " + remedy, cause: cause)
        }

        private func records(_ bytes: [UInt8], of table: Table) throws(ProcessorSetupError) -> [[String?]] {
            do {
                return try CSVReader.records(of: bytes)
            } catch {
                throw invalid(table, error.description, cause: error)
            }
        }

        private func despinTable(_ bytes: [UInt8]) throws(ProcessorSetupError) -> DespinTable {
            let records = try records(bytes, of: .despin)
            do {
                return try DespinTable(records: records, path: Table.despin.rawValue)
            } catch {
                throw invalid(.despin, "\(error.location): \(error.message)", cause: error)
            }
        }

        /// The gazetteer, from regions.csv and the three tables read with it. Its errors do not
        /// say which of the four is at fault unless they name it; they are filed under regions.csv.
        private func gazetteer(_ files: [String: [UInt8]]) throws(ProcessorSetupError) -> Gazetteer {
            // The compiled image when it was compiled from exactly these four files (start-up
            // near zero); otherwise the CSV records, whose errors say which file is at fault.
            let source = GazetteerSource(
                files: [Table.gazetteer, .aliases, .abbreviations, .pairings].map { files[$0.rawValue] ?? [] },
                imagePath: path(Gazetteer.imageFileName))
            if let mapped = try? source.mapped() { return mapped }
            let regions = try records(files[Table.gazetteer.rawValue] ?? [], of: .gazetteer)
            let aliases = try records(files[Table.aliases.rawValue] ?? [], of: .aliases)
            let abbreviations = try records(files[Table.abbreviations.rawValue] ?? [], of: .abbreviations)
            let pairings = try records(files[Table.pairings.rawValue] ?? [], of: .pairings)
            do {
                return try Gazetteer(records: regions, aliases: aliases, abbreviations: abbreviations, pairings: pairings)
            } catch {
                throw invalid(.gazetteer, error.message, cause: error)
            }
        }

        private func programmes(_ bytes: [UInt8]) throws(ProcessorSetupError) -> ProgrammeVocabulary {
            let records = try records(bytes, of: .programmes)
            do {
                return try ProgrammeVocabulary(records: records)
            } catch {
                throw invalid(.programmes, error.message, cause: error)
            }
        }
    }
}
