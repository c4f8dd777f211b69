import Foundation

/// The kinds of record file under `content/`, by folder.
public enum RecordKind: String, CaseIterable, Sendable {
    case agreements, trainings, themeDays = "theme-days", meetings, assessments

    public var folder: String { "content/" + rawValue }

    /// The kind of record a file under content/ holds, by the folder it is in
    /// (at any depth); nil outside the record folders.
    static func of(_ path: String) -> RecordKind? {
        // The path's bytes compared with each folder's in place: each kind's
        // prefix as a String, tried in turn, took one core some 50 ms at
        // 100 000 records while the other waited.
        var path = path  // native strings are already contiguous: no copy
        return path.withUTF8 { bytes in
            prefixes.first { bytes.count >= $0.prefix.utf8CodeUnitCount
                             && memcmp(bytes.baseAddress!, $0.prefix.utf8Start, $0.prefix.utf8CodeUnitCount) == 0 }?.kind
        }
    }

    /// Each kind's folder with its slash, as the program's own bytes.
    private static let prefixes: [(kind: RecordKind, prefix: StaticString)] = [
        (.agreements, "content/agreements/"), (.trainings, "content/trainings/"), (.themeDays, "content/theme-days/"),
        (.meetings, "content/meetings/"), (.assessments, "content/assessments/"),
    ]
}

/// One YAML file, read and parsed: its text (for the personal-number scan)
/// and its node tree, where every value keeps its line and column.
public struct SourceFile: Sendable {
    public var path: String
    /// The file's UTF-8 text without a byte-order mark, as bytes: a build
    /// needs no `String` of it (see `Loader.parse`).
    public var bytes: [UInt8]
    /// The same text as a `String`, made when asked for.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
    /// Nil for an empty file (or one holding only comments).
    public var root: YAMLNode?
    /// What the next step made of this record file on the core that had just
    /// parsed it (see `Loader.load(checkingEach:)`); `root` is then nil, and
    /// `bytes` empty when the text was scanned as well (`scanningEach:`).
    public var checked: (any Sendable)? = nil
}

/// What the load step hands to validation: parsed files, plus the problems
/// that stopped a file from being parsed at all.
public struct LoadedProject {
    public var config: SourceFile?
    public var records: [RecordKind: [SourceFile]]
    public var diagnostics: [Diagnostic]
    /// The text (UTF-8 bytes) of every file that could be decoded, parsed
    /// or not: the personal-number search covers files with YAML errors too.
    /// Without the files that `load(scanningEach:)` scanned as it read them.
    public var texts: [(path: String, bytes: [UInt8])] = []
    /// What `load(scanningEach:)` found in the texts it scanned, in path
    /// order: only the files where it found something.
    public var scans: [(path: String, found: any Sendable)] = []
    /// How many files were looked at (for the summary line).
    public var fileCount: Int
    /// The newest modification time (nanoseconds since 1970) of the files
    /// read, when the file system gave one: what a project outside git is
    /// dated by, without looking at every file a second time.
    public var newestModification: Int64? = nil
}

/// Step 1 of the pipeline: find the project's files, read them safely and parse
/// the YAML. It knows nothing of what the records mean.
public struct Loader: Sendable {
    /// Larger files are refused before they are read. A record is a few dozen
    /// lines; a megabyte of YAML is a mistake or an attack.
    public static let maxFileBytes = 1_048_576
    /// With aliases expanded, a file may hold at most this many values: a
    /// "billion laughs" file is refused instead of exhausting memory and time.
    public static let maxExpandedValues = 100_000

    public static let configPath = "config/site.yaml"

    let files: any FileAccess
    let cache: LoadCache?
    let changed: ChangedPaths

    /// With a `cache` (kept by `samsyn serve` from build to build), a file whose
    /// bytes are the same as last time is not decoded or parsed again, and
    /// with `changed` paths the content folder is not listed again either.
    public init(files: any FileAccess, cache: LoadCache? = nil, changed: ChangedPaths = .unknown) {
        self.files = files
        self.cache = cache
        self.changed = changed
    }

    /// What a later step does with one parsed record file, given config/site.yaml.
    public typealias Check = @Sendable (RecordKind, SourceFile) -> any Sendable
    /// What a later step looks for in the text of every file read, parsed
    /// or not: nil when it found nothing.
    public typealias Scan = @Sendable ([UInt8]) -> (any Sendable)?

