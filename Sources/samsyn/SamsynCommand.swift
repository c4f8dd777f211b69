import ArgumentParser
import Foundation
import SamsynCore

struct SamsynCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "samsyn",
        abstract: "Validate a Finsam/ESF+ project's YAML records, compute its structural indicators and build its site.",
        discussion: """
        Run it in a project folder (one holding config/site.yaml and content/), or name the folder with --root.
        Exit status: 0 no errors, 1 errors in the data, 2 wrong usage.
        """,
        subcommands: [Check.self, Build.self, Export.self, Serve.self, New.self, Init.self, Schema.self]
    )
}

/// Options every command shares.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder, holding config/site.yaml and content/. Example: --root ~/iris2", valueName: "DIR"))
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }

    func validateRoot() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root \(root): no such folder")
        }
    }
}

struct AsOfOption: ParsableArguments {
    @Option(name: .customLong("as-of"),
            help: ArgumentHelp("Compute the indicators as of this date (YYYY-MM-DD); default today. Example: --as-of 2025-06-30", valueName: "DATE"))
    var asOf: String?

    func day() throws -> Day {
        guard let asOf else { return Clock.today() }
        guard let day = Day(iso: asOf) else { throw ValidationError("--as-of \(asOf): expected a real date written YYYY-MM-DD") }
        return day
    }
}

enum Clock {
    /// Today's local date: the one place Samsyn reads the clock.
    static func today() -> Day {
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

/// How check and build report problems.
struct ReportingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("How to print problems: text (for people and editors), github (GitHub Actions annotations) or json. Example: --format github", valueName: "FORMAT"))
    var format: DiagnosticFormat = .text

    @Flag(help: "Treat warnings as errors, for CI. Example: samsyn check --strict")
    var strict = false
}

/// Prints diagnostics and a summary, the same way for check and build.
enum Report {
    static func print(_ outcome: Pipeline.Outcome, format: DiagnosticFormat) {
        print(outcome.diagnostics, fileCount: outcome.fileCount, format: format)
    }

    static func print(_ diagnostics: [Diagnostic], fileCount: Int, format: DiagnosticFormat) {
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(format.render(diagnostics).utf8))
        case .text, .github:
            FileHandle.standardError.write(Data(format.render(diagnostics).utf8))
            let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
            let summary = "\(count(diagnostics.errorCount, "error")), \(count(diagnostics.warningCount, "warning")) in \(files)\n"
            FileHandle.standardError.write(Data(summary.utf8))
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    /// One line to standard error, where all human-readable output goes.
    static func line(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}

/// Step-by-step progress on standard error: shown on a terminal, silent in CI
/// (where the CI variable is set) and when output is piped, unless --verbose.
struct Progress {
    let enabled: Bool
    let start = ContinuousClock.now

    init(verbose: Bool, format: DiagnosticFormat) {
        let interactive = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        enabled = format == .text && (verbose || interactive)
    }

    func step(_ text: String) {
        guard enabled else { return }
        let elapsed = ContinuousClock.now - start
        let ms = elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        Report.line("  [\(ms) ms] \(text)")
    }
}
