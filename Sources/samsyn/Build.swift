import ArgumentParser
import Foundation
import SamsynCore

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate, compute the indicators and write the site folder.",
        discussion: """
        The site is written to a temporary folder and swapped in only when everything succeeded:
        a failed or interrupted build leaves the previous site as it was.
        Examples:
          samsyn build
          samsyn build --as-of 2025-06-30 --output /tmp/iris2-site
          samsyn build --strict            (warnings stop the build too)
        """
    )

    @OptionGroup var project: ProjectOptions
    @OptionGroup var asOf: AsOfOption

    @Option(help: ArgumentHelp("Where to write the site; default ROOT/site. Example: --output public", valueName: "DIR"))
    var output: String?

    @OptionGroup var reporting: ReportingOptions

    @Flag(help: "Show each step as it finishes, also in CI (on a terminal this is the default).")
    var verbose = false

    func validate() throws { try project.validateRoot() }

    func run() throws {
        Allocator.keepFreedPages()
        let root = project.rootURL
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("site")
        // Asking git takes tens of milliseconds on a large project: it runs while the files are read.
        // Outside git the files' own times date the data, as the build read them.
        let fromGit = Background { LastChanged.fromGit(root) }
        var build = SiteBuild(root: root, output: outputURL)
        build.keepsMemoryUntilExit = true
        let progress = Progress(verbose: verbose, format: reporting.format)
        progress.step("memory allocator: \(Allocator.description)")
        let result = build
            .run(asOf: try asOf.day(), strict: reporting.strict,
                 lastChanged: { newestFile in fromGit.value ?? newestFile.flatMap(LastChanged.day) ?? LastChanged.fromFileTimes(root) },
                 progress: progress.step)
        if let refusal = result.refusal {
            Report.line("error: \(refusal)")
            throw ExitCode(1)
        }
        Report.print(result.diagnostics, fileCount: result.fileCount, format: reporting.format)
        if let writeError = result.writeError {
            Report.line("error: could not write the site: \(writeError)")
            throw ExitCode(1)
        }
        guard result.succeeded, let day = result.asOf else {
            Report.line("The site was not built; the previous site (if any) is unchanged.")
            throw ExitCode(1)
        }
        if reporting.format != .json {
            Report.line("Wrote \(result.pagesWritten) pages and \(result.filesWritten - result.pagesWritten) other files to \(outputURL.path) (as of \(day))")
        }
    }
}
