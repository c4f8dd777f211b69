import Foundation
import Testing

/// `samsyn serve` end to end: a real process on a free loopback port, spoken
/// to with raw HTTP so that no client library tidies the requests up.
@Suite(.serialized) struct ServeTests {
    /// Starts `samsyn serve --port 0` and returns the process and its port.
    func start(_ project: ProjectFolder) throws -> (Process, UInt16) {
        let process = Process()
        process.executableURL = Samsyn.binary
        process.arguments = ["serve", "--root", project.root.path, "--port", "0", "--as-of", "2025-06-30"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The first line names the address: "Serving http://127.0.0.1:PORT/ — …".
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        let port = text.split(separator: ":").dropFirst(2).first.flatMap { UInt16($0.prefix { $0.isNumber }) }
        guard text.hasPrefix("Serving http://127.0.0.1:"), let port else {
            process.terminate()
            throw CocoaError(.featureUnsupported, userInfo: [NSLocalizedDescriptionKey: "unexpected first line: \(text)"])
        }
        return (process, port)
    }

    @Test func servesTheSiteSafelyAndShowsErrorsWhileBroken() throws {
        let project = try ProjectFolder.valid()
        defer { project.remove() }
        let (process, port) = try start(project)
        defer { process.terminate(); process.waitUntilExit() }

        let home = try RawHTTP.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        #expect(home.status == 200)
        #expect(home.body.contains("<script src=\"/__samsyn/live.js\"></script>"))
        #expect(home.body.contains("connect-src 'self'"))
        let onDisk = String(decoding: try project.read("site/index.html"), as: UTF8.self)
        #expect(!onDisk.contains("__samsyn"), "the live-reload script is never part of the built site")

        #expect(try RawHTTP.send("HEAD /assets/samsyn.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port).status == 200)
        for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
            #expect(try RawHTTP.send("\(method) / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", port: port).status == 405)
        }
        for target in ["/../config/site.yaml", "/%2e%2e/config/site.yaml", "/data/%2F..%2F..%2Fconfig/site.yaml",
                       "/..%5cconfig/site.yaml", "/data/..", "/index.html%00.css"] {
            let response = try RawHTTP.send("GET \(target) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
            #expect(response.status == 400 || response.status == 404, "\(target): \(response.status)")
            #expect(!response.body.contains("organisations:"), "\(target) must not leak config")
        }
        // A link inside the site folder that leads out of it is not followed.
        let link = project.root.appendingPathComponent("site/leak.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: project.root.appendingPathComponent("config/site.yaml"))
        #expect(try RawHTTP.send("GET /leak.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port).status == 404)
        try FileManager.default.removeItem(at: link)

        // Break a file: the next build fails, and pages show the errors with file and line.
        try project.write("content/meetings/traff-1.yaml", "title: Handläggarträff\ndate: 2024-02-30\nmeeting_type: caseworker\n")
        let broken = try reloads(port) { $0.contains("error in the data") }
        #expect(broken.contains("<h1>1 error in the data</h1>"))
        #expect(broken.contains("<code>content/meetings/traff-1.yaml:2:7</code>"))
        #expect(try project.read("site/index.html") == Data(onDisk.utf8), "the last good site stays on disk")

        // Fix it: the site is back.
        try project.write("content/meetings/traff-1.yaml", "title: Handläggarträff\ndate: 2024-04-10\nmeeting_type: caseworker\n")
        #expect(try reloads(port) { $0.contains("<h1>Översikt</h1>") }.contains("<h1>Översikt</h1>"))
    }

    /// What an open page does: waits for the next build (the long poll) and
    /// reloads, until the home page shows what `done` looks for; the last
    /// page it got. A save may take more than one build to arrive in full —
    /// an editor's temporary file can start a build before the file is
    /// renamed into place on a busy machine — so a test waits as a browser
    /// does rather than for exactly one build.
    func reloads(_ port: UInt16, until done: (String) -> Bool) throws -> String {
        var page = ""
        for _ in 0..<6 {
            // The version first, then the page: a build that ends in between shows in the page.
            let version = try RawHTTP.send("GET /__samsyn/wait HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
                .body.filter(\.isNumber)
            page = try RawHTTP.send("GET /index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port).body
            if done(page) { break }
            _ = try RawHTTP.send("GET /__samsyn/wait?since=\(version) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", port: port)
        }
        return page
    }
}

/// A minimal HTTP/1.1 exchange over a loopback socket.
enum RawHTTP {
    struct Response {
        var status: Int
        var body: String
    }

    static func send(_ request: String, port: UInt16) throws -> Response {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            received += buffer[0..<n]
        }
        let text = String(decoding: received, as: UTF8.self)
        let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
        let body = text.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        return Response(status: status, body: body)
    }
}
