import SourceScanning

/// Byte-level versions of the ``SourcePath`` functions the module loader calls once or more per file.
///
/// `SourcePath` splits paths by `Character`, which costs thousands of instructions per path; with a
/// thousand files and their imports that was a tenth of a whole read. These give the same results for
/// ASCII paths and defer to `SourcePath` for any other path, so non-ASCII names (where grapheme
/// clustering could differ from bytes) behave exactly as before.
enum FastPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    @inline(__always) private static func isASCII(_ bytes: [UInt8]) -> Bool {
        var all: UInt8 = 0
        for byte in bytes { all |= byte }
        return all < 0x80
    }

    /// ``SourcePath/normalize(_:)``.
    static func normalize(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard isASCII(bytes) else { return SourcePath.normalize(path) }
        if isNormal(bytes) { return path }
        return normalized(bytes)
    }

    /// Folds `.`, `..` and empty segments of an ASCII path, as ``SourcePath/normalize(_:)`` does.
    private static func normalized(_ bytes: [UInt8]) -> String {
        let absolute = bytes.first == slash
        var parts: [Range<Int>] = []
        func isDotDot(_ r: Range<Int>) -> Bool { r.count == 2 && bytes[r.lowerBound] == dot && bytes[r.lowerBound + 1] == dot }
        var start = 0
        var k = 0
        while k <= bytes.count {
            if k == bytes.count || bytes[k] == slash {
                let part = start..<k
                if part.isEmpty || (part.count == 1 && bytes[start] == dot) {
                    // empty and `.` segments are dropped
                } else if isDotDot(part), let last = parts.last, !isDotDot(last) {
                    parts.removeLast()
                } else if isDotDot(part), absolute {
                    // `/..` stays `/`
                } else {
                    parts.append(part)
                }
                start = k + 1
            }
            k += 1
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        if absolute { out.append(slash) }
        for (index, part) in parts.enumerated() {
            if index > 0 { out.append(slash) }
            out += bytes[part]
        }
        if out.isEmpty { return "." }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether normalizing would return the path unchanged: no empty, `.` or `..` segments and no
    /// trailing slash (a lone `/` and `.` are already normal).
    private static func isNormal(_ bytes: [UInt8]) -> Bool {
        if bytes.isEmpty { return false }
        if bytes.count == 1 && (bytes[0] == slash || bytes[0] == dot) { return true }
        var start = bytes[0] == slash ? 1 : 0
        var k = start
        while k <= bytes.count {
            if k == bytes.count || bytes[k] == slash {
                let length = k - start
                if length == 0 { return false }
                if length == 1 && bytes[start] == dot { return false }
                if length == 2 && bytes[start] == dot && bytes[start + 1] == dot { return false }
                start = k + 1
            }
            k += 1
        }
        return true
    }

    /// ``SourcePath/directory(of:)``.
    static func directory(of path: String) -> String {
        let bytes = Array(path.utf8)
        guard isASCII(bytes) else { return SourcePath.directory(of: path) }
        guard let slashIndex = bytes.lastIndex(of: slash) else { return "." }
        if slashIndex == 0 { return "/" }
        return String(decoding: bytes[..<slashIndex], as: UTF8.self)
    }

    /// ``SourcePath/join(_:_:)``.
    static func join(_ base: String, _ relative: String) -> String {
        var bytes = Array(base.utf8)
        bytes.append(slash)
        bytes += relative.utf8
        // Non-ASCII text may start with a `/` that is part of a larger Character: SourcePath decides.
        guard isASCII(bytes) else { return SourcePath.join(base, relative) }
        if relative.utf8.first == slash { return normalize(relative) }
        if base == "." { return normalize(relative) }
        if isNormal(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return normalized(bytes)
    }

    /// ``SourcePath/fileExtension(_:)``.
    static func fileExtension(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard isASCII(bytes) else { return SourcePath.fileExtension(path) }
        let name = lastSegment(bytes)
        guard let dotIndex = bytes[name].lastIndex(of: dot), dotIndex != name.lowerBound else { return "" }
        return String(decoding: bytes[(dotIndex + 1)..<name.upperBound], as: UTF8.self)
    }

    /// The range of the last non-empty `/`-separated segment, or of the whole path when it has none
    /// (as `path.split(separator: "/").last ?? path` gives).
    static func lastSegment(_ bytes: [UInt8]) -> Range<Int> {
        var end = bytes.count
        while end > 0, bytes[end - 1] == slash { end -= 1 }
        if end == 0 { return 0..<bytes.count }
        var start = end
        while start > 0, bytes[start - 1] != slash { start -= 1 }
        return start..<end
    }

    /// `ModuleLoader.isSchemaSource` for an ASCII path, or nil for any other path: whether a file
    /// found in a directory is a TypeScript source that is not a declaration, test or dependency.
    static func isSchemaSource(_ path: String) -> Bool? {
        let bytes = Array(path.utf8)
        guard isASCII(bytes) else { return nil }
        let name = lastSegment(bytes)
        guard let dotIndex = bytes[name].lastIndex(of: dot), dotIndex != name.lowerBound,
            DrizzleReader.extensions.contains(String(decoding: bytes[(dotIndex + 1)..<name.upperBound], as: UTF8.self))
        else { return false }
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == slash {
            let segment = bytes[start..<k]
            if segment.elementsEqual("node_modules".utf8) || segment.elementsEqual("__tests__".utf8) { return false }
            start = k + 1
        }
        let nameBytes = bytes[name]
        for suffix in [".d.ts", ".test.ts", ".spec.ts", ".test.tsx", ".spec.tsx", ".d.mts"] {
            let count = suffix.utf8.count
            if nameBytes.count >= count && nameBytes.suffix(count).elementsEqual(suffix.utf8) { return false }
        }
        return true
    }
}
