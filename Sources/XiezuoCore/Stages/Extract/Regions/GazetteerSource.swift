import Foundation

/// Where a gazetteer comes from: the four CSV files of a resources directory (see
/// `Gazetteer.imageSources`) and, beside them, their compiled image. `gazetteer()` maps the image
/// when it was compiled from exactly these files, and builds the tables from the CSV records
/// otherwise (an edited copy of the tables still works; only start-up is slower).
struct GazetteerSource {
    /// The bytes of each file of `Gazetteer.imageSources`, in that order.
    let files: [[UInt8]]
    /// Where the compiled image would be.
    let imagePath: String

    /// Reads the CSV files of `directory`.
    init(directory: String) throws(GazetteerError) {
        var files: [[UInt8]] = []
        for name in Gazetteer.imageSources {
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GazetteerError(message: "\(name) cannot be read at \(path): restore it from xiezuo's Resources")
            }
            files.append([UInt8](data))
        }
        self.init(files: files, imagePath: URL(fileURLWithPath: directory).appendingPathComponent(Gazetteer.imageFileName).path)
    }

    init(files: [[UInt8]], imagePath: String) {
        self.files = files
        self.imagePath = imagePath
    }

    /// The hash the image must record (`Gazetteer.imageSourceHash`).
    var sourceHash: UInt64 { Gazetteer.imageSourceHash(files) }

    /// The gazetteer, and why the image was not used when it was not (nil when it was).
    func gazetteer() throws(GazetteerError) -> (gazetteer: Gazetteer, imageProblem: TableImageError?) {
        let problem: TableImageError
        do {
            return (try mapped(), nil)
        } catch {
            problem = error
        }
        return (try compiled(), problem)
    }

    /// The gazetteer of the compiled image.
    func mapped() throws(TableImageError) -> Gazetteer {
        let file: MappedFile
        do {
            file = try MappedFile(path: imagePath)
        } catch {
            throw .unreadable(error.description)
        }
        return try Gazetteer(image: file.bytes, sourceHash: sourceHash)
    }

    /// The gazetteer built from the CSV records.
    func compiled() throws(GazetteerError) -> Gazetteer {
        var records: [[[String?]]] = []
        for (name, bytes) in zip(Gazetteer.imageSources, files) {
            do {
                records.append(try CSVReader.records(of: bytes))
            } catch {
                throw GazetteerError(message: "\(name): \(error)")
            }
        }
        return try Gazetteer(records: records[0], aliases: records[1], abbreviations: records[2], pairings: records[3])
    }
}