    /// With `checkingEach`, config/site.yaml is read first and handed to it;
    /// the check it returns then runs on each record file on the core that
    /// parsed it, right after, while the tree is still in that core's cache,
    /// and the tree is dropped there (`SourceFile.checked` holds the result).
    /// No file's tree is then held until every file is parsed: at 100 000
    /// records that was some 200 MB, and checking took a tenth longer.
    ///
    /// With `scanningEach`, each file's text is handed to `scan` on the core
    /// that read it, and `LoadedProject.scans` holds what it found instead of
    /// the text (nearly always nothing, so nearly no file is listed); a
    /// checked record file then keeps no text either. No file's
    /// text is then held until every file is read (at 100 000 records some
    /// 50 MB, read a second time from memory by the scan after).
    public func load(checkingEach makeCheck: ((SourceFile?) -> Check?)? = nil, scanningEach scan: Scan? = nil) -> LoadedProject {
        var diagnostics: [Diagnostic] = []
        // Each file to read, by its place in the listing (nil for
        // config/site.yaml): numbers only, so that the loops below that run
        // on one core neither copy nor count references to any path.
        var jobs: [(entry: Int?, kind: RecordKind?)] = []

        if files.fileExists(Loader.configPath) {
            jobs.append((nil, nil))
        } else {
            diagnostics.append(Diagnostic(.error, SourceLocation(file: Loader.configPath),
                                          "the project has no config/site.yaml",
                                          hint: "run samsyn in the project folder, or give --root DIR; the file holds project:, organisations: and subprojects:"))
        }
        var fileCount = jobs.count
        let known = RecordKind.allCases.map(\.folder)
        var listing = contentListing()
        jobs.reserveCapacity(listing.count + 1)
        // Each entry's fields are read in place (through the buffer: an
        // array's subscript copied the whole entry for each field).
        listing.withUnsafeBufferPointer { entries in
            for entry in entries.indices {
                let path = entries[entry].path
                guard Loader.isYAML(path) else { continue }
                fileCount += 1
                guard let kind = RecordKind.of(path) else {
                    let folder = path.split(separator: "/").dropLast().joined(separator: "/")
                    diagnostics.append(Diagnostic(.error, SourceLocation(file: path),
                                                  "'\(folder)' is not a content folder, so this file would be ignored",
                                                  hint: suggestion(for: folder, among: known).map { "did you mean '\($0)'?" }
                                                      ?? "content folders: " + known.joined(separator: ", ")))
                    continue
                }
                if entries[entry].linksOutsideRoot {
                    diagnostics.append(linkOutside(path))
                    continue
                }
                jobs.append((entry, kind))
            }
        }

        // Reading and parsing is most of the work; files are independent, so
        // they are spread over the cores and gathered back in path order.
        // The cache is read without locks while the cores work; what changed is stored after.
        var cached = cache?.files.snapshot()
        // config/site.yaml (the first job, when there is one) alone first: a check needs it.
        // It is then taken as read in the loop below, which gathers every outcome
        // in one array (appending one array to another copied every tree again).
        let configOutcome = jobs.first.flatMap { $0.entry == nil ? read(Loader.configPath, stamp: nil, known: cached) : nil }
        let check = makeCheck?(configOutcome?.result.source)
        var outcomes = Parallel.map(jobs) { [cached, listing] job in
            // The job without a place is config/site.yaml, read above.
            var outcome = job.entry.map { read(listing[$0].path, stamp: listing[$0].stamp, known: cached) } ?? configOutcome!
            if let scan, let text = outcome.result.text.take() { outcome.result.scanned = scan(text) }
            if let check, let kind = job.kind, var source = outcome.result.source.take() {
                source.checked = check(kind, source)
                source.root = nil
                // Its text is not needed again once scanned (without a
                // cache, which would compare it next time).
                if scan != nil && cache == nil { source.bytes = [] }
                outcome.result.source = source
            }
            return outcome
        }
        cached = nil  // the cache is then the only owner and is updated in place, not copied
        cache?.files.update(outcomes.compactMap { $0.fresh.map { (key: $0.path, entry: $0.entry) } },
                            liveCount: jobs.count, live: { Set(jobs.map { $0.entry.map { listing[$0].path } ?? Loader.configPath }) })
        var config: SourceFile?
        var records: [RecordKind: [SourceFile]] = [:]
        // The files of one kind follow each other (their folder is the start
        // of their paths): each kind's list is filled, then stored once,
        // instead of being looked up in `records` for every file.
        var kindFiles: (kind: RecordKind, files: [SourceFile])?
        func store(_ done: (kind: RecordKind, files: [SourceFile])?) {
            guard let done else { return }
            // Stored as it is: appended to an empty list, every file would be copied.
            if records[done.kind] == nil { records[done.kind] = done.files } else { records[done.kind]!.append(contentsOf: done.files) }
        }
        var texts: [(path: String, bytes: [UInt8])] = []
        var scans: [(path: String, found: any Sendable)] = []
        if scan == nil { texts.reserveCapacity(jobs.count) }
        var newestModification: Int64?
        for index in jobs.indices {
            if let modified = outcomes[index].modified { newestModification = max(newestModification ?? modified, modified) }
            // Each result is moved out, not copied: a copy of every parsed
            // tree, and its release with the outcomes, took one core some
            // 200 ms at 100 000 records while the other waited; a copy of
            // each file's path, text and check, some 50 ms.
            var result = FileResult()
            swap(&result, &outcomes[index].result)
            if !result.diagnostics.isEmpty { diagnostics += result.diagnostics }
            if result.text != nil || result.scanned != nil {
                // The listing's path is moved, not copied: by now each
                // path's storage is out of the cache, and a reference count
                // on it, and its release with the listing, held this one
                // core for some 30 ms at 100 000 records. (The listing is
                // not read again; with a cache, which keeps the listing,
                // moving would copy it whole, so the path is copied.)
                var path = Loader.configPath
                if let entry = jobs[index].entry {
                    if cache == nil { swap(&path, &listing[entry].path) } else { path = listing[entry].path }
                }
                if let found = result.scanned.take() { scans.append((path, found)) }
                if let text = result.text.take() { texts.append((path, text)) }
            }
            guard let source = result.source.take() else { continue }
            guard let kind = jobs[index].kind else {
                config = consume source
                continue
            }
            if kindFiles?.kind != kind {
                store(kindFiles.take())
                kindFiles = (kind, [])
            }
            kindFiles?.files.append(consume source)
        }
        store(kindFiles.take())
        return LoadedProject(config: config, records: records, diagnostics: diagnostics, texts: texts, scans: scans,
                             fileCount: fileCount, newestModification: newestModification)
    }

