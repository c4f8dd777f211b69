import Foundation

/// Writing and removing many files with plain POSIX calls. A site of the
/// national picture has 100 000 pages; Foundation's per-file overhead
/// (a directory check per file, attribute look-ups) cost about 1 ms a file.
enum FastFiles {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What a write may reuse of a site already on disk.
    enum Reuse {
        /// Nothing: every file is written.
        case nothing
        /// The site at this path, being replaced: a file whose bytes are
        /// exactly those of the same path there is hard-linked instead of
        /// written. After an edit most pages are unchanged, and a link costs
        /// no new inode now and no freed one when the old site is removed.
        case linking(from: String)
        /// The folder being written is itself an older site of Samsyn's (the
        /// spare, see `SiteWriter`): a file that already holds the right bytes
        /// is left alone, any other is replaced by a new file. An existing
        /// file is never written into: it may be the same file (a hard link)
        /// as a page of the site on show.
        case updatingInPlace
    }

    /// What a write did, file by file.
    struct Written: Sendable {
        /// The stamp of each file written or kept, in the order of `content.paths`.
        var stamps: [PageStamp] = []
        /// How many files were known by their stamps, read and found unchanged, or written.
        var report = SiteWriter.Report()
    }

    /// Writes every file below `root`, creating each folder once. The files
    /// are spread over the cores; which thread writes a file changes nothing
    /// in the result. `known` holds stamps of the files already there (or,
    /// when linking, in the site linked from): one array per stamps table,
    /// in the order of `content.paths`.
    @discardableResult
    static func write(_ content: SiteContent, into root: String, reusing reuse: Reuse = .nothing,
                      known: [[PageStamp]] = []) throws -> Written {
        let folders = folders(of: content.paths)
        // Parents before children: shorter paths first.
        for folder in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            if mkdir(root + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw Failure(description: "cannot create \(folder): \(String(cString: strerror(errno)))")
            }
        }
        // Each folder is opened once, in both sites, and every file is named
        // relative to its open folder: no path is looked up from the root per
        // file (that was most of the kernel's share of writing 100 000 files).
        let targets = try FolderHandles(root: root, folders: folders, required: true)
        let sources: FolderHandles? = if case .linking(let previous) = reuse {
            try FolderHandles(root: previous, folders: folders, required: false)
        } else { nil }
        defer { targets.close(); sources?.close() }
        let inPlace = if case .updatingInPlace = reuse { true } else { false }
        let failures = FailureBox()
        let outcomes = Parallel.map(count: content.paths.count) { index -> (PageStamp, How) in
            // Each file is produced, written and dropped: memory stays flat
            // however large the site. Its bytes are used where they were written.
            content.withBytes(index) { bytes -> (PageStamp, How) in
                let path = content.paths[index]
                let hash = PageStamp.hash(bytes)
                let (folder, name) = folderAndName(path)
                let target = targets[folder]
                /// The stamp of the file `name` in `folder` when one of `known` vouches that it holds `bytes`.
                func stamped(in folder: Int32) -> PageStamp? {
                    let size = UInt64(bytes.count)
                    guard known.contains(where: { $0[index].hash == hash && $0[index].size == size && $0[index] != .none }) else { return nil }
                    var info = stat()
                    guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
                    return known.lazy.map { $0[index] }.first { $0.hash == hash && $0.vouches(for: info) }
                }
                if inPlace {
                    if let stamp = stamped(in: target) { return (stamp, .knownByStamp) }
                    if let info = sameBytes(target, name, bytes) { return (PageStamp(info, hash: hash), .sameBytes) }
                    if unlinkat(target, name, 0) != 0 && errno != ENOENT {
                        failures.add("\(path): \(String(cString: strerror(errno)))")
                        return (.none, .written)
                    }
                } else if let source = sources?[folder], source >= 0 {
                    let how: How? = stamped(in: source) != nil ? .knownByStamp : sameBytes(source, name, bytes) != nil ? .sameBytes : nil
                    // The link changes the file's status-change time: it is stamped anew.
                    var info = stat()
                    if let how, linkat(source, name, target, name, 0) == 0, fstatat(target, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                        return (PageStamp(info, hash: hash), how)
                    }
                }
                var info = stat()
                if let problem = writeFile(target, name, bytes, &info) {
                    failures.add("\(path): \(problem)")
                    return (.none, .written)
                }
                return (PageStamp(info, hash: hash), .written)
            }
        }
        if let first = failures.first { throw Failure(description: "cannot write \(first)") }
        var result = Written()
        result.stamps.reserveCapacity(outcomes.count)
        for (stamp, how) in outcomes {
            result.stamps.append(stamp)
            switch how {
            case .knownByStamp: result.report.knownByStamp += 1
            case .sameBytes: result.report.sameBytes += 1
            case .written: result.report.written += 1
            }
        }
        return result
    }

    /// How a file came to hold its bytes.
    private enum How: Sendable { case knownByStamp, sameBytes, written }

    /// Removes the files of `root` at `paths` (relative, as listed), then
    /// those of their folders that hold nothing any more, deepest first, so
    /// that a name can change from a folder to a file.
    static func remove(_ paths: [String], from root: String) throws {
        for path in paths {
            guard unlink(root + "/" + path) == 0 || errno == ENOENT else {
                throw Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))")
            }
        }
        // A folder still holding files is still needed: rmdir leaves it.
        for folder in folders(of: paths).sorted(by: { $0.utf8.count > $1.utf8.count }) { rmdir(root + "/" + folder) }
    }

    /// Every folder the files at `paths` lie in, their parents included ("" for the root is not one).
    private static func folders(of paths: [String]) -> Set<String> {
        var folders = Set<String>()
        // A site's pages come folder by folder: a path in the same folder as
        // the one before is passed over without hashing (80 000 paths, on one core).
        var previous: String?
        for path in paths {
            var folder = folderAndName(path).folder
            if folder == previous { continue }
            previous = folder
            while !folder.isEmpty, folders.insert(folder).inserted { folder = folderAndName(folder).folder }
        }
        return folders
    }

    /// The folders of one site, open; -1 for a folder that is missing where it is not required.
    private struct FolderHandles: Sendable {
        private let handles: [String: Int32]

        init(root: String, folders: Set<String>, required: Bool) throws {
            var handles: [String: Int32] = [:]
            for folder in folders.union([""]) {
                let fd = open(folder.isEmpty ? root : root + "/" + folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if fd < 0 && required {
                    let problem = String(cString: strerror(errno))
                    for opened in handles.values where opened >= 0 { Glibc.close(opened) }
                    throw Failure(description: "cannot open \(folder.isEmpty ? root : folder): \(problem)")
                }
                handles[folder] = fd
            }
            self.handles = handles
        }

        subscript(folder: String) -> Int32 { handles[folder] ?? -1 }

        func close() {
            for fd in handles.values where fd >= 0 { Glibc.close(fd) }
        }
    }

    /// The file's status when the regular file `name` in the open folder
    /// holds exactly `bytes` (links are not followed); nil when it does not.
    private static func sameBytes(_ folder: Int32, _ name: String, _ bytes: UnsafeRawBufferPointer) -> stat? {
        let fd = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return nil }
        // Read into memory left as it is (zeroing it first was 1 % of a rebuild).
        let existing = [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            while initialized < bytes.count {
                let n = read(fd, buffer.baseAddress! + initialized, bytes.count - initialized)
                if n <= 0 { break }
                initialized += n
            }
        }
        guard existing.count == bytes.count else { return nil }
        // memcmp, not `==`: Swift's array comparison goes element by element,
        // which was 6 % of rebuilding a site whose pages mostly did not change.
        let same = bytes.isEmpty || existing.withUnsafeBytes { old in memcmp(old.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
        return same ? info : nil
    }

    /// Writes a new file; `info` is its status after the last write (for its stamp).
    private static func writeFile(_ folder: Int32, _ name: String, _ bytes: UnsafeRawBufferPointer, _ info: inout stat) -> String? {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard written > 0 else { return String(cString: strerror(errno)) }
            offset += written
        }
        guard fstat(fd, &info) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    /// The entries of an open folder, each with whether it is a folder itself
    /// (links are not followed). The kind comes with the name from the file
    /// system; only where it does not say is the entry looked at.
    static func entries(of folder: Int32) -> [(name: String, isFolder: Bool)]? {
        let own = dup(folder)
        guard own >= 0, let dir = fdopendir(own) else { return nil }
        defer { closedir(dir) }
        var entries: [(name: String, isFolder: Bool)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != "." && name != ".." else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isFolder = fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append((name, isFolder))
        }
        return entries
    }

    private static func openFolder(_ path: String) -> Int32 {
        open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    static func openFolder(_ name: String, in folder: Int32) -> Int32 {
        openat(folder, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// Every file below `root` (relative, "/"-separated); links are listed, not followed.
    static func listFiles(_ root: String) -> [String] {
        var result: [String] = []
        func walk(_ folder: Int32, _ relative: String) {
            for entry in entries(of: folder) ?? [] {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                guard entry.isFolder else { result.append(path); continue }
                let inner = openFolder(entry.name, in: folder)
                guard inner >= 0 else { continue }
                walk(inner, path)
                close(inner)
            }
        }
        let top = openFolder(root)
        guard top >= 0 else { return [] }
        walk(top, "")
        close(top)
        return result
    }

    /// Removes a folder and everything in it, without following links. The
    /// top-level entries named in `last` go last: a removal that is killed
    /// half-way leaves them, so the folder can still be recognised as Samsyn's.
    /// Each entry is removed relative to its open folder, not by its whole path.
    static func removeTree(_ path: String, last: Set<String> = []) throws {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            guard unlink(path) == 0 else { throw Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))") }
            return
        }
        let folder = openFolder(path)
        guard folder >= 0 else { throw Failure(description: "cannot open \(path)") }
        defer { close(folder) }
        guard let entries = entries(of: folder) else { throw Failure(description: "cannot open \(path)") }
        // The top-level entries on both cores (a site's page folders are large;
        // within one folder the file system serialises removals anyway), then `last`.
        let failures = Parallel.map(entries.filter { !last.contains($0.name) }) { entry in
            Result { try remove(entry, in: folder, at: path) }
        }
        for case .failure(let failure) in failures { throw failure }
        for entry in entries where last.contains(entry.name) { try remove(entry, in: folder, at: path) }
        guard rmdir(path) == 0 else { throw Failure(description: "cannot remove \(path): \(String(cString: strerror(errno)))") }
    }

    /// Removes one entry of an open folder, and first everything in it when it is a folder.
    private static func remove(_ entry: (name: String, isFolder: Bool), in folder: Int32, at path: String) throws {
        if entry.isFolder {
            let inner = openFolder(entry.name, in: folder)
            guard inner >= 0 else { throw Failure(description: "cannot open \(path)/\(entry.name)") }
            defer { close(inner) }
            guard let entries = entries(of: inner) else { throw Failure(description: "cannot open \(path)/\(entry.name)") }
            for inside in entries { try remove(inside, in: inner, at: path + "/" + entry.name) }
        }
        guard unlinkat(folder, entry.name, entry.isFolder ? AT_REMOVEDIR : 0) == 0 else {
            throw Failure(description: "cannot remove \(path)/\(entry.name): \(String(cString: strerror(errno)))")
        }
    }

    /// Collects failures from the writing threads.
    private final class FailureBox: @unchecked Sendable {
        private let lock = NSLock()
        private var messages: [String] = []

        func add(_ message: String) {
            lock.lock()
            messages.append(message)
            lock.unlock()
        }

        var first: String? {
            lock.lock()
            defer { lock.unlock() }
            return messages.sorted().first
        }
    }
}
