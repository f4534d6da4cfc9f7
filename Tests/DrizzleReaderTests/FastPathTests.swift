@testable import DrizzleReader
import SourceScanning
import Testing

/// The module loader's byte-level path helpers give exactly what ``SourcePath`` gives.
@Suite struct FastPathTests {
    static let paths = [
        "", ".", "..", "/", "//", "a", "a/", "/a", "./a", "../a", "a/./b", "a/../b", "a/b/../../..", "/../a", "/a/../../b",
        "a//b", "../../x.ts", "x/..", ".a", "a.", "a.b.ts", "dir.d/file", "dir/.hidden", "a/b.test.ts", "node_modules/x.ts",
        "src/__tests__/a.ts", "a/b.d.ts", "a/b.d.mts", "a/b.spec.tsx", "a/b.tsx", "a/b.mts", "a/b.cts", "a/b.js", "a/index",
        "/tmp/dp/big/app000/delula/assets.ts", "café/schéma.ts", "e\u{301}/../x.ts", "a/\u{301}b.ts", "../\u{301}",
    ]

    /// Every listed path plus pseudo-random ones built from path-like pieces.
    static var allPaths: [String] {
        let pieces = ["a", "b", ".", "..", "/", "//", ".ts", ".d.ts", "x.tsx", "é", "\u{301}", "node_modules", "__tests__"]
        var generator = SystemRandomNumberGenerator()
        var out = paths
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...6, using: &generator)
            out.append((0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        return out
    }

    @Test func sameResultsAsSourcePath() {
        for path in FastPathTests.allPaths {
            #expect(FastPath.normalize(path) == SourcePath.normalize(path), "normalize \(path)")
            #expect(FastPath.directory(of: path) == SourcePath.directory(of: path), "directory \(path)")
            #expect(FastPath.fileExtension(path) == SourcePath.fileExtension(path), "fileExtension \(path)")
            for base in [".", "/", "a", "a/b", "/x/y", "../z"] {
                #expect(FastPath.join(base, path) == SourcePath.join(base, path), "join \(base) \(path)")
            }
        }
    }

    /// The fast test for directory entries agrees with the plain `SourcePath` version.
    @Test func schemaSourceFilter() {
        for path in FastPathTests.allPaths {
            guard let fast = FastPath.isSchemaSource(path) else { continue }
            let segments = path.split(separator: "/")
            let name = segments.last.map(String.init) ?? path
            let expected = DrizzleReader.extensions.contains(SourcePath.fileExtension(path))
                && !segments.contains("node_modules") && !segments.contains("__tests__")
                && ![".d.ts", ".test.ts", ".spec.ts", ".test.tsx", ".spec.tsx", ".d.mts"].contains { name.hasSuffix($0) }
            #expect(fast == expected, "\(path)")
        }
    }
}
