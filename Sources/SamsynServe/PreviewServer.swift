import FlyingFox
import Foundation
import SamsynCore

/// `samsyn serve`: builds the site, serves it over HTTP, rebuilds when a file
/// under config/ or content/ changes, and makes the open page reload itself.
/// It serves only the site folder, and only GET and HEAD.
public struct PreviewServer: Sendable {
    public let build: SiteBuild
    public let host: String
    public let port: UInt16
    /// Runs one build; the command passes the as-of date and reporting in here.
    public let rebuild: @Sendable () -> SiteBuild.Result
    /// Told about every build and the address once listening.
    public let report: @Sendable (Event) -> Void

    public enum Event: Sendable {
        case listening(URL)
        case built(SiteBuild.Result, milliseconds: Int)
    }

    public init(build: SiteBuild, host: String, port: UInt16, rebuild: @escaping @Sendable () -> SiteBuild.Result,
                report: @escaping @Sendable (Event) -> Void) {
        self.build = build
        self.host = host
        self.port = port
        self.rebuild = rebuild
        self.report = report
    }

    /// How often the project folder is looked at, and how long it must stay
    /// unchanged before a rebuild (an editor may write a file in several steps).
    static let pollInterval = Duration.milliseconds(100)
    static let settleInterval = Duration.milliseconds(60)

    public func run() async throws {
        let state = LiveState()
        let watcher = ProjectWatcher(root: build.root)
        let initial = watcher.snapshot()
        await state.record(timedBuild())

        let server = HTTPServer(address: try .inet(ip4: host, port: port), logger: .disabled,
                                handler: Handler(files: StaticFiles(folder: build.output), state: state))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening()
                if let address = await server.listeningAddress, case let .ip4(_, port) = address {
                    report(.listening(URL(string: "http://\(host):\(port)/")!))
                }
            }
            group.addTask {
                var snapshot = initial
                while !Task.isCancelled {
                    try await Task.sleep(for: Self.pollInterval)
                    var next = watcher.snapshot()
                    guard next != snapshot else { continue }
                    // Wait until the files stop changing, then build once.
                    while true {
                        try await Task.sleep(for: Self.settleInterval)
                        let settled = watcher.snapshot()
                        if settled == next { break }
                        next = settled
                    }
                    snapshot = next
                    await state.record(timedBuild())
                }
            }
            // Runs until stopped (Ctrl-C) or until the server fails, which ends the others too.
            try await group.waitForAll()
        }
    }

    private func timedBuild() -> SiteBuild.Result {
        let start = ContinuousClock.now
        let result = rebuild()
        let elapsed = ContinuousClock.now - start
        report(.built(result, milliseconds: Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)))
        return result
    }

    struct Handler: HTTPHandler {
        let files: StaticFiles
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
            switch files.lookup(rawTarget: request.target.rawValue, path: request.path) {
            case .badRequest:
                return text("Bad request.\n", type: "text/plain; charset=utf-8", status: .badRequest)
            case .notFound:
                return text("Not found.\n", type: "text/plain; charset=utf-8", status: .notFound)
            case .redirect(let location):
                return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location]))
            case .file(let url):
                let isHTML = url.pathExtension == "html"
                if isHTML, let failure = await state.failure {
                    return text(PreviewPages.errors(failure), type: "text/html; charset=utf-8")
                }
                if let body = await state.file(url.path) {
                    return ok(body, type: StaticFiles.contentType(url))
                }
                let readAt = await state.version
                guard let data = try? Data(contentsOf: url) else {
                    return text("Not found.\n", type: "text/plain; charset=utf-8", status: .notFound)
                }
                let body = isHTML ? Data(PreviewPages.inject(into: String(decoding: data, as: UTF8.self)).utf8) : data
                await state.store(body, for: url.path, readAt: readAt)
                return ok(body, type: StaticFiles.contentType(url))
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
