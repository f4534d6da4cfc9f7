import Foundation
import SchemaAuditKit
import Testing

/// `LocalFileSystem.contents(of:)` reads with `read(2)` into the array: whole files of any size,
/// files whose size the file system does not report, and nil for what is not a readable file.
@Suite struct LocalFileSystemTests {
    private let files = LocalFileSystem()

    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lfs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test(arguments: [0, 1, 4095, 65_536, 65_537, 300_001])
    func readsWholeFilesOfAnySize(size: Int) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let expected = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 / 7) }
        let path = directory.appendingPathComponent("f.bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(expected)))
        #expect(files.contents(of: path) == expected)
    }

    @Test func readsFilesThatReportNoSize() throws {
        // procfs reports size 0 for its files; the reader reads on to the end of file anyway.
        let status = try #require(files.contents(of: "/proc/self/status"))
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
    }

    @Test func directoriesAndMissingFilesHaveNoContents() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(files.contents(of: directory.path) == nil)
        #expect(files.contents(of: directory.appendingPathComponent("missing.ts").path) == nil)
    }
}
