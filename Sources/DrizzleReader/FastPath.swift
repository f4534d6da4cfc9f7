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

    @inline(__always) private static func isASCII(_ utf8: String.UTF8View) -> Bool {
        utf8.allSatisfy { $0 < 0x80 }
    }

    /// ``SourcePath/normalize(_:)``.
    static func normalize(_ path: String) -> String {
        guard isASCII(path.utf8) else { return SourcePath.normalize(path) }
        let bytes = Array(path.utf8)
        if isNormal(bytes) { return path }
        let absolute = bytes.first == slash
        var parts: [ArraySlice<UInt8>] = []
        var start = 0
        var k = 0
        while k <= bytes.count {
            if k == bytes.count || bytes[k] == slash {
                if k > start {
                    let part = bytes[start..<k]
                    let isDot = part.count == 1 && part.first == dot
                    let isDotDot = part.count == 2 && part.first == dot && part.last == dot
                    if isDot {
                        // skipped
                    } else if isDotDot, let last = parts.last, !(last.count == 2 && last.first == dot && last.last == dot) {
                        parts.removeLast()
                    } else if isDotDot, absolute {
                        // `/..` stays `/`
                    } else {
                        parts.append(part)
                    }
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
            out += part
        }
        if out.isEmpty { return "." }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether normalizing would return the path unchanged: no empty, `.` or `..` segments and no
    /// trailing slash (a lone `/` and `.` are already normal).
    private static func isNormal(_ bytes: [UInt8]) -> Bool {
        if bytes.isEmpty { return false }
        if bytes == [slash] || bytes == [dot] { return true }
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
        guard isASCII(path.utf8) else { return SourcePath.directory(of: path) }
        let utf8 = path.utf8
        guard let slashIndex = utf8.lastIndex(of: slash) else { return "." }
        if slashIndex == utf8.startIndex { return "/" }
        return String(path[..<slashIndex])
    }

    /// ``SourcePath/join(_:_:)``.
    static func join(_ base: String, _ relative: String) -> String {
        if relative.utf8.first == slash { return normalize(relative) }
        if base == "." { return normalize(relative) }
        return normalize(base + "/" + relative)
    }

    /// ``SourcePath/fileExtension(_:)``.
    static func fileExtension(_ path: String) -> String {
        guard isASCII(path.utf8) else { return SourcePath.fileExtension(path) }
        let name = lastSegment(path)
        let utf8 = name.utf8
        guard let dotIndex = utf8.lastIndex(of: dot), dotIndex != utf8.startIndex else { return "" }
        return String(name[utf8.index(after: dotIndex)...])
    }

    /// The last non-empty `/`-separated segment, or the whole path when it has none (as
    /// `path.split(separator: "/").last ?? path` gives).
    static func lastSegment(_ path: String) -> Substring {
        let utf8 = path.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex, utf8[utf8.index(before: end)] == slash { end = utf8.index(before: end) }
        if end == utf8.startIndex { return path[...] }
        var start = end
        while start > utf8.startIndex, utf8[utf8.index(before: start)] != slash { start = utf8.index(before: start) }
        return path[start..<end]
    }

    /// `name.hasSuffix(suffix)` for an ASCII `suffix`, comparing bytes when `name` is ASCII too.
    static func hasSuffix(_ name: Substring, _ suffix: String) -> Bool {
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return name.hasSuffix(suffix) }
        let count = suffix.utf8.count
        guard name.utf8.count >= count else { return false }
        return name.utf8.suffix(count).elementsEqual(suffix.utf8)
    }
}