    /// Whether the path ends in ".yaml" or ".yml", read from its last bytes
    /// in one pass (asked of every file listed, on one core).
    static func isYAML(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { bytes in
            func endsWith(_ suffix: StaticString) -> Bool {
                bytes.count >= suffix.utf8CodeUnitCount
                    && memcmp(bytes.baseAddress! + bytes.count - suffix.utf8CodeUnitCount, suffix.utf8Start, suffix.utf8CodeUnitCount) == 0
            }
            return endsWith(".yaml") || endsWith(".yml")
        }
    }

    private func linkOutside(_ path: String) -> Diagnostic {
        Diagnostic(.error, SourceLocation(file: path), "this is a link to a file outside the project folder; it is not read",
                   hint: "copy the file into the project instead of linking to it")
    }

    /// One file's outcome: the parsed file, its text (kept even when the YAML
    /// is broken, for the personal-number search) or what a scan found in
    /// it, and what went wrong.
    struct FileResult: Sendable {
        var source: SourceFile?
        var text: [UInt8]?
        var scanned: (any Sendable)?
        var diagnostics: [Diagnostic] = []
    }

    /// The files under content/: the last listing updated by the changed
    /// paths when the cache has one, or else a fresh listing.
    private func contentListing() -> [FileEntry] {
        if case .only(let paths) = changed, let updated = updatedListing(paths) { return updated }
        let listed = files.files(under: "content", stamped: cache != nil)
        cache?.listing.value = listed
        return listed ?? []
    }

    /// The cache's last listing of content/ updated by `paths` (and kept as
    /// the new last listing); nil when there is none or a path cannot be
    /// looked at alone (a folder), so that content/ must be listed again.
    func updatedListing(_ paths: Set<String>) -> [FileEntry]? {
        guard let previous = cache?.listing.value,
              let updated = files.files(under: "content", updating: previous, changed: paths) else { return nil }
        cache?.listing.value = updated
        return updated
    }

    /// Reads, decodes and parses one file afresh, without the cache (a save
    /// that `samsyn serve` checks alone, see `SavedFiles`).
    func readAfresh(_ path: String) -> FileResult {
        switch readBytes(path) {
        case .failure(let problem): return FileResult(diagnostics: [problem.diagnostic])
        case .success(let read):
            var result = FileResult()
            result.source = parse(path, read.bytes, into: &result)
            return result
        }
    }

