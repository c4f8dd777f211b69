import Foundation

/// One file of a site as Samsyn last wrote or checked it: which file it is
/// (its inode), its size and status-change time, and a hash of its bytes.
///
/// A rebuild compares every page with the copy already on disk. At 100 000
/// records reading those copies back (650 MB) pushed the project's files
/// out of the file cache; with the stamps, a `stat` tells an unchanged page
/// from a changed one, and the page is not read at all.
struct PageStamp: Equatable, Sendable {
    var inode: UInt64
    var size: UInt64
    /// The status-change time (ctime), in nanoseconds since 1970. Every
    /// write, truncation, new link or removed link of a file sets it to the
    /// current time, and no program can set it back: a file that still has
    /// the stamp's inode and ctime has not changed since it was stamped.
    var changed: Int64
    /// XXH3 (64 bits) of the file's bytes (see `hash(_:)`).
    var hash: UInt64

    /// No stamp: vouches for no file (no file has inode 0).
    static let none = PageStamp(inode: 0, size: 0, changed: 0, hash: 0)

    init(inode: UInt64, size: UInt64, changed: Int64, hash: UInt64) {
        self.inode = inode
        self.size = size
        self.changed = changed
        self.hash = hash
    }

    /// The stamp of the file `info` describes, whose bytes hash to `hash`.
    init(_ info: stat, hash: UInt64) {
        self.init(inode: UInt64(info.st_ino), size: UInt64(info.st_size), changed: PageStamp.changedTime(info), hash: hash)
    }

    /// Whether the file `info` describes is the stamped file, unchanged since.
    func vouches(for info: stat) -> Bool {
        inode != 0 && (info.st_mode & S_IFMT) == S_IFREG && UInt64(info.st_ino) == inode
            && UInt64(info.st_size) == size && PageStamp.changedTime(info) == changed
    }

    static func changedTime(_ info: stat) -> Int64 {
        Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    }

    /// Whether pages can be hashed here, and so stamped (see `hash(_:)`).
    static var hashing: Bool { xxh3 != nil }

    /// XXH3 (64 bits) of `bytes`; 0 where the library is missing (`hashing` is then false).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let xxh3 else { return 0 }
        return xxh3.function(bytes.baseAddress, bytes.count)
    }

    /// XXH3 from the system's xxHash library (Debian's `libxxhash0`),
    /// looked up when a build first hashes a page. It is loaded, not linked:
    /// building Samsyn then needs no package besides libyaml's — the CI
    /// workflows that `samsyn init` wrote into existing projects build
    /// Samsyn and install only that. Where the library is missing, no page
    /// is stamped and a rebuild compares every page by its bytes, as it did
    /// before stamps existed.
    private static let xxh3: XXH3? = {
        for name in ["libxxhash.so.0", "libxxhash.so"] {
            guard let library = dlopen(name, RTLD_NOW | RTLD_LOCAL), let symbol = dlsym(library, "XXH3_64bits") else { continue }
            return XXH3(function: unsafeBitCast(symbol, to: XXH3.Function.self))
        }
        return nil
    }()

    /// `XXH64_hash_t XXH3_64bits(const void *input, size_t length)`, stable since xxHash 0.8.0.
    private struct XXH3: Sendable {
        typealias Function = @convention(c) (UnsafeRawPointer?, Int) -> UInt64
        let function: Function
    }
}

/// The stamps of the sites Samsyn keeps beside the output (the one on show
/// and the spare), in one file next to them: `.site.samsyn-stamps/stamps`
/// for `site/`. It is not part of the site, which stays byte for byte the
/// same for the same input. (A folder, so that the `.site.samsyn-*/` line
/// that `samsyn init` has always written into `.gitignore` covers it.)
///
/// Why it can never make a build keep a wrong page: a stamp is used only
/// for a file that has the stamp's inode, size and status-change time, and
/// such a file has not changed since it was stamped, in whichever site it
/// lies. So the stamps file may be old, left by a build killed half-way or
/// about the other site: a stamp that does not match is simply not used,
/// and the page is compared by its bytes as before. Each stamp is taken after its file's last write. The one gap
/// is a change in the very clock tick in which the file was stamped, which
/// leaves the status-change time as it was: as git does for its index, a
/// stamp is not trusted unless its time is older than the stamps file itself.
struct SiteStamps: Sendable {
    /// A site folder: its device and inode, which stay the same when it is renamed or swapped.
    struct Folder: Equatable, Sendable {
        var device: UInt64
        var inode: UInt64

        /// The folder at `path` (a link is not followed), or nil.
        init?(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
            self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        }

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// One site's stamps, in the byte order of its paths.
    struct Table: Sendable {
        /// The site folder the stamps were taken in.
        var folder: Folder
        var stamps: [PageStamp]
        /// The paths, one a line, in byte order.
        var paths: PathLines
        /// A stamp whose time is not before this is not trusted;
        /// `SiteStamps.untilWritten` until the file has been written.
        var trustedBefore: Int64

        init(folder: Folder, paths: [String], stamps: [PageStamp]) {
            self.init(folder: folder, stamps: stamps, paths: PathLines(paths), trustedBefore: SiteStamps.untilWritten)
        }

        init(folder: Folder, stamps: [PageStamp], paths: PathLines, trustedBefore: Int64) {
            self.folder = folder
            self.stamps = stamps
            self.paths = paths
            self.trustedBefore = trustedBefore
        }

        /// The trusted stamp of each of `paths` (byte order), `.none` where
        /// the table has none, found without making strings of the table's paths.
        func trustedStamps(for wanted: [String]) -> [PageStamp] {
            paths.lineIndices(of: wanted).map { line in
                guard let line, stamps[line].changed < trustedBefore else { return .none }
                return stamps[line]
            }
        }
    }

