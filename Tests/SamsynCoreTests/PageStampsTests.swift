import Foundation
import Testing
@testable import SamsynCore

/// The stamps beside a site let a rebuild skip reading unchanged pages, and
/// can never make it keep a wrong one.
@Suite struct PageStampsTests {
    let fm = FileManager.default

    func stamp(_ n: UInt64, changed: Int64 = 100) -> PageStamp {
        PageStamp(inode: n, size: n * 10, changed: changed, hash: n * 1_000)
    }

    let folder = SiteStamps.Folder(device: 1, inode: 2)

    /// The hash is the system library's XXH3 (scripts/install-build-deps
    /// installs it), with the reference implementation's values.
    @Test func pagesAreHashedWithXXH3() {
        #expect(PageStamp.hashing, "libxxhash.so.0 not found: install Debian's libxxhash0")
        func hash(_ text: String) -> UInt64 { Array(text.utf8).withUnsafeBytes { PageStamp.hash($0) } }
        #expect(hash("") == 0x2D06_8005_38D3_94C2)
        #expect(hash("abc") == 0x78AF_5F94_892F_3950)
        #expect(hash("<!doctype html>") == 0x5460_1D6F_6C9A_A61B)
    }

    @Test func theFileReadsBackAsWritten() throws {
        let first = SiteStamps.Table(folder: folder, paths: ["a.html", "b/c.html"], stamps: [stamp(1), stamp(2)])
        var second = SiteStamps.Table(folder: SiteStamps.Folder(device: 1, inode: 3), paths: [], stamps: [])
        second.trustedBefore = 50
        let bytes = SiteStamps(tables: [first, second]).encoded()
        let tables = try #require(SiteStamps.decode(bytes, modified: 500))
        #expect(tables.count == 2)
        #expect(tables[0].stamps == [stamp(1), stamp(2)])
        #expect(tables[0].paths.bytes == Array("a.html\nb/c.html\n".utf8))
        #expect(tables[0].folder == folder)
        #expect(tables[0].trustedBefore == 500, "a table written for the first time is trusted before the file's own time")
        #expect(tables[1].trustedBefore == 50, "a table carried over keeps its time")
        #expect(tables[1].stamps.isEmpty)
    }

    /// A file that is damaged, cut short, not Samsyn's or from a machine of
    /// the other byte order gives no stamps at all.
    @Test func aDamagedFileGivesNoStamps() {
        let bytes = SiteStamps(tables: [SiteStamps.Table(folder: folder, paths: ["a.html"], stamps: [stamp(1)])]).encoded()
        #expect(SiteStamps.decode(bytes, modified: 0) != nil)
        for cut in [0, 10, 24, bytes.count - 1] {
            #expect(SiteStamps.decode(Array(bytes.prefix(cut)), modified: 0) == nil, "cut at \(cut)")
        }
        #expect(SiteStamps.decode(bytes + [0], modified: 0) == nil)
        var otherOrder = bytes
        otherOrder.replaceSubrange(16..<24, with: withUnsafeBytes(of: SiteStamps.byteOrderMark.byteSwapped) { Array($0) })
        #expect(SiteStamps.decode(otherOrder, modified: 0) == nil)
        var missingNewline = bytes
        missingNewline[missingNewline.count - 1] = UInt8(ascii: "x")
        #expect(SiteStamps.decode(missingNewline, modified: 0) == nil)
        #expect(SiteStamps.decode(Array("samsyn-site 1\nindex.html\n".utf8), modified: 0) == nil)
    }

