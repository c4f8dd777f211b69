import ArgumentParser
import Foundation
import SamsynCore
import SamsynServe

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on this machine and rebuild whenever a file changes.",
        discussion: """
        Open the printed address in a browser. Each time you save a file under config/ or content/ the
        site is rebuilt and the page reloads by itself; while a file has errors, the browser shows them
        (file, line, message) instead of the page, and the last good site stays on disk.
        Only this machine can connect unless --host says otherwise. Stop with Ctrl-C.
        Examples:
          samsyn serve
          samsyn serve --port 8080 --as-of 2025-06-30
        """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one. Example: --port 8080", valueName: "PORT"))
    var port: UInt16 = 8000

    @Option(help: ArgumentHelp("The address to listen on; default loopback (this machine only). Example: --host 127.0.0.1", valueName: "ADDRESS"))
    var host = "127.0.0.1"

    @Flag(help: "Print every rebuild, also when nothing went wrong.")
    var verbose = false

    func validate() throws {
        try project.validateRoot()
        guard host.split(separator: ".").count == 4, host.split(separator: ".").allSatisfy({ UInt8($0) != nil }) else {
            throw ValidationError("--host \(host): give an IPv4 address such as 127.0.0.1")
        }
    }

    func run() async throws {
        let root = project.rootURL
        var site = SiteBuild(root: root, output: root.appendingPathComponent("site"))
        site.cache = BuildCache()
        let build = site
        let day = try asOf.day()
        // Read once: the footer's "last changed" date comes from git (or file
        // times), which a save in the editor does not change until it is committed.
        let lastChanged = LastChanged.find(root: root)
        let verbose = self.verbose
        let server = PreviewServer(build: build, host: host, port: port, prepare: { changed in
            build.prepare(asOf: day, lastChanged: lastChanged, checkingOutput: false, changed: changed)
        }, report: { event in
            switch event {
            case .listening(let url):
                FileHandle.standardOutput.write(Data("Serving \(url.absoluteString) — watching config/ and content/ (Ctrl-C to stop)\n".utf8))
            case let .built(result, shown, milliseconds):
                if result.succeeded {
                    if verbose || !result.diagnostics.isEmpty {
                        Report.print(result.diagnostics, fileCount: result.fileCount, format: .text)
                    }
                    Report.line("Built \(result.pagesWritten) pages: shown after \(shown) ms, on disk after \(milliseconds) ms")
                } else {
                    if let refusal = result.refusal { Report.line("error: \(refusal)") }
                    Report.print(result.diagnostics, fileCount: result.fileCount, format: .text)
                    Report.line("Not rebuilt; the browser shows the errors until they are fixed.")
                }
            }
        })
        do {
            try await server.run()
        } catch {
            Report.line("error: could not serve on \(host):\(port): \(error)")
            throw ExitCode(1)
        }
    }
}
