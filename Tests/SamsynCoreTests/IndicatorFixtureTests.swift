import Foundation
import Testing
@testable import SamsynCore

/// The indicators of a fixture project against values worked out by hand
/// (the arithmetic is in Fixtures/indicators/WORKING.md), at several dates.
/// The documents are compared as parsed JSON, key by key.
@Suite struct IndicatorFixtureTests {
    static let dates = ["2024-03-31", "2024-12-31", "2025-03-01", "2025-08-31"]

    @Test("indicators match the hand-computed values", arguments: dates)
    func matchesHandComputedValues(_ date: String) throws {
        let outcome = Pipeline(files: DiskFiles(root: Fixtures.url("indicators/project"))).run(asOf: .t(date))
        #expect(outcome.lines == ["config/site.yaml:43:5: warning: the subproject has no partners, so no agreement coverage can be followed for it"])
        let report = try #require(outcome.report)
        let actual = try JSONSerialization.jsonObject(with: Data(IndicatorsDocument.json(report).serialized().utf8))
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: Fixtures.url("indicators/expected-\(date).json")))
        let differences = JSONDiff.differences(expected, actual)
        #expect(differences.isEmpty, "\(differences.joined(separator: "\n"))")
    }
}

/// Paths where two parsed JSON values differ, for readable failures.
enum JSONDiff {
    static func differences(_ a: Any, _ b: Any, path: String = "$") -> [String] {
        switch (a, b) {
        case let (a as [String: Any], b as [String: Any]):
            let keys = Set(a.keys).union(b.keys).sorted()
            return keys.flatMap { key -> [String] in
                switch (a[key], b[key]) {
                case let (x?, y?): return differences(x, y, path: path + "." + key)
                case (nil, _): return ["\(path).\(key): unexpected"]
                case (_, nil): return ["\(path).\(key): missing"]
                }
            }
        case let (a as [Any], b as [Any]):
            guard a.count == b.count else { return ["\(path): \(a.count) items expected, \(b.count) found: \(b)"] }
            return zip(a, b).enumerated().flatMap { differences($1.0, $1.1, path: "\(path)[\($0)]") }
        default:
            return (a as? NSObject)?.isEqual(b) == true ? [] : ["\(path): expected \(a), found \(b)"]
        }
    }
}
