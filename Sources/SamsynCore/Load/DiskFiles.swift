import Foundation

/// The project on disk, below `root`. Symbolic links are followed only when
/// they resolve to a place inside the root, so a link cannot make Samsyn read
/// (and publish) a file from elsewhere on the machine. Plain POSIX calls:
/// a national project has 100 000 files, and Foundation's wrappers (URLs,
/// attribute dictionaries) cost more than the reading itself.
public struct DiskFiles: FileAccess {
    public let root: URL
    private let rootPath: String
    private let realRoot: String
    /// Folders already known to resolve inside the root, held open. Resolving
    /// every file's whole path (a `readlink` per component) was a tenth of
    /// reading a large project; the folders are few, so each is resolved and
    /// opened once, and files are opened relative to them.
    private let folders = OpenFolders()

    public init(root: URL) {
        self.root = root.standardizedFileURL
        self.rootPath = self.root.path
        self.realRoot = DiskFiles.realPath(self.root.path) ?? self.root.path
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func absolute(_ relative: String) -> String { rootPath + "/" + relative }

    private func isInsideRoot(_ absolutePath: String) -> Bool {
        guard let real = DiskFiles.realPath(absolutePath) else { return false }
        return real == realRoot || real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/")
    }

    public func files(under folder: String) -> [FileEntry]? {
        files(under: folder, stamped: true)
    }

    public func files(under folder: String, stamped: Bool) -> [FileEntry]? {
        var info = stat()
        guard stat(absolute(folder), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        var found: [FileEntry] = []
        // The folders of the first level (content/'s five) are walked and
        // sorted on both cores. Every path below one folder starts with its
        // name and a slash, so in byte order they lie together: the sorted
        // groups are placed by that prefix, with the files directly in the
        // folder among them (sorting 100 000 paths in one list held up a
        // national build by a tenth of a second on one core). The listing is
        // then filled on both cores too, each entry copied once, straight to
        // its place (gathering the groups one after the other held one core
        // for some 30 ms at 100 000 records).
        let subfolders = scan(relative: folder, into: &found, depth: 0, stamped: stamped)
        let groups = Parallel.map(subfolders) { subfolder -> Group in
            let entries = walk(relative: subfolder, depth: 1, stamped: stamped)
            return Group(entries: entries, places: byteOrderPlaces(count: entries.count) { entries[$0].path })
        }
        let pieces = zip(subfolders, groups).map { (key: $0 + "/", group: $1) }
            + found.map { (key: $0.path, group: Group(entries: [$0], places: [0])) }
        let ordered = byteOrderPlaces(count: pieces.count) { pieces[$0].key }.map { pieces[$0].group }
        // Where each group starts in the listing.
        var starts: [Int] = [], count = 0
        for group in ordered {
            starts.append(count)
            count += group.entries.count
        }
        return Parallel.map(count: count) { [starts] index in
            // The last group starting at or before `index` (an empty group
            // starts where the next one does, and is passed over).
            var low = 0, high = starts.count
            while high - low > 1 {
                let middle = (low + high) / 2
                if starts[middle] <= index { low = middle } else { high = middle }
            }
            return ordered[low].entries[ordered[low].places[index - starts[low]]]
        }
    }

    /// One folder's files as found, and their places in byte order.
    private struct Group: Sendable {
        let entries: [FileEntry]
        let places: [Int]
    }

    public func files(under folder: String, updating previous: [FileEntry], changed: Set<String>) -> [FileEntry]? {
        ListingUpdate.apply(previous, under: folder, changed: changed) { path in
            var info = stat()
            guard lstat(absolute(path), &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .absent : .unsure }
            switch info.st_mode & S_IFMT {
            case S_IFREG: return .file(FileEntry(path: path, stamp: FileStamp(info)))
            case S_IFDIR, S_IFLNK: return .unsure
            default: return .absent
            }
        }
    }

    /// Every file below a folder.
    private func walk(relative: String, depth: Int, stamped: Bool) -> [FileEntry] {
        var found: [FileEntry] = []
        for subfolder in scan(relative: relative, into: &found, depth: depth, stamped: stamped) {
            found += walk(relative: subfolder, depth: depth + 1, stamped: stamped)
        }
        return found
    }

    /// `folder` + "/" + the name's bytes, as one string made at its size.
    private static func joined(_ folder: String, _ name: UnsafeRawBufferPointer) -> String {
        let made = folder.utf8.withContiguousStorageIfAvailable { start in
            String(unsafeUninitializedCapacity: start.count + 1 + name.count) { text in
                _ = text.initialize(from: start)
                text[start.count] = UInt8(ascii: "/")
                _ = UnsafeMutableBufferPointer(rebasing: text[(start.count + 1)...]).initialize(from: name)
                return start.count + 1 + name.count
            }
        }
        return made ?? folder + "/" + String(decoding: name, as: UTF8.self)
    }

    /// The files directly in a folder go into `found`; its folders are returned.
    private func scan(relative: String, into found: inout [FileEntry], depth: Int, stamped: Bool) -> [String] {
        // A bound on depth stops a link cycle inside the root from looping forever.
        guard depth < 32, let dir = opendir(absolute(relative)) else { return [] }
        defer { closedir(dir) }
        // Each entry is looked at relative to its open folder (no path to resolve
        // from the root), and the look gives its stamp for the loader's cache.
        let folder = dirfd(dir)
        var subfolders: [String] = []
        // Each entry's name is read in place, as the C string it is, and its
        // path made from the folder's bytes and the name's at once: the
        // name decoded into a string of its own, tested character by
        // character and then joined in two appends was most of listing a
        // national project's files (docs/performance.md, change 123).
        let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
        while let entry = readdir(dir) {
            let name = UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self)
            let nameBytes = UnsafeRawBufferPointer(start: name, count: strlen(name))
            // ".", "..", hidden and draft names (`isSkippedName`) all start with one of these two bytes.
            if let first = nameBytes.first, first == UInt8(ascii: ".") || first == UInt8(ascii: "_"),
               isSkippedName(String(decoding: nameBytes, as: UTF8.self)) { continue }
            let path = DiskFiles.joined(relative, nameBytes)
            // A plain file needs no look when no stamp is asked for: the
            // folder's entry says what it is (a look per file was 2 % of a build).
            if !stamped, entry.pointee.d_type == UInt8(DT_REG) {
                found.append(FileEntry(path: path))
                continue
            }
            var info = stat()
            guard fstatat(folder, name, &info, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            var mode = info.st_mode & S_IFMT
            if mode == S_IFLNK {
                let full = absolute(path)
                guard isInsideRoot(full) else {
                    found.append(FileEntry(path: path, linksOutsideRoot: true))
                    continue
                }
                guard stat(full, &info) == 0 else { continue }
                mode = info.st_mode & S_IFMT
            }
            if mode == S_IFDIR {
                subfolders.append(path)
            } else if mode == S_IFREG {
                found.append(FileEntry(path: path, stamp: FileStamp(info)))
            }
        }
        return subfolders
    }

    public func fileExists(_ path: String) -> Bool {
        var info = stat()
        return stat(absolute(path), &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public func read(_ path: String) throws -> [UInt8] {
        try readStamped(path).bytes
    }

    public func readStamped(_ path: String) throws -> (bytes: [UInt8], stamp: FileStamp?) {
        // The file's folder must resolve inside the root, and so must the file
        // itself when it is a link: O_NOFOLLOW opens a plain file at once and
        // refuses a link, which is then resolved in full. The path's own C
        // string serves both: its folder is looked up by its bytes and its
        // name opened in place. (A folder, a name and a full path made as
        // strings of their own, for every file, were half of this function's
        // instructions: docs/performance.md, change 117.)
        let fd = try path.withCString { cPath throws(FileAccessError) -> Int32 in
            let slash = UnsafeRawBufferPointer(start: cPath, count: strlen(cPath)).lastIndex(of: UInt8(ascii: "/"))
            let handle = folders.handle(UnsafeRawBufferPointer(start: cPath, count: slash ?? 0)) { folder in
                let absoluteFolder = folder.isEmpty ? rootPath : absolute(folder)
                return isInsideRoot(absoluteFolder) ? open(absoluteFolder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : OpenFolders.outside
            }
            if handle == OpenFolders.outside { throw .linksOutsideRoot }
            guard handle >= 0 else { throw .missing }
            let fd = openat(handle, cPath + (slash.map { $0 + 1 } ?? 0), O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            guard fd < 0 && errno == ELOOP else { return fd }
            let full = absolute(path)
            guard isInsideRoot(full) else { throw .linksOutsideRoot }
            return open(full, O_RDONLY | O_CLOEXEC)
        }
        guard fd >= 0 else { throw FileAccessError.missing }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileAccessError.missing }
        guard info.st_size <= Loader.maxFileBytes else { throw FileAccessError.tooLarge(Int(info.st_size)) }
        // One byte more than the file claims, to notice a file that grew; never
        // more than the loader's limit plus one.
        let size = Int(info.st_size), capacity = size + 1
        // Read into memory left as it is: only the bytes read are kept.
        let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            while initialized < capacity {
                let asked = capacity - initialized
                let n = Glibc.read(fd, buffer.baseAddress! + initialized, asked)
                if n <= 0 { break }
                initialized += n
                // Every byte the file claims, and not the one more: the end.
                // Asking again only to be told so was a tenth of the system
                // calls of a build (a short read before that point is read on).
                if n < asked && initialized >= size { break }
            }
        }
        // A file that grew past the limit while it was read.
        guard bytes.count <= Loader.maxFileBytes else { throw FileAccessError.tooLarge(bytes.count) }
        return (bytes, FileStamp(info))
    }

    public func stamp(of path: String) -> FileStamp? {
        var info = stat()
        guard stat(absolute(path), &info) == 0 else { return nil }
        return FileStamp(info)
    }

    /// Seconds since 1970 of the newest file below these folders, skipping
    /// names that start with "." or "_" as the listing does; nil when there
    /// are no files. `samsyn serve` outside git asks this once; a build takes
    /// the newest time of the files it read from the load step instead (a
    /// second look at every file was 2–3 % of a build). Each file is looked
    /// at relative to its open folder.
    public func newestModification(in folders: [String]) -> Int? {
        var newest: Int64?
        func walk(_ folder: Int32, depth: Int) {
            guard depth < 32 else { return }  // a bound, as in `scan`
            for entry in FastFiles.entries(of: folder) ?? [] where !isSkippedName(entry.name) {
                if entry.isFolder {
                    let inner = FastFiles.openFolder(entry.name, in: folder)
                    guard inner >= 0 else { continue }
                    walk(inner, depth: depth + 1)
                    close(inner)
                    continue
                }
                // A link counts by the time of what it leads to, as `stat` gives it.
                var info = stat()
                if fstatat(folder, entry.name, &info, 0) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                    newest = max(newest ?? .min, FileStamp(info).modified)
                }
            }
        }
        for folder in folders {
            let handle = open(absolute(folder), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard handle >= 0 else { continue }
            walk(handle, depth: 0)
            close(handle)
        }
        return newest.map { Int($0 / 1_000_000_000) }
    }

    /// The stamp of every file below these folders, by path from the root,
    /// read with plain stat calls: Foundation's URL resource values and
    /// directory enumerator cost more than a whole build of a large project,
    /// and `samsyn serve` (when it polls) asks ten times a second.
    public func stamps(in folders: [String]) -> [String: FileStamp] {
        var result: [String: FileStamp] = [:]
        for folder in folders {
            let base = absolute(folder)
            for path in FastFiles.listFiles(base) {
                var info = stat()
                guard stat(base + "/" + path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                result[folder + "/" + path] = FileStamp(info)
            }
        }
        return result
    }
}

/// Each folder's open handle, or `outside` when it resolves outside the
/// root, kept for one `DiskFiles` value (one build) and closed with it;
/// reads on both cores ask, so it is locked.
private final class OpenFolders: @unchecked Sendable {
    static let outside: Int32 = -2
    private let lock = NSLock()
    private var known: [String: Int32] = [:]
    /// The folder asked for last: files are read folder by folder, so it is
    /// nearly always the one asked for, and comparing costs less than hashing.
    private var last: (folder: String, handle: Int32)?

    /// The handle of the folder whose path is `folder`'s bytes; `open`, given
    /// that path, opens a folder not asked for before.
    func handle(_ folder: UnsafeRawBufferPointer, else open: (String) -> Int32) -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        if let last, last.folder.utf8.withContiguousStorageIfAvailable({ known in
            known.count == folder.count && (folder.isEmpty || memcmp(known.baseAddress!, folder.baseAddress!, folder.count) == 0)
        }) == true {
            return last.handle
        }
        let path = String(decoding: folder, as: UTF8.self)
        let handle = known[path] ?? open(path)
        known[path] = handle
        last = (path, handle)
        return handle
    }

    deinit {
        for handle in known.values where handle >= 0 { close(handle) }
    }
}
