import SamsynCore

/// What the server knows about the latest build: a version number that
/// changes on every rebuild (the open pages poll it and reload), and the
/// problems of the last build when it failed.
public actor LiveState {
    public private(set) var version = 0
    /// Errors (and warnings) of the latest build; nil when it succeeded.
    public private(set) var failure: [Diagnostic]?

    public init() {}

    public func record(_ result: SiteBuild.Result) {
        version += 1
        failure = result.succeeded ? nil : result.diagnostics + Self.extra(result)
    }

    /// Refusals and write errors are shown like diagnostics.
    static func extra(_ result: SiteBuild.Result) -> [Diagnostic] {
        [result.refusal, result.writeError.map { "could not write the site: \($0)" }].compactMap { $0 }.map {
            Diagnostic(.error, SourceLocation(file: "site"), $0)
        }
    }

    /// Returns when the version differs from `since`, or after `timeout`
    /// seconds; a 50 ms poll keeps this simple and its delay small.
    public func waitForChange(since: Int, timeout: Double) async -> Int {
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while version == since, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        return version
    }
}
