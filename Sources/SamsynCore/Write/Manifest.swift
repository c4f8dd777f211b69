import Foundation

/// A site's manifest as read from disk: the paths it lists, kept as lines of
/// the file's bytes rather than made into strings. Every rebuild reads two
/// (the output's and the spare's), and at 100 000 records making 80 000
/// strings of each was the largest part of the writer's checks.
struct Manifest {
    /// The paths (the header line excluded), in the file's order.
    private let lines: PathLines

    /// The manifest in `folder`, or nil when there is none of Samsyn's.
    static func read(in folder: URL) -> Manifest? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(SiteWriter.manifestName)) else { return nil }
        return Manifest(bytes: [UInt8](data))
    }

    /// Nil unless `bytes` are UTF-8 whose first non-empty line is Samsyn's header.
    init?(bytes: [UInt8]) {
        // One check of the whole text: a newline never lies inside a
        // character's bytes, so each line is then valid UTF-8 too.
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        let all = PathLines(bytes: bytes)
        guard all.count > 0, all.line(0).elementsEqual(SiteWriter.manifestHeader.utf8) else { return nil }
        lines = all.droppingFirst()
    }

    var count: Int { lines.count }

    /// The paths, as strings: for the tests, which check what was read (the
    /// writer itself compares the lines as bytes).
    var paths: [String] { (0..<lines.count).map { String(decoding: lines.line($0), as: UTF8.self) } }

    /// Whether the manifest lists exactly `paths`, in that order.
    func lists(exactly paths: [String]) -> Bool {
        paths.count == lines.count && paths.indices.allSatisfy { lines.compare(line: $0, with: paths[$0]) == 0 }
    }

    /// The paths of `present` that the manifest does not list, in the order
    /// of `present`, compared byte for byte, as the file system names files.
    /// `present` may be in any order: a folder's listing is taken as the file
    /// system gives it, since sorting 80 000 paths cost more than looking
    /// each one up (see `PathLines.Lookup`).
    func unlisted(_ present: [String]) -> [String] {
        let lookup = PathLines.Lookup(lines)
        return present.filter { !lookup.contains($0) }
    }
}

/// Paths kept as the non-empty lines of one block of bytes, for the files
/// Samsyn keeps beside and in its sites (the manifest, the stamps): looked up
/// and compared as bytes, never made into 80 000 strings.
struct PathLines: Sendable {
    /// The bytes, one path a line.
    let bytes: [UInt8]
    private let ranges: [Range<Int>]

    /// Splits on newlines; empty lines are skipped.
    init(bytes: [UInt8]) {
        var ranges: [Range<Int>] = []
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var start = 0
            while start < raw.count {
                let end = memchr(base + start, 10, raw.count - start).map { UnsafeRawPointer($0) - base } ?? raw.count
                if end > start { ranges.append(start..<end) }
                start = end + 1
            }
        }
        self.init(bytes: bytes, ranges: ranges)
    }

    /// `paths`, each followed by a newline.
    init(_ paths: [String]) {
        self.init(bytes: Array((paths.joined(separator: "\n") + (paths.isEmpty ? "" : "\n")).utf8))
    }

    private init(bytes: [UInt8], ranges: [Range<Int>]) {
        self.bytes = bytes
        self.ranges = ranges
    }

    var count: Int { ranges.count }

    func line(_ index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    /// The same lines without the first.
    func droppingFirst() -> PathLines { PathLines(bytes: bytes, ranges: Array(ranges.dropFirst())) }

    /// The lines found by their bytes through a hash table, for paths in
    /// any order (`lineIndices(of:)` needs them in byte order).
    struct Lookup {
        private let lines: PathLines
        /// Line numbers by hash, open addressing; -1 is an empty slot.
        private var slots: [Int32]
        private let mask: Int

        init(_ lines: PathLines) {
            var size = 16
            while size < 2 * lines.count { size *= 2 }
            self.lines = lines
            mask = size - 1
            slots = Array(repeating: -1, count: size)
            lines.bytes.withUnsafeBufferPointer { buffer in
                for index in lines.ranges.indices {
                    var slot = Lookup.hash(UnsafeBufferPointer(rebasing: buffer[lines.ranges[index]])) & mask
                    while slots[slot] >= 0 { slot = (slot + 1) & mask }
                    slots[slot] = Int32(index)
                }
            }
        }

        /// Whether a line holds exactly `path`'s UTF-8 bytes.
        func contains(_ path: String) -> Bool {
            var path = path
            return path.withUTF8 { wanted in
                lines.bytes.withUnsafeBufferPointer { buffer in
                    var slot = Lookup.hash(wanted) & mask
                    while slots[slot] >= 0 {
                        if byteCompare(UnsafeBufferPointer(rebasing: buffer[lines.ranges[Int(slots[slot])]]), wanted) == 0 { return true }
                        slot = (slot + 1) & mask
                    }
                    return false
                }
            }
        }

        private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }

    /// memcmp order of line `index` and `path`'s UTF-8: negative, zero or positive.
    func compare(line index: Int, with path: String) -> Int {
        var path = path
        return bytes.withUnsafeBufferPointer { buffer in
            path.withUTF8 { byteCompare(UnsafeBufferPointer(rebasing: buffer[ranges[index]]), $0) }
        }
    }

    /// For each of `paths` (in byte order), the index of the line that is
    /// the same path, or nil. Both lists are walked side by side, so the
    /// lines must be in byte order too; a line out of order is not found,
    /// and no path is ever matched with a line that is not the same bytes.
    func lineIndices(of paths: [String]) -> [Int?] {
        var result: [Int?] = [], next = 0
        result.reserveCapacity(paths.count)
        for path in paths {
            while next < count, compare(line: next, with: path) < 0 { next += 1 }
            if next < count, compare(line: next, with: path) == 0 {
                result.append(next)
                next += 1
            } else {
                result.append(nil)
            }
        }
        return result
    }
}

/// memcmp order of two byte strings, the shorter first when one begins the
/// other (`byteOrder` for bytes): negative, zero or positive.
func byteCompare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
    let common = min(a.count, b.count)
    if common > 0, let x = a.baseAddress, let y = b.baseAddress {
        let order = memcmp(x, y, common)
        if order != 0 { return Int(order) }
    }
    return a.count - b.count
}
