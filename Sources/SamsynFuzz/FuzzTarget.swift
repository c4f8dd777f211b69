import Foundation
import SamsynCore
#if SAMSYN_FUZZ
import CSamsynFuzz
#endif

/// One fuzz input through the steps that read untrusted text: load (size,
/// UTF-8, alias and key guards, YAML) and validate (every rule, the
/// personal-number scan), then the diagnostics in all three output formats
/// and, for a valid project, the indicators.
///
/// The first byte chooses where the rest goes: `byte % 6 == 0` makes it
/// `config/site.yaml` (beside one valid record of each kind), anything else
/// a record file in one of the five content folders (beside a valid config).
/// `scripts/fuzz` seeds the corpus the same way.
enum FuzzOne {
    static let asOf = Day(year: 2025, month: 6, day: 30)!

    static let recordPaths = [
        "content/agreements/fuzz.yaml",
        "content/trainings/fuzz.yaml",
        "content/theme-days/fuzz.yaml",
        "content/meetings/fuzz.yaml",
        "content/assessments/fuzz.yaml",
    ]

    static let config = """
    project:
      name: Fuzzprojektet
      reference: 23-000-S99
      owner: sf
      start: 2024-01-01
      end: 2025-12-31
    language: sv
    organisations:
      - { id: fk, name: Försäkringskassan, type: state-agency, training_target: 10, org_number: 202100-5521 }
      - { id: kommunen, name: Exempelby kommun, type: municipality }
      - { id: sf, name: Samordningsförbundet, type: coordination-association, training_target: 1 }
    subprojects:
      - { id: alfa, name: Delprojekt Alfa, partners: [fk, kommunen] }
      - { id: beta, name: Delprojekt Beta, start: 2024-03-01, end: 2025-06-30, partners: [sf] }
    targets:
      caseworker_meetings_per_year: 3
      theme_days_per_year: 2
      agreement_expiry_warning_days: 90
      assessment_interval_months: 6
    site:
      accent: "#1f5c99"
      footer: Med stöd från ESF+.
      accessibility: { organisation: Samordningsförbundet, compliance: partial, contact_email: info@example.se }

    """

    static let records = [
        """
        title: Samverkan
        parties: [fk, kommunen]
        subprojects: [alfa]
        status: signed
        signed: 2024-02-01
        valid_until: 2025-08-01
        scope: [referral]
        independent_of_individuals: true

        """,
        """
        title: Grundkurs
        date: 2024-03-12
        hours: 2.5
        methods: [case-management]
        principles: [accessibility]
        participants: [{ organisation: fk, women: 2, men: 1 }, { organisation: kommunen, count: 4 }]

        """,
        """
        title: Temadag
        date: 2024-10-01
        hours: 3
        principles: [gender-equality, non-discrimination]
        participants: [{ organisation: sf, count: 5 }]

        """,
        """
        title: Handläggarträff
        date: 2024-04-01
        meeting_type: caseworker
        subprojects: [alfa]
        participants: [{ organisation: fk, count: 3 }]

        """,
        """
        subproject: alfa
        date: 2024-05-01
        responses:
          - { trust_culture: 3, work_focus: 4, parallel_services: 2, no_breaks: 3, continuity: 4, progression_focus: 3 }
          - { trust_culture: 2, work_focus: 5 }
        comment: Gemensam skattning.

        """,
    ]

    static func files(for input: [UInt8]) -> [String: [UInt8]] {
        let slot = Int(input.first ?? 0) % 6
        let body = Array(input.dropFirst())
        var files = ["config/site.yaml": Array(config.utf8)]
        if slot == 0 {
            files["config/site.yaml"] = body
            for (path, text) in zip(recordPaths, records) { files[path] = Array(text.utf8) }
        } else {
            files[recordPaths[slot - 1]] = body
        }
        return files
    }

    static func run(_ input: [UInt8]) {
        let files = files(for: input)
        let loaded = Loader(files: MemoryFiles(bytes: files)).load()
        let result = Validator.validate(loaded, asOf: asOf)
        for format in DiagnosticFormat.allCases { _ = format.render(result.diagnostics) }

        // Cheap oracles, so that a wrong answer is a finding too, not only a crash.
        let hasError = result.diagnostics.contains { $0.severity == .error }
        precondition(hasError == (result.project == nil), "a project is returned exactly when there is no error")
        for diagnostic in result.diagnostics {
            precondition(files[diagnostic.location.file] != nil, "a diagnostic names a file that does not exist")
            if let bytes = files[diagnostic.location.file] {
                // libyaml also ends a line at a lone CR, NEL, LS and PS: count
                // every break character, an upper bound on the line count.
                let lines = 1 + bytes.filter { $0 == 0x0A || $0 == 0x0D || $0 == 0x85 || $0 == 0xA8 || $0 == 0xA9 }.count
                precondition(diagnostic.location.line >= 0 && diagnostic.location.line <= lines + 1,
                             "a diagnostic points past the end of its file")
            }
        }
        if let project = result.project { _ = Indicators.compute(project, asOf: asOf) }

        // A build reads each record file, and searches each file's text,
        // right after reading it (`Loader.load(checkingEach:scanningEach:)`),
        // `samsyn serve` afterwards: both must find the same.
        let early = Validator.validate(Loader(files: MemoryFiles(bytes: files)).load(checkingEach: {
            Validator.recordCheck(config: $0, asOf: asOf)
        }, scanningEach: Validator.personalNumberScan), asOf: asOf)
        precondition(early.diagnostics == result.diagnostics, "reading each file right after parsing finds the same")
        precondition((early.project == nil) == (result.project == nil), "both readings build a project, or neither")
    }
}

/// libFuzzer calls this once per input (built by scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func samsynFuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzOne.run(input)
    return 0
}

/// The program's entry point. Built by scripts/fuzz (with SAMSYN_FUZZ), it
/// hands over to libFuzzer's driver with the command line as given. Built
/// by an ordinary `swift build`, it is a replayer: it runs the same code once
/// on each file named on the command line, so a finding can be reproduced
/// without the sanitizers; it reads only those files and writes nothing.
@main
struct SamsynFuzz {
    static func main() {
        #if SAMSYN_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, samsynFuzzOneInput))
        #else
        let paths = CommandLine.arguments.dropFirst()
        if paths.isEmpty {
            print("usage: SamsynFuzz FILE...   (replays fuzz inputs; scripts/fuzz builds the fuzzer itself)")
            return
        }
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot be read")
                exit(2)
            }
            FuzzOne.run([UInt8](data))
            print("\(path): ok")
        }
        #endif
    }
}