    /// Reads, decodes and parses one file, or takes it from what a cache knew
    /// (`known`): by its stamp without reading it, or else by its bytes.
    /// `fresh` is the entry to store when the file was read; `modified`, the
    /// file's modification time when a stamp gave it.
    private func read(_ path: String, stamp listed: FileStamp?, known: [String: LoadCache.Entry]?)
        -> (result: FileResult, fresh: (path: String, entry: LoadCache.Entry)?, modified: Int64?) {
        let stamp = known == nil ? nil : listed ?? files.stamp(of: path)
        let previous = known?[path]
        if let stamp, let previous, previous.stamp == stamp { return (previous.result, nil, stamp.modified) }
        let bytes: [UInt8], modified: Int64?
        switch readBytes(path) {
        case .failure(let problem): return (FileResult(diagnostics: [problem.diagnostic]), nil, stamp?.modified)
        case .success(let read): (bytes, modified) = (read.bytes, read.stamp?.modified ?? stamp?.modified)
        }
        if let previous, previous.bytes == bytes {
            return (previous.result, (path, LoadCache.Entry(bytes: bytes, stamp: stamp, result: previous.result)), modified)
        }
        var result = FileResult()
        result.source = parse(path, bytes, into: &result)
        return (result, known == nil ? nil : (path, LoadCache.Entry(bytes: bytes, stamp: stamp, result: result)), modified)
    }

    private struct Problem: Error {
        var diagnostic: Diagnostic
    }

    /// The read itself refuses a file over the limit, from the size the file
    /// system gives for the open file, before reading it.
    private func readBytes(_ path: String) -> Result<(bytes: [UInt8], stamp: FileStamp?), Problem> {
        let here = SourceLocation(file: path)
        do {
            return .success(try files.readStamped(path))
        } catch FileAccessError.tooLarge(let size) {
            return .failure(Problem(diagnostic: Diagnostic(.error, here, "the file is \(size) bytes; the limit is \(Loader.maxFileBytes) bytes (1 MiB)",
                                                           hint: "split it into several files, one record each")))
        } catch FileAccessError.linksOutsideRoot {
            return .failure(Problem(diagnostic: linkOutside(path)))
        } catch {
            return .failure(Problem(diagnostic: Diagnostic(.error, here, "the file cannot be read: \(error)")))
        }
    }

    /// libyaml is given the bytes themselves: its reader refuses anything
    /// that is not UTF-8 as it decodes the text, so a file it parses to the
    /// end is UTF-8, and is not checked a second time (making a `String` of
    /// every file, which checks it, was 1.5 % of a build: docs/performance.md,
    /// change 122). A file it cannot parse is checked, so that text that is
    /// not UTF-8 is reported as such, wherever libyaml stopped.
    private func parse(_ path: String, _ bytes: [UInt8], into result: inout FileResult) -> SourceFile? {
        let body = TextDecoding.withoutByteOrderMark(bytes)
        do {
            let root = try YAMLComposer.compose(body, maxValues: Loader.maxExpandedValues)
            result.text = body
            return SourceFile(path: path, bytes: body, root: root)
        } catch {
            guard TextDecoding.isUTF8(body) else {
                let line = TextDecoding.lineOfFirstInvalidByte(bytes)
                result.diagnostics.append(Diagnostic(.error, SourceLocation(file: path, line: line, column: 1),
                                                     "the file is not valid UTF-8",
                                                     hint: "save it as UTF-8 (in most editors: Save with encoding → UTF-8)"))
                return nil
            }
            result.text = body
            result.diagnostics.append(YAMLErrorTranslation.diagnostic(for: error, file: path, text: String(decoding: body, as: UTF8.self)))
            return nil
        }
    }
}

enum TextDecoding {
    /// The bytes without a leading UTF-8 byte-order mark.
    static func withoutByteOrderMark(_ bytes: [UInt8]) -> [UInt8] {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes[3...]) : bytes
    }

    /// Whether the bytes are UTF-8 text.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        String(validating: bytes, as: UTF8.self) != nil
    }

    /// 1-based line of the first byte that is not valid UTF-8.
    static func lineOfFirstInvalidByte(_ bytes: [UInt8]) -> Int {
        var line = 1
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1 }
        }
        return line
    }
}

/// Parsed files kept from one load to the next: a file whose stamp (size,
/// times, inode) or else whose exact bytes are unchanged is not read, decoded
/// or parsed again. Used by `samsyn serve`, which rebuilds after every save;
/// a one-shot build has none.
public final class LoadCache: Sendable {
    struct Entry: Sendable {
        var bytes: [UInt8]
        var stamp: FileStamp?
        var result: Loader.FileResult
    }

    let files = SnapshotCache<Entry>()
    /// The last listing of content/ (nil: none yet, or no such folder).
    let listing = Locked<[FileEntry]?>(nil)

    public init() {}
}