    /// At most two tables: the site written last, and the one before it.
    var tables: [Table]

    static let header = Array("samsyn-stamps 1\n".utf8)
    /// Written in this machine's byte order: a file from a machine of the other order is not read.
    static let byteOrderMark: UInt64 = 0x0102_0304_0506_0708
    /// `trustedBefore` of a table written for the first time: the stamps file's own modification time.
    static let untilWritten = Int64.max

    /// The stamps file at `path`, or no tables when there is none or it is
    /// not Samsyn's, is damaged or comes from another kind of machine.
    static func read(_ path: String) -> SiteStamps {
        guard let (bytes, modified) = readFile(path) else { return SiteStamps(tables: []) }
        return SiteStamps(tables: decode(bytes, modified: modified) ?? [])
    }

    /// The tables in `bytes`, with `untilWritten` resolved to `modified`; nil when the bytes are not a stamps file.
    static func decode(_ bytes: [UInt8], modified: Int64) -> [Table]? {
        var reader = Reader(bytes: bytes)
        guard reader.take(header.count) == header[...], reader.word() == byteOrderMark, let count = reader.word(), count <= 2 else { return nil }
        var tables: [Table] = []
        for _ in 0..<count {
            guard let device = reader.word(), let inode = reader.word(), let before = reader.word(), let stampCount = reader.word(), let pathCount = reader.word(),
                  stampCount <= UInt64(bytes.count / 32), pathCount <= UInt64(bytes.count) else { return nil }
            // Read straight from the bytes: a stamps file of 100 000 pages is read on every rebuild.
            guard let block = reader.take(Int(stampCount) * 32) else { return nil }
            let stamps = block.withUnsafeBytes { raw in
                [PageStamp](unsafeUninitializedCapacity: Int(stampCount)) { buffer, initialized in
                    for index in 0..<Int(stampCount) {
                        let word = { (field: Int) in raw.loadUnaligned(fromByteOffset: index * 32 + field * 8, as: UInt64.self) }
                        (buffer.baseAddress! + index).initialize(to: PageStamp(inode: word(0), size: word(1), changed: Int64(bitPattern: word(2)), hash: word(3)))
                    }
                    initialized = Int(stampCount)
                }
            }
            guard let block = reader.take(Int(pathCount)), block.last.map({ $0 == 10 }) ?? true else { return nil }
            let paths = PathLines(bytes: Array(block))
            guard paths.count == stamps.count else { return nil }
            let trusted = Int64(bitPattern: before)
            tables.append(Table(folder: Folder(device: device, inode: inode), stamps: stamps, paths: paths, trustedBefore: trusted == untilWritten ? modified : trusted))
        }
        guard reader.atEnd else { return nil }
        return tables
    }

    func encoded() -> [UInt8] {
        var bytes = SiteStamps.header
        func word(_ value: UInt64) { withUnsafeBytes(of: value) { bytes.append(contentsOf: $0) } }
        word(SiteStamps.byteOrderMark)
        word(UInt64(tables.count))
        for table in tables {
            word(table.folder.device)
            word(table.folder.inode)
            word(UInt64(bitPattern: table.trustedBefore))
            word(UInt64(table.stamps.count))
            word(UInt64(table.paths.bytes.count))
            bytes.reserveCapacity(bytes.count + table.stamps.count * 32 + table.paths.bytes.count)
            for stamp in table.stamps {
                word(stamp.inode)
                word(stamp.size)
                word(UInt64(bitPattern: stamp.changed))
                word(stamp.hash)
            }
            bytes.append(contentsOf: table.paths.bytes)
        }
        return bytes
    }

    /// For each of `paths`, the trusted stamps of every table (one array per table).
    func known(for paths: [String]) -> [[PageStamp]] {
        Parallel.map(tables) { $0.trustedStamps(for: paths) }
    }

    /// The file after a build: the new site's table, and this file's table
    /// of `kept` (the site replaced, now the spare), if it has one. Tables
    /// already written keep the time they were trusted before.
    func replacing(with newest: Table, keeping kept: Folder?) -> SiteStamps {
        SiteStamps(tables: [newest] + tables.filter { $0.folder == kept && $0.folder != newest.folder }.prefix(1))
    }

    /// Writes the file at `path` in one step (a `.new` file renamed over
    /// it). A file at `path` that is not a stamps file is not Samsyn's: it
    /// is left alone, and the next build compares every page by its bytes.
    static func write(_ stamps: SiteStamps, to path: String) {
        var info = stat()
        let folder = (path as NSString).deletingLastPathComponent
        if mkdir(folder, 0o755) != 0 {
            guard errno == EEXIST, lstat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        }
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG, let (old, _) = readFile(path), old.starts(with: header) else { return }
        }
        let next = path + ".new"
        guard (try? Data(stamps.encoded()).write(to: URL(fileURLWithPath: next))) != nil else { return }
        if rename(next, path) != 0 { unlink(next) }
    }

    private static func readFile(_ path: String) -> (bytes: [UInt8], modified: Int64)? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            while initialized < size {
                let n = Glibc.read(fd, buffer.baseAddress! + initialized, size - initialized)
                if n <= 0 { break }
                initialized += n
            }
        }
        guard bytes.count == size else { return nil }
        return (bytes, Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }

    /// Reads a stamps file front to back; every read is bounds-checked.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        var atEnd: Bool { offset == bytes.count }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, bytes.count - offset >= count else { return nil }
            defer { offset += count }
            return bytes[offset..<offset + count]
        }

        mutating func word() -> UInt64? {
            guard let slice = take(8) else { return nil }
            return slice.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        }
    }
}
