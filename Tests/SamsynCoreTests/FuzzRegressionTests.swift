import Foundation
import Testing
@testable import SamsynCore

/// Inputs that crashed or hung the fuzz target (`scripts/fuzz`,
/// Sources/SamsynFuzz), kept in Fixtures/fuzz as the fuzzer saw them: the
/// first byte chose where the rest went. Each is replayed in every place a
/// file can be — config/site.yaml and all five content folders — and must
/// finish in time with a consistent result (LoaderTests checks what the
/// alias-key inputs among them are refused with).
@Suite struct FuzzRegressionTests {
    static let inputs = Fixtures.cases(in: "fuzz").filter { $0.hasSuffix(".bin") }

    @Test("the regression inputs are there") func inputsExist() {
        #expect(Self.inputs.count >= 7)
    }

    @Test("each former finding is handled in time, in every place", arguments: inputs)
    func replays(_ name: String) throws {
        let body = Array(try Data(contentsOf: Fixtures.url("fuzz/" + name)).dropFirst())
        let places = [Loader.configPath] + RecordKind.allCases.map { $0.folder + "/fuzz.yaml" }
        for place in places {
            var contents = TestProject.files().contents
            contents[place] = body
            let files = contents
            let outcomes = finishes(within: 10) {
                // A build reads each record file right after parsing it; `serve` afterwards.
                (Pipeline(files: MemoryFiles(bytes: files)).run(asOf: Day.t("2025-06-30")),
                 Validator.validate(Loader(files: MemoryFiles(bytes: files)).load(), asOf: Day.t("2025-06-30")).diagnostics)
            }
            guard let (outcome, afterwards) = outcomes else {
                Issue.record("\(name) as \(place) did not finish within 10 seconds")
                continue
            }
            let hasError = outcome.diagnostics.contains { $0.severity == .error }
            #expect(hasError == (outcome.project == nil), "\(name) as \(place): a project exactly when there is no error")
            #expect(outcome.diagnostics == afterwards, "\(name) as \(place): both readings find the same")
        }
    }
}

/// Runs `work` on its own thread and waits at most `seconds` for it: a hang
/// becomes a failed expectation instead of a test run that never ends (the
/// stuck thread is left behind and ends with the process).
func finishes<T: Sendable>(within seconds: Double, _ work: @escaping @Sendable () -> T) -> T? {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let value = work()
        box.lock.withLock { box.value = value }
        done.signal()
    }
    thread.stackSize = 16 << 20
    thread.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return box.lock.withLock { box.value }
}

/// The result of `finishes(within:)`, handed from the worker thread under a lock.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    let lock = NSLock()
    var value: T?
}
