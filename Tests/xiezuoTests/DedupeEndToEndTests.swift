import Foundation
import XCTest

/// Dedupe through the built binary: republished copies found on real pages, and nothing merged
/// that is not a copy of the very article it is marked a duplicate of.
final class DedupeEndToEndTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = try XiezuoProcess.temporaryDirectory("dedupe")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func run(_ inputs: [URL], config: String? = nil, output name: String) throws -> OutputTables {
        let output = scratch.appendingPathComponent(name)
        var arguments = ["run", "--output", output.path, "--workers", "2"]
        if let config {
            let file = scratch.appendingPathComponent("\(name).json")
            try Data(config.utf8).write(to: file)
            arguments += ["--config", file.path]
        }
        for input in inputs { arguments += ["--input", input.path] }
        let result = try XiezuoProcess.run(arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        return OutputTables(directory: output)
    }

    /// The file name a `source` ends in.
    private func name(_ source: String?) -> String {
        String((source ?? "").split(separator: "/").last ?? "")
    }

    /// dups.json of the development set lists two republication groups: a Traditional
    /// content-farm copy with an extra paragraph and other chrome (dev_01/dev_02), and the same
    /// story from another outlet, one sentence shorter (dev_20/dev_21). Both are found, and
    /// nothing else among the 24 pages and the seeds is merged.
    func testTheDevelopmentSetsRepublishedPairsAreFoundAndNothingElse() throws {
        let dev = XiezuoProcess.repositoryRoot.appendingPathComponent("Tests/xiezuoTests/Fixtures/dev")
        let groups = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: dev.appendingPathComponent("dups.json"))) as? [[String]])
        let tables = try run(
            [dev.appendingPathComponent("inputs"), XiezuoProcess.repositoryRoot.appendingPathComponent("seeds")],
            output: "out")
        let documents = try tables.rows("documents")
        let sourceOf = Dictionary(documents.map { ($0["doc_id"] ?? "", name($0["source"])) }) { first, _ in first }
        var found: Set<Set<String>> = []
        for document in documents where !(document["duplicate_of"] ?? "").isEmpty {
            found.insert([name(document["source"]), sourceOf[document["duplicate_of"] ?? ""] ?? "?"])
        }
        XCTAssertEqual(found, Set(groups.map(Set.init)), "duplicates: \(found)")
        XCTAssertEqual(documents.filter { !($0["duplicate_of"] ?? "").isEmpty }.count, groups.count)
    }

    /// Story A, story B, and a file whose articles drift from A to B one sentence at a time.
    /// Alone, A and B are two documents. With the drifting file, no article is a duplicate of
    /// one that reports other figures, so every figure of A and of B is still in the tables.
    func testADriftingChainBetweenTwoStoriesLosesNeitherStorysFigures() throws {
        let (storyA, storyB) = (Self.storyA, Self.storyB)
        let alone = scratch.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        try Data(Self.page(title: "从江县东西部协作工作综述", storyA).utf8).write(to: alone.appendingPathComponent("a.txt"))
        try Data(Self.page(title: "惠水县东西部协作工作综述", storyB).utf8).write(to: alone.appendingPathComponent("b.txt"))
        let aloneTables = try run([alone], output: "alone-out")
        XCTAssertEqual(try aloneTables.rows("documents").count, 2)
        let figures = try Self.figures(aloneTables)
        XCTAssertGreaterThanOrEqual(figures.count, 6, "\(figures)")

        let drifting = (1..<storyA.count).map { step in
            Self.page(title: "东西部协作工作综述之\(step)", Array(storyB.prefix(step) + storyA.dropFirst(step)))
        }
        try Data(drifting.joined(separator: "\n").utf8).write(to: alone.appendingPathComponent("drift.txt"))
        let tables = try run([alone], output: "drift-out")
        XCTAssertEqual(try tables.rows("documents").count, 2 + drifting.count)
        let kept = try Self.figures(tables)
        XCTAssertTrue(figures.isSubset(of: kept), "figures lost: \(figures.subtracting(kept))")
    }

    /// (table, value) of every fact written.
    private static func figures(_ tables: OutputTables) throws -> Set<String> {
        var figures: Set<String> = []
        for row in try tables.rows("investments") { figures.insert("investments \(row["amount_cny"] ?? "")") }
        for table in ["jobs", "projects"] {
            for row in try tables.rows(table) { figures.insert("\(table) \(row["count"] ?? "")") }
        }
        return figures
    }

    /// Two counties' reports: the figures first, in the same words (so that a slot holds
    /// another value in each), then prose of their own.
    private static let storyA = [
        "今年以来，广州市海珠区持续深化与从江县的东西部协作，投入财政帮扶资金3000万元。",
        "两地共同实施产业帮扶项目12个，带动农村劳动力500人实现就业。",
        "从江县依托山地资源发展香猪养殖，海珠区企业负责采购与销售，订单农业让农户心里踏实。",
        "走进从江县的帮扶车间，工人们正在流水线上忙碌，厂房里机器轰鸣，一派繁忙景象。",
        "海珠区选派的技术人员常驻车间，手把手教授新工人操作技能，帮助他们尽快上岗。",
        "在从江县的田间地头，合作社成员忙着采收，冷链车辆将新鲜农产品运往大湾区的商超。",
        "从江县还把协作资金用于完善乡村道路和灌溉设施，群众出行和生产条件明显改善。",
        "下一步，两地将继续在产业、就业、消费等领域深化合作，推动协作成果惠及更多群众。",
    ]
    private static let storyB = [
        "今年以来，广州市白云区持续深化与惠水县的东西部协作，投入财政帮扶资金4500万元。",
        "两地共同实施产业帮扶项目20个，带动农村劳动力860人实现就业。",
        "惠水县的金钱橘远近闻名，白云区牵线电商平台开设专馆，果农足不出户就把果子卖到了全国。",
        "涟江两岸的茶园里，采茶工背着竹篓穿行其间，新建的加工厂一天能制干茶两吨。",
        "白云区的医生每月到县医院坐诊，带教本地医护人员，群众看病不再需要长途奔波。",
        "县职业学校开设了电子商务和智能制造专业，毕业生可以直接进入白云区的企业实习。",
        "村里的老人说，过去年轻人都往外走，如今在家门口就能挣钱，寨子又热闹起来了。",
        "惠水县表示，将用好协作平台，把资源优势转化为发展优势，让更多群众端上产业饭碗。",
    ]

    /// An article as a newspaper page prints it: headline, then a dateline opening the body.
    private static func page(title: String, _ sentences: [String]) -> String {
        "\(title)\n本报讯 " + sentences.joined() + "\n"
    }
}
