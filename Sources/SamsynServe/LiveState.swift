import Foundation
import SamsynCore

/// What the server knows about the latest build: a version number that
/// changes on every rebuild (the open pages poll it and reload), and the
/// problems of the last build when it failed.
public actor LiveState {
    public private(set) var version = 0
    /// Errors (and warnings) of the latest build; nil when it succeeded.
    public private(set) var failure: [Diagnostic]?

    public init() {}

    /// Served files as they are sent — pages with the live-reload script
    /// added — per build: the site changes only when it is rebuilt, so each
    /// file is read (and each page prepared) once, not on every request.
    private var files: [String: Data] = [:]

    func file(_ path: String) -> Data? { files[path] }

    /// Kept only if no rebuild happened since the file was read (`readAt`).
    func store(_ body: Data, for path: String, readAt: Int) {
        if readAt == version { files[path] = body }
    }

    public func record(_ result: SiteBuild.Result) {
        files = [:]
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
