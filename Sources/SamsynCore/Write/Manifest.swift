import Foundation

/// A site's manifest as read from disk: the paths it lists, kept as lines of
/// the file's bytes rather than made into strings. Every rebuild reads two
/// (the output's and the spare's), and at 100 000 records making 80 000
/// strings of each was the largest part of the writer's checks.
struct Manifest {
    private let bytes: [UInt8]
    /// Each path's bytes (the header line excluded), in the file's order.
    private let lines: [Range<Int>]
    /// Whether the paths are in byte order, as Samsyn writes them.
    private let inByteOrder: Bool

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
        var lines: [Range<Int>] = []
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var start = 0
            while start < raw.count {
                let end = memchr(base + start, 10, raw.count - start).map { UnsafeRawPointer($0) - base } ?? raw.count
                // Empty lines are skipped, as they always were.
                if end > start { lines.append(start..<end) }
                start = end + 1
            }
        }
        guard let first = lines.first, bytes[first].elementsEqual(SiteWriter.manifestHeader.utf8) else { return nil }
        let paths = Array(lines.dropFirst())
        self.bytes = bytes
        self.lines = paths
        inByteOrder = bytes.withUnsafeBufferPointer { buffer in
            zip(paths, paths.dropFirst()).allSatisfy { Manifest.compare(buffer, $0, $1) <= 0 }
        }
    }

    var count: Int { lines.count }

    /// The paths, as strings.
    var paths: [String] {
        lines.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Whether the manifest lists exactly `paths`, in that order.
    func lists(exactly paths: [String]) -> Bool {
        guard paths.count == lines.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            zip(lines, paths).allSatisfy { line, path in Manifest.compare(buffer, line, path) == 0 }
        }
    }

    /// The paths of `present` (in byte order) that the manifest does not
    /// list, compared byte for byte, as the file system names files.
    func unlisted(_ present: [String]) -> [String] {
        guard inByteOrder else { return SiteWriter.unlisted(present, in: paths) }
        return bytes.withUnsafeBufferPointer { buffer in
            var result: [String] = [], next = 0
            for path in present {
                while next < lines.count, Manifest.compare(buffer, lines[next], path) < 0 { next += 1 }
                if next < lines.count, Manifest.compare(buffer, lines[next], path) == 0 { next += 1 } else { result.append(path) }
            }
            return result
        }
    }

    /// memcmp order of a line and a path's UTF-8: negative, zero or positive.
    private static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, _ path: String) -> Int {
        var path = path
        return path.withUTF8 { byteCompare(UnsafeBufferPointer(rebasing: buffer[line]), $0) }
    }

    private static func compare(_ buffer: UnsafeBufferPointer<UInt8>, _ a: Range<Int>, _ b: Range<Int>) -> Int {
        byteCompare(UnsafeBufferPointer(rebasing: buffer[a]), UnsafeBufferPointer(rebasing: buffer[b]))
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
