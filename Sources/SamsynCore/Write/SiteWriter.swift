import CSamsynSys
import Foundation

/// Step 5 of the pipeline: put the rendered site on disk without ever losing
/// the previous one. Files are written into a temporary folder beside the
/// output, then swapped in with one atomic rename; a failed or killed build
/// leaves the old site exactly as it was.
///
/// Samsyn marks its output with a manifest listing every file it wrote, and
/// refuses to replace a folder holding anything else: it never deletes a
/// file it did not create.
public struct SiteWriter: Sendable {
    public static let manifestName = ".samsyn-manifest"
    static let manifestHeader = "samsyn-site 1"
    /// Present only while a temporary folder is being filled.
    static let buildingMarker = ".samsyn-building"

    public let root: URL
    public let output: URL

    public init(root: URL, output: URL) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
    }

    public struct Refusal: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    private var fm: FileManager { .default }
    private var parent: URL { output.deletingLastPathComponent() }
    private var tempPrefix: String { "." + output.lastPathComponent + ".samsyn-tmp-" }

    /// Why `output` must not be written to, or nil when it is safe.
    ///
    /// `listingEveryFile: false` is the first look before a build's work: a
    /// previous site of Samsyn's (its manifest in place) passes without each
    /// of its files being looked up in the manifest, since `write` does that
    /// in any case just before it replaces the folder. Listing a large site
    /// twice cost a few per cent of its build.
    public func refusal(listingEveryFile: Bool = true) -> Refusal? {
        let out = realPath(output), projectRoot = realPath(root)
        func inside(_ path: String, _ folder: String) -> Bool { path == folder || path.hasPrefix(folder + "/") }
        if out == projectRoot {
            return Refusal(description: "the output folder is the project folder itself; choose a folder such as \(root.path)/site")
        }
        if inside(projectRoot, out) {
            return Refusal(description: "the output folder \(output.path) contains the project; choose a folder inside it, such as site/")
        }
        for protected in ["config", "content"] where inside(out, projectRoot + "/" + protected) {
            return Refusal(description: "the output folder \(output.path) is inside \(protected)/, which holds the project's own files")
        }
        // The folder is replaced as a whole, by renaming: a link would be
        // replaced by a folder (and kept as the spare), not written through.
        if let target = try? fm.destinationOfSymbolicLink(atPath: output.path) {
            return Refusal(description: "\(output.path) is a link to \(target); Samsyn replaces the output folder as a whole, which would replace the link: give the folder itself, such as --output \(out)")
        }
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return nil }
        guard isDirectory.boolValue else {
            return Refusal(description: "\(output.path) is a file, not a folder; Samsyn will not replace it")
        }
        if !listingEveryFile, hasManifestHeader(output) { return nil }
        let present = (try? listFiles(output)) ?? []
        if present.isEmpty { return nil }
        guard let manifest = Manifest.read(in: output) else {
            return Refusal(description: "\(output.path) already holds files that Samsyn did not create (it has no \(SiteWriter.manifestName)); choose another --output or empty it yourself")
        }
        let foreign = manifest.unlisted(present).filter { $0 != SiteWriter.manifestName }.sorted(by: byteOrder)
        if !foreign.isEmpty {
            let names = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? ", …" : "")
            return Refusal(description: "\(output.path) holds files that Samsyn did not create (\(names)); move them elsewhere, Samsyn replaces the whole folder")
        }
        return nil
    }

    /// Writes the site and swaps it in. Throws `Refusal` without touching anything
    /// when the output folder is not Samsyn's to replace.
    @discardableResult
    public func write(_ files: [String: [UInt8]]) throws -> Report {
        try write(SiteContent(files: files))
    }

    /// How the files of a write came to be on disk.
    public struct Report: Sendable, Equatable {
        /// Known unchanged from their stamps, without being read.
        public var knownByStamp = 0
        /// Read back and found unchanged (left alone, or linked from the site on show).
        public var sameBytes = 0
        /// Written anew.
        public var written = 0

        public init(knownByStamp: Int = 0, sameBytes: Int = 0, written: Int = 0) {
            self.knownByStamp = knownByStamp
            self.sameBytes = sameBytes
            self.written = written
        }
    }

    /// Writes the site, producing each file only as it is written.
    ///
    /// The site it replaces is kept beside the output as a hidden spare
    /// (`.site.samsyn-previous` for `site/`), and the next build brings that
    /// spare up to date in place and swaps it in, instead of filling a new
    /// folder: a page that did not change is then not touched at all, where a
    /// new folder needed a hard link per page and the old site's removal an
    /// unlink per page (a quarter of a rebuild). The spare's unchanged pages
    /// are the very files of the site on show (hard links), so it costs disk
    /// space only for the pages that changed.
    @discardableResult
    public func write(_ content: SiteContent) throws -> Report {
        // An output whose folder does not exist yet (`--output new/site`):
        // the folder is made first, once the output is known to be one
        // Samsyn may write, so that this first build too takes the lock
        // below, keeps its stamps and leaves the next build a site to bring
        // up to date instead of every page to read again.
        if !fm.fileExists(atPath: parent.path) {
            if let refused = refusal() { throw refused }
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        }
        // Two builds writing beside the same output (a build while `serve`
        // runs) take turns: each would otherwise change the spare, or remove
        // a temporary folder, under the other's feet.
        let lock = FolderLock(parent.path)
        defer { lock.release() }
        // Stamps are kept only where pages can be hashed, and only under the
        // lock: another build could be writing them.
        let stamping = lock.isHeld && PageStamp.hashing
        // The output's check and the spare's each list a whole site: one on each core.
        let ((refused, stamps), (spareFiles, order, spareListsPaths)) = Parallel.both({
            (refusal(), stamping ? SiteStamps.read(stampsFile.path) : SiteStamps(tables: []))
        }, {
            let order = ByteOrder(content.paths)
            let spare = lock.isHeld ? spareListing() : nil
            return (spare, order, spare?.manifest.lists(exactly: order.paths) ?? false)
        })
        if let refused { throw refused }
        removeStaleTemporaryFolders()
        let paths = order.paths
        let known = stamps.known(for: paths).map(order.toListOrder)

        if let (files, _) = spareFiles, !spareListsPaths {
            // Once the files the site no longer has are gone, every file the
            // spare holds or will hold is one of `paths`: its manifest can say
            // so at once, and a build killed half-way leaves a spare the next
            // build still recognises as its own. (A spare whose manifest
            // already lists `paths` holds nothing else: see `spareListing`.)
            let present = files.filter { !SiteWriter.isBookkeeping($0) }.sorted(by: byteOrder)
            try FastFiles.remove(SiteWriter.unlisted(present, in: paths), from: spare.path)
            try writeManifest(paths, into: spare)
        }
        if spareFiles != nil {
            let (updated, replaced) = (SiteStamps.Folder(spare.path), SiteStamps.Folder(output.path))
            let written = try FastFiles.write(content, into: spare.path, reusing: .updatingInPlace, known: known)
            try swapIn(spare, keepingTheReplacedSite: true)
            // Every file known by its stamp: the stamps file already vouches for them all.
            if stamping, written.report.knownByStamp < paths.count {
                saveStamps(stamps, written, order, site: updated, replaced: replaced)
            }
            return written.report
        }

        let temp = parent.appendingPathComponent(tempPrefix + String(getpid()))
        if fm.fileExists(atPath: temp.path) { try fm.removeItem(at: temp) }
        try fm.createDirectory(at: temp, withIntermediateDirectories: false)
        do {
            try Data().write(to: temp.appendingPathComponent(SiteWriter.buildingMarker))
            // The previous site is ours (refusal() checked every file in it), so its unchanged files can be reused.
            let previous = fm.fileExists(atPath: output.appendingPathComponent(SiteWriter.manifestName).path) ? output.path : nil
            let written = try FastFiles.write(content, into: temp.path, reusing: previous.map { .linking(from: $0) } ?? .nothing,
                                              known: known)
            try writeManifest(paths, into: temp)
            try fm.removeItem(at: temp.appendingPathComponent(SiteWriter.buildingMarker))
            let (updated, replaced) = (SiteStamps.Folder(temp.path), SiteStamps.Folder(output.path))
            try swapIn(temp, keepingTheReplacedSite: lock.isHeld)
            if stamping { saveStamps(stamps, written, order, site: updated, replaced: replaced) }
            return written.report
        } catch {
            try? removeOwnFolder(temp)
            throw error
        }
    }

    /// Records the stamps of the site just swapped in (`site`), keeping those
    /// of `replaced`, the site it replaced, when that was kept as the spare.
    private func saveStamps(_ stamps: SiteStamps, _ written: FastFiles.Written, _ order: ByteOrder,
                            site: SiteStamps.Folder?, replaced: SiteStamps.Folder?) {
        guard let site else { return }
        let newest = SiteStamps.Table(folder: site, paths: order.paths, stamps: order.toByteOrder(written.stamps))
        SiteStamps.write(stamps.replacing(with: newest, keeping: exists(spare) ? replaced : nil), to: stampsFile.path)
    }

    /// The stamps of the sites beside the output (see `SiteStamps`); not part of any site.
    var stampsFile: URL { parent.appendingPathComponent("." + output.lastPathComponent + ".samsyn-stamps/stamps") }

    /// The hidden folder beside the output that holds the site last replaced.
    var spare: URL { parent.appendingPathComponent("." + output.lastPathComponent + ".samsyn-previous") }

    /// The files Samsyn keeps in a site for itself; none is a page.
    static let bookkeeping: Set<String> = [manifestName, manifestName + ".new", buildingMarker]

    /// Whether `path` is one of `bookkeeping`: all start with ".", so most
    /// paths of a site are told apart by their first byte, without hashing.
    static func isBookkeeping(_ path: String) -> Bool {
        path.utf8.first == UInt8(ascii: ".") && bookkeeping.contains(path)
    }

    /// The spare's files (in the file system's order) and its manifest, when it
    /// can be updated in place: a real folder, with Samsyn's manifest
    /// listing every file in it. A spare holding anything else is left as it
    /// is, and not used.
    private func spareListing() -> (files: [String], manifest: Manifest)? {
        var info = stat()
        guard lstat(spare.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR, let manifest = Manifest.read(in: spare) else { return nil }
        let present = try? listFiles(spare)
        guard let present, manifest.unlisted(present).allSatisfy(SiteWriter.isBookkeeping) else { return nil }
        return (present, manifest)
    }

    /// Writes the manifest listing `paths` (in byte order) in one step: a
    /// manifest is replaced whole, never seen half-written.
    private func writeManifest(_ paths: [String], into folder: URL) throws {
        let text = ([SiteWriter.manifestHeader] + paths).joined(separator: "\n") + "\n"
        let next = folder.appendingPathComponent(SiteWriter.manifestName + ".new")
        try Data(text.utf8).write(to: next)
        guard rename(next.path, folder.appendingPathComponent(SiteWriter.manifestName).path) == 0 else {
            throw FastFiles.Failure(description: "cannot write \(SiteWriter.manifestName) in \(folder.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Removes a temporary folder or a replaced site — both Samsyn's — with the
    /// marker and the manifest last, so that a build killed during the removal
    /// leaves a folder the next build still recognises and removes.
    private func removeOwnFolder(_ folder: URL) throws {
        try FastFiles.removeTree(folder.path, last: [SiteWriter.buildingMarker, SiteWriter.manifestName])
    }

    /// Replaces the output by `folder` in one step where the kernel allows
    /// it. The site replaced becomes the spare when `keepingTheReplacedSite`
    /// and the spare's name is free; otherwise it is removed.
    private func swapIn(_ folder: URL, keepingTheReplacedSite keep: Bool) throws {
        guard exists(output) else {
            try fm.moveItem(at: folder, to: output)
            return
        }
        if samsyn_exchange_paths(folder.path, output.path) == 0 {
            // `folder` now holds the previous site, which `refusal()` showed is all ours.
            try keepOrRemove(folder, keep: keep)
            return
        }
        // No atomic exchange here (old kernel or file system): two renames, with
        // the old site kept aside until the new one is in place.
        let aside = parent.appendingPathComponent(tempPrefix + "old-" + String(getpid()))
        try fm.moveItem(at: output, to: aside)
        do {
            try fm.moveItem(at: folder, to: output)
        } catch {
            try? fm.moveItem(at: aside, to: output)
            throw error
        }
        try keepOrRemove(aside, keep: keep)
    }

    /// Keeps the replaced site at `folder` as the spare, or removes it.
    private func keepOrRemove(_ folder: URL, keep: Bool) throws {
        if folder == spare { return }
        // `rename` would silently replace an empty folder of that name: only a free name is taken.
        if keep, !exists(spare), rename(folder.path, spare.path) == 0 { return }
        try removeOwnFolder(folder)
    }

    /// Whether anything, even a dangling link, has this path.
    private func exists(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0
    }

    /// A build that was killed leaves its temporary folder (or the old site it
    /// was removing) behind; the next build removes it — only folders with
    /// Samsyn's name and its marker or manifest, or with exactly the name
    /// Samsyn gives them and nothing left in them (killed between creating the
    /// folder and marking it, or after removing the last file).
    private func removeStaleTemporaryFolders() {
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where name.hasPrefix(tempPrefix) {
            let folder = parent.appendingPathComponent(name)
            let marked = fm.fileExists(atPath: folder.appendingPathComponent(SiteWriter.buildingMarker).path)
                || Manifest.read(in: folder) != nil
            if marked {
                try? removeOwnFolder(folder)
            } else if isOwnTemporaryName(name), (try? fm.contentsOfDirectory(atPath: folder.path))?.isEmpty == true {
                rmdir(folder.path)
            }
        }
    }

    /// `<prefix><pid>` or `<prefix>old-<pid>`, as `write` and `swapIn` name them.
    private func isOwnTemporaryName(_ name: String) -> Bool {
        var rest = name.dropFirst(tempPrefix.count)
        if rest.hasPrefix("old-") { rest = rest.dropFirst(4) }
        return !rest.isEmpty && rest.utf8.allSatisfy { (48...57).contains($0) }
    }

    /// Whether the folder's manifest starts as Samsyn's do (only its first line is read).
    private func hasManifestHeader(_ folder: URL) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent(SiteWriter.manifestName).path) else { return false }
        defer { try? handle.close() }
        let header = Array((SiteWriter.manifestHeader + "\n").utf8)
        let start = (try? handle.read(upToCount: header.count)).map { [UInt8]($0) }
        return start == header
    }

    /// The paths of `present` (in byte order) that `manifest` does not list.
    /// Samsyn writes its manifest in byte order too, so the two lists are
    /// walked side by side (a manifest in any other order is sorted first).
    /// Paths are compared byte for byte, as the file system names files.
    static func unlisted(_ present: [String], in manifest: [String]) -> [String] {
        guard zip(manifest, manifest.dropFirst()).allSatisfy({ !byteOrder($1, $0) }) else {
            return unlisted(present, in: manifest.sorted(by: byteOrder))
        }
        var result: [String] = [], next = manifest.startIndex
        for path in present {
            while next < manifest.endIndex, byteOrder(manifest[next], path) { next += 1 }
            if next < manifest.endIndex, !byteOrder(path, manifest[next]) { next += 1 } else { result.append(path) }
        }
        return result
    }

    /// Every file below `folder`, relative, "/"-separated (links are listed,
    /// not followed), in the order the file system gives them.
    private func listFiles(_ folder: URL) throws -> [String] {
        FastFiles.listFiles(folder.path)
    }

    private func realPath(_ url: URL) -> String {
        // The output may not exist yet: resolve its nearest existing ancestor.
        var existing = url
        var rest: [String] = []
        while !fm.fileExists(atPath: existing.path), existing.path != "/" {
            rest.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        let base = DiskFiles.realPath(existing.path) ?? existing.path
        return ([base == "/" ? "" : base] + rest).joined(separator: "/")
    }
}

/// An exclusive lock on a folder (`flock`), waited for; not held where the
/// file system has no such locks, and then nothing that needs it is done.
private struct FolderLock {
    private let fd: Int32
    let isHeld: Bool

    init(_ path: String) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var held = false
        if fd >= 0 {
            var result: Int32
            repeat { result = flock(fd, LOCK_EX) } while result != 0 && errno == EINTR
            held = result == 0
        }
        isHeld = held
    }

    func release() {
        if fd >= 0 { close(fd) }
    }
}

/// A site's paths in byte order, and where each stands in the list they came
/// in. The renderer lists its files in the order of its pages, while the
/// manifest and the stamps keep them in byte order: what is looked up by the
/// one must be put in the order of the other, or a page is given another
/// page's stamp (and read again) once pages come and go.
struct ByteOrder: Sendable {
    /// The paths, in byte order.
    let paths: [String]
    /// `places[i]`: the place in the list as given of `paths[i]`; nil when
    /// the list was in byte order already.
    private let places: [Int]?

    init(_ listed: [String]) {
        if zip(listed, listed.dropFirst()).allSatisfy({ !byteOrder($1, $0) }) {
            (paths, places) = (listed, nil)
        } else {
            let places = byteOrderPlaces(count: listed.count) { listed[$0] }
            (paths, self.places) = (places.map { listed[$0] }, places)
        }
    }

    /// Values given for `paths` (byte order), put in the order of the list as given.
    func toListOrder<T>(_ values: [T]) -> [T] {
        guard let places else { return values }
        var result = values
        for (index, place) in places.enumerated() { result[place] = values[index] }
        return result
    }

    /// Values given in the order of the list as given, put in byte order.
    func toByteOrder<T>(_ values: [T]) -> [T] {
        guard let places else { return values }
        return places.map { values[$0] }
    }
}
