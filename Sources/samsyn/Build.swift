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

    func validate() throws { try project.validateRoot() }

    func run() throws {
        let root = project.rootURL
        let outputURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? root.appendingPathComponent("site")
        let writer = SiteWriter(root: root, output: outputURL)
        // Refuse a dangerous output folder before any work, so the message is not lost among others.
        if let refusal = writer.refusal() {
            FileHandle.standardError.write(Data("error: \(refusal.description)\n".utf8))
            throw ExitCode(1)
        }
        let outcome = Pipeline(files: DiskFiles(root: root)).run(asOf: try asOf.day(), strict: reporting.strict)
        Report.print(outcome, format: reporting.format)
        guard let project = outcome.project, let report = outcome.report else {
            FileHandle.standardError.write(Data("The site was not built; the previous site (if any) is unchanged.\n".utf8))
            throw ExitCode(1)
        }
        let input = RenderInput(project: project, report: report, lastChanged: LastChanged.find(root: root))
        let files = SiteRenderer.render(input, logo: outcome.logo)
        do {
            try writer.write(files)
        } catch {
            FileHandle.standardError.write(Data("error: could not write the site: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if reporting.format != .json {
            let pages = files.keys.filter { $0.hasSuffix(".html") }.count
            FileHandle.standardError.write(Data("Wrote \(pages) pages and \(files.count - pages) other files to \(outputURL.path) (as of \(report.asOf))\n".utf8))
        }
    }
}
