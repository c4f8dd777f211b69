import FlyingFox
import Foundation
import SamsynCore

/// `samsyn serve`: builds the site, serves it over HTTP, rebuilds when a file
/// under config/ or content/ changes, and makes the open page reload itself.
/// It serves only the files the build planned, and only GET and HEAD.
///
/// A rebuild is shown before it is on disk: pages are rendered from the
/// planned site when they are asked for, so the reload waits only for
/// checking and computing; the site folder is written right after.
public struct PreviewServer: Sendable {
    public let build: SiteBuild
    public let host: String
    public let port: UInt16
    /// Checks, computes and plans the site, told what changed since the last
    /// time; the command passes the as-of date in here.
    public let prepare: @Sendable (ChangedPaths) -> SiteBuild.Prepared
    /// Told about every build and the address once listening.
    public let report: @Sendable (Event) -> Void

    public enum Event: Sendable {
        case listening(URL)
        /// `shown` is when the new site could be served, `milliseconds` when it was on disk too.
        case built(SiteBuild.Result, shown: Int, milliseconds: Int)
    }

    public init(build: SiteBuild, host: String, port: UInt16, prepare: @escaping @Sendable (ChangedPaths) -> SiteBuild.Prepared,
                report: @escaping @Sendable (Event) -> Void) {
        self.build = build
        self.host = host
        self.port = port
        self.prepare = prepare
        self.report = report
    }

    public func run() async throws {
        let state = LiveState()
        // Watching starts before the first build, so that no save is missed.
        let watcher = ProjectWatcher(root: build.root)
        await rebuild(into: state, changed: watcher.takeChanges())

        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled,
                                handler: Handler(state: state))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if let address = await server.listeningAddress, case let .ip4(_, port) = address {
                    report(.listening(URL(string: "http://\(host):\(port)/")!))
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await watcher.nextChange()
                    await rebuild(into: state, changed: watcher.takeChanges())
                }
            }
            // Runs until stopped (Ctrl-C) or until the server fails, which ends the others too.
            try await group.waitForAll()
        }
    }

    /// How long the folder's write waits once a rebuild is served. Writing
    /// takes both cores from its first moment (the site on show and the spare
    /// are checked side by side), and the browser's reload, which the long
    /// poll has just asked for, then waited 20–30 ms for a turn. Nobody waits
    /// for the folder: the preview is served from memory.
    static let pauseBeforeWriting = Duration.milliseconds(40)

    /// One rebuild: served from memory as soon as it is planned, then written.
    private func rebuild(into state: LiveState, changed: ChangedPaths) async {
        let start = ContinuousClock.now
        func elapsed() -> Int {
            let d = ContinuousClock.now - start
            return Int(d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
        }
        let prepared = prepare(changed)
        guard let content = prepared.content, prepared.result.succeeded else {
            await state.record(prepared.result, site: nil)
            report(.built(prepared.result, shown: elapsed(), milliseconds: elapsed()))
            return
        }
        let replaced = await state.record(prepared.result, site: content)
        let shown = elapsed()
        // The last site is freed here, once the new one is served, and outside the actor.
        withExtendedLifetime(replaced) {}
        try? await Task.sleep(for: Self.pauseBeforeWriting)
        let written = build.write(content, prepared.result)
        // A site that cannot be written is an error the browser shows.
        if !written.succeeded { await state.record(written, site: nil) }
        report(.built(written, shown: shown, milliseconds: elapsed()))
    }

    struct Handler: HTTPHandler {
        let state: LiveState

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            guard request.method == .GET || request.method == .HEAD else {
                return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET, HEAD"]), body: Data("Only GET and HEAD.\n".utf8))
            }
            let response = await respond(to: request)
            // HEAD: the same headers, no body.
            return request.method == .HEAD
                ? HTTPResponse(statusCode: response.statusCode, headers: response.headers)
                : response
        }

        private func respond(to request: HTTPRequest) async -> HTTPResponse {
            switch request.path {
            case PreviewPages.scriptPath:
                return text(PreviewPages.script, type: "text/javascript; charset=utf-8")
            case PreviewPages.waitPath:
                let since = request.query.first { $0.name == "since" }.flatMap { Int($0.value) }
                // Without `since` the page learns the current version; with it, the request waits for the next.
                let version: Int
                if let since { version = await state.waitForChange(since: since, timeout: 25) } else { version = await state.version }
                return text("{\"version\": \(version)}\n", type: "application/json")
            default:
                break
            }
            // One visit to the shared state per request (it is the one point all requests pass).
            let (site, index, version, failure, sent) = await state.request()
            switch StaticFiles.lookup(rawTarget: request.target.rawValue, path: request.path, exists: { index[$0] != nil }) {
            case .badRequest:
                return text("Bad request.\n", type: "text/plain; charset=utf-8", status: .badRequest)
            case .notFound:
                return text("Not found.\n", type: "text/plain; charset=utf-8", status: .notFound)
            case .redirect(let location):
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
            case .file(let path):
                let isHTML = path.hasSuffix(".html")
                if isHTML, let failure {
                    return text(PreviewPages.errors(failure), type: "text/html; charset=utf-8")
                }
                if let body = sent[path] {
                    return ok(body, type: StaticFiles.contentType(path))
                }
                guard let site, let position = index[path] else {
                    return text("Not found.\n", type: "text/plain; charset=utf-8", status: .notFound)
                }
                let bytes = site.bytes(position)
                let body = isHTML ? Data(PreviewPages.inject(into: String(decoding: bytes, as: UTF8.self)).utf8) : Data(bytes)
                await state.store(body, for: path, renderedAt: version)
                return ok(body, type: StaticFiles.contentType(path))
            }
        }

        private func ok(_ body: Data, type: String) -> HTTPResponse {
            HTTPResponse(statusCode: .ok, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: body)
        }

        private func text(_ body: String, type: String, status: HTTPStatusCode = .ok) -> HTTPResponse {
            HTTPResponse(statusCode: status, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: Data(body.utf8))
        }
    }
}
