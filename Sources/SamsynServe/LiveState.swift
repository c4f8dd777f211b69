import Foundation
import SamsynCore

/// What the server knows about the latest build: a version number that
/// changes on every rebuild (the open pages poll it and reload), the site
/// of the last good build, and the problems of the latest build when it failed.
public actor LiveState {
    public private(set) var version = 0
    /// Errors (and warnings) of the latest build; nil when it succeeded.
    public private(set) var failure: [Diagnostic]?
    /// The last good site, planned in memory: a page is rendered when it is
    /// first asked for, so a rebuild is visible before the site is on disk.
    private var site: SiteContent?
    private var index: [String: Int] = [:]

    public init() {}

    /// Served files as they are sent — pages with the live-reload script
    /// added — per build: each is rendered (and each page prepared) once.
    private var files: [String: Data] = [:]

    /// Kept only if no rebuild happened since the file was rendered (`renderedAt`).
    func store(_ body: Data, for path: String, renderedAt: Int) {
        if renderedAt == version { files[path] = body }
    }

    /// Everything a request needs, in one step: the last good site, its files
    /// by path, the current version and failure, and the files already sent
    /// in this version (the dictionaries are shared, not copied).
    func request() -> (site: SiteContent?, index: [String: Int], version: Int, failure: [Diagnostic]?, sent: [String: Data]) {
        (site, index, version, failure, files)
    }

    /// A new build: its site when it succeeded; a failed build keeps the last good site.
    /// Returns what it replaced, for the caller to free: freeing a large
    /// project object by object takes milliseconds, which no request should
    /// wait for (the actor is the one point all requests pass).
    @discardableResult
    public func record(_ result: SiteBuild.Result, site content: SiteContent?) -> Replaced {
        let replaced = Replaced(values: (site, index, files))
        files = [:]
        version += 1
        if let content, result.succeeded {
            // Most saves change no path: the index of the last site still holds.
            if site?.paths != content.paths {
                index = Dictionary(uniqueKeysWithValues: content.paths.enumerated().map { ($1, $0) })
            }
            site = content
        }
        failure = result.succeeded ? nil : result.diagnostics + Self.extra(result)
        resumeAll()
        return replaced
    }

    /// The last site's values, once replaced (see `record`).
    public struct Replaced: Sendable {
        fileprivate let values: (SiteContent?, [String: Int], [String: Data])
    }

    /// Refusals and write errors are shown like diagnostics.
    static func extra(_ result: SiteBuild.Result) -> [Diagnostic] {
        [result.refusal, result.writeError.map { "could not write the site: \($0)" }].compactMap { $0 }.map {
            Diagnostic(.error, SourceLocation(file: "site"), $0)
        }
    }

    /// Requests waiting for the next build, resumed by `record`.
    private var waiting: [Int: CheckedContinuation<Int, Never>] = [:]
    private var nextWaiter = 0

    /// Returns as soon as the version differs from `since` (no polling delay:
    /// the reload follows the build at once), or after `timeout` seconds.
    public func waitForChange(since: Int, timeout: Double) async -> Int {
        guard version == since else { return version }
        let id = nextWaiter
        nextWaiter += 1
        return await withCheckedContinuation { continuation in
            waiting[id] = continuation
            Task {
                try? await Task.sleep(for: .milliseconds(Int(timeout * 1000)))
                self.resume(id)
            }
        }
    }

    private func resume(_ id: Int) {
        waiting.removeValue(forKey: id)?.resume(returning: version)
    }

    private func resumeAll() {
        let all = waiting
        waiting = [:]
        for continuation in all.values { continuation.resume(returning: version) }
    }
}