    /// Stamps are found by path when pages came and went, and a stamp taken
    /// in the clock tick the file was written in is not trusted.
    @Test func stampsAreFoundByPathAndTrustedOnlyWhenOlderThanTheFile() {
        var table = SiteStamps.Table(folder: folder, paths: ["a.html", "b.html", "d/e.html", "é.html"],
                                     stamps: [stamp(1), stamp(2, changed: 300), stamp(3), stamp(4)])
        table.trustedBefore = 300
        #expect(table.trustedStamps(for: ["a.html", "c.html", "d/e.html", "e\u{301}.html", "é.html", "z.html"])
            == [stamp(1), .none, stamp(3), .none, stamp(4), .none])
        #expect(table.trustedStamps(for: ["b.html"]) == [.none], "stamped at the time the file was written")
        #expect(table.trustedStamps(for: []) == [])
        #expect(SiteStamps.Table(folder: folder, paths: [], stamps: []).trustedStamps(for: ["a.html"]) == [.none])
    }

    // MARK: - Writing sites

    func makeSite() throws -> (root: URL, site: URL, writer: SiteWriter) {
        let root = fm.temporaryDirectory.appendingPathComponent("samsyn-stamps-\(UUID().uuidString)")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let site = root.appendingPathComponent("site")
        return (root, site, SiteWriter(root: root, output: site))
    }

    /// Writes, then lets the clock move on, as between two builds (a stamp
    /// taken in the same clock tick as its file would not be trusted).
    @discardableResult
    func build(_ writer: SiteWriter, _ files: [String: String]) throws -> SiteWriter.Report {
        let report = try writer.write(files.mapValues { Array($0.utf8) })
        Thread.sleep(forTimeInterval: 0.02)
        return report
    }

    func read(_ url: URL) -> String? {
        (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
    }

    let pages = ["index.html": "start", "a/one.html": "one", "a/two.html": "two", "b.css": "css"]

    /// From the third build on, unchanged pages are known by their stamps
    /// and not read; a changed page is written; the sites stay right.
    @Test func unchangedPagesAreKnownWithoutBeingRead() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        #expect(try build(writer, pages) == SiteWriter.Report(knownByStamp: 0, sameBytes: 0, written: 4))
        // The second build makes a new folder, linking the first one's files: known by their stamps.
        #expect(try build(writer, pages) == SiteWriter.Report(knownByStamp: 4, sameBytes: 0, written: 0))
        #expect(try build(writer, pages) == SiteWriter.Report(knownByStamp: 4, sameBytes: 0, written: 0))
        var changed = pages
        changed["a/two.html"] = "TWO"
        changed["c.html"] = "new"
        #expect(try build(writer, changed) == SiteWriter.Report(knownByStamp: 3, sameBytes: 0, written: 2))
        // The spare still holds the old page: it is read, found different and written.
        #expect(try build(writer, changed) == SiteWriter.Report(knownByStamp: 3, sameBytes: 0, written: 2))
        #expect(try build(writer, changed) == SiteWriter.Report(knownByStamp: 5, sameBytes: 0, written: 0))
        for (path, text) in changed { #expect(read(site.appendingPathComponent(path)) == text) }
        #expect(read(writer.spare.appendingPathComponent("a/two.html")) == "TWO")
        // The stamps are beside the site, not in it.
        #expect(!fm.fileExists(atPath: site.appendingPathComponent(".samsyn-stamps").path))
        #expect(fm.fileExists(atPath: writer.stampsFile.path))
    }

    /// A first build into a folder that does not exist yet keeps its
    /// stamps like any other, so the second build reads no page back.
    @Test func aBuildIntoANewFolderKeepsItsStamps() throws {
        let root = fm.temporaryDirectory.appendingPathComponent("samsyn-stamps-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: root) }
        let site = root.appendingPathComponent("new/deeper/site")
        let writer = SiteWriter(root: root, output: site)
        #expect(try build(writer, pages) == SiteWriter.Report(knownByStamp: 0, sameBytes: 0, written: 4))
        #expect(fm.fileExists(atPath: writer.stampsFile.path))
        #expect(try build(writer, pages) == SiteWriter.Report(knownByStamp: 4, sameBytes: 0, written: 0))
        for (path, text) in pages { #expect(read(site.appendingPathComponent(path)) == text) }
    }

    /// The renderer hands its paths over in the order of its pages, not in
    /// byte order: each stamp still goes with its own page, also when pages
    /// come and go.
    @Test func stampsFollowTheirPagesInAnyOrder() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        func build(_ files: [(String, String)]) throws -> SiteWriter.Report {
            let report = try writer.write(SiteContent(paths: files.map(\.0)) { Array(files[$0].1.utf8) })
            Thread.sleep(forTimeInterval: 0.02)
            return report
        }
        let first = [("index.html", "start"), ("z/last.html", "z"), ("b.css", "css"), ("a/two.html", "two"), ("a/one.html", "one")]
        for _ in 0..<3 { _ = try build(first) }
        #expect(try build(first) == SiteWriter.Report(knownByStamp: 5, sameBytes: 0, written: 0))
        // A page added last in the list but first in byte order, and one gone.
        let second = first.filter { $0.0 != "b.css" } + [("0/new.html", "new")]
        #expect(try build(second) == SiteWriter.Report(knownByStamp: 4, sameBytes: 0, written: 1))
        #expect(try build(second) == SiteWriter.Report(knownByStamp: 4, sameBytes: 0, written: 1))
        // The new page's stamps were taken just before their stamps file was
        // written, maybe in the same tick of the file system's clock; such a
        // stamp is not trusted and the page is compared by its bytes once
        // more. So the sites settle in one build or a few, depending on the
        // clock, never by writing a page again; and once settled, every stamp
        // vouches for its own page (a stamp gone to another page would not).
        var reports: [SiteWriter.Report] = []
        while reports.count < 6, reports.last != SiteWriter.Report(knownByStamp: 5, sameBytes: 0, written: 0) {
            reports.append(try build(second))
        }
        #expect(reports.last == SiteWriter.Report(knownByStamp: 5, sameBytes: 0, written: 0))
        #expect(reports.allSatisfy { $0.written == 0 && $0.knownByStamp + $0.sameBytes == 5 })
        for (path, text) in second { #expect(read(site.appendingPathComponent(path)) == text) }
    }

    /// A page changed by hand, in the site on show or in the spare, has a
    /// new status-change time: its stamp no longer vouches for it, and the
    /// build puts the right bytes back.
    @Test func aPageChangedByHandIsNoticed() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        for _ in 0..<3 { try build(writer, pages) }
        // Same size, other bytes, written into the file itself (both sites share it).
        let handle = try FileHandle(forWritingTo: site.appendingPathComponent("a/one.html"))
        try handle.write(contentsOf: Data("ONE".utf8))
        try handle.close()
        try "owt".write(to: writer.spare.appendingPathComponent("a/two.html"), atomically: false, encoding: .utf8)
        let report = try build(writer, pages)
        #expect(report.knownByStamp == 2)
        for (path, text) in pages { #expect(read(site.appendingPathComponent(path)) == text) }
        try build(writer, pages)
        for (path, text) in pages { #expect(read(site.appendingPathComponent(path)) == text) }
    }

    /// Stamps from any earlier moment (a build killed before it saved them,
    /// a stamps file copied back) never keep a wrong page.
    @Test func oldStampsNeverKeepAWrongPage() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        var saved: [Data] = []
        let versions = (0..<6).map { number in pages.mapValues { "\($0)-\(number % 3)" } }
        for files in versions {
            try build(writer, files)
            saved.append(try Data(contentsOf: writer.stampsFile))
        }
        for (number, old) in saved.enumerated() {
            try old.write(to: writer.stampsFile)
            Thread.sleep(forTimeInterval: 0.02)
            let files = versions[(number + 1) % versions.count]
            try build(writer, files)
            for (path, text) in files { #expect(read(site.appendingPathComponent(path)) == text, "stamps of build \(number + 1)") }
        }
    }

    /// A file by the stamps file's name that Samsyn did not write is left as it is.
    @Test func aForeignFileByTheStampsName() throws {
        let (root, site, writer) = try makeSite()
        defer { try? fm.removeItem(at: root) }
        try fm.createDirectory(at: writer.stampsFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "mine".write(to: writer.stampsFile, atomically: false, encoding: .utf8)
        for _ in 0..<3 { try build(writer, pages) }
        #expect(read(writer.stampsFile) == "mine")
        for (path, text) in pages { #expect(read(site.appendingPathComponent(path)) == text) }

        // A file where the stamps' folder would be.
        try fm.removeItem(at: writer.stampsFile.deletingLastPathComponent())
        try "also mine".write(to: writer.stampsFile.deletingLastPathComponent(), atomically: false, encoding: .utf8)
        for _ in 0..<2 { try build(writer, pages) }
        #expect(read(writer.stampsFile.deletingLastPathComponent()) == "also mine")
        for (path, text) in pages { #expect(read(site.appendingPathComponent(path)) == text) }
    }
}
