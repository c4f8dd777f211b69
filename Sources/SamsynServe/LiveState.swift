import SamsynCore

/// What the server knows about the latest build: a version number that
/// changes on every rebuild (the open pages poll it and reload), and the
/// problems of the last build when it failed.
public actor LiveState {
    public private(set) var version = 0
    /// Errors (and warnings) of the latest build; nil when it succeeded.
    public private(set) var failure: [Diagnostic]?

    public init() {}

    /// Served pages with the live-reload script added, per build: the site
    /// changes only when it is rebuilt, so each page is prepared once.
    private var pages: [String: [UInt8]] = [:]

    func page(_ path: String) -> [UInt8]? { pages[path] }

    /// Kept only if no rebuild happened since the page was read (`readAt`).
    func store(_ page: [UInt8], for path: String, readAt: Int) {
        if readAt == version { pages[path] = page }
    }

    public func record(_ result: SiteBuild.Result) {
        pages = [:]
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
