/// A libpq connection string (URL or key/value), with the means to show it without its password.
///
/// Parsing for validation is left to libpq (`PQconninfoParse`); this type only knows enough of both
/// syntaxes to redact passwords and to describe the target in messages.
public struct ConnectionString: Sendable, CustomStringConvertible {
    /// Exactly what the user gave; handed to libpq, never printed.
    public let raw: String

    public init(_ raw: String) {
        self.raw = raw
    }

    /// True for `postgres://` and `postgresql://` URLs.
    public var isURL: Bool {
        let lower = raw.lowercased()
        return lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://")
    }

    /// The password it contains, if any (used only to scrub it from messages).
    public var password: String? {
        if isURL {
            guard let authority = urlAuthority, let at = authority.lastIndex(of: "@") else { return nil }
            let userInfo = authority[..<at]
            guard let colon = userInfo.firstIndex(of: ":") else { return nil }
            let value = String(userInfo[userInfo.index(after: colon)...])
            return value.isEmpty ? nil : value
        }
        return keyValuePairs.first { $0.key == "password" }?.value
    }

    /// The string with its password replaced by `***`: safe to print.
    public var redacted: String {
        if isURL {
            var text = raw
            if password != nil, let authority = urlAuthority, let at = authority.lastIndex(of: "@"),
                let colon = authority[..<at].firstIndex(of: ":")
            {
                text.replaceSubrange(authority.index(after: colon)..<at, with: "***")
            }
            return ConnectionString.scrubQueryPassword(text)
        }
        return keyValuePairs.map { pair in
            pair.key == "password" ? "password=***" : "\(pair.key)=\(pair.value)"
        }.joined(separator: " ")
    }

    /// `redacted`, so that string interpolation can never leak the password.
    public var description: String { redacted }

    /// `message` with every occurrence of this string's password replaced by `***`.
    public func scrub(_ message: String) -> String {
        guard let password, !password.isEmpty else { return message }
        return message.split(separator: password, omittingEmptySubsequences: false)
            .joined(separator: "***")
    }

    private var urlAuthority: Substring? {
        guard let colon = raw.firstIndex(of: ":"), raw[colon...].hasPrefix("://") else { return nil }
        let rest = raw[raw.index(colon, offsetBy: 3)...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        return rest[..<end]
    }

    /// `key=value` pairs of the key/value syntax (values may be single-quoted).
    var keyValuePairs: [(key: String, value: String)] {
        var pairs: [(String, String)] = []
        var chars = Array(raw)
        chars.append(" ")
        var i = 0
        while i < chars.count {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var key = ""
            while i < chars.count, chars[i] != "=", !chars[i].isWhitespace { key.append(chars[i]); i += 1 }
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            guard i < chars.count, chars[i] == "=" else { break }
            i += 1
            while i < chars.count, chars[i].isWhitespace { i += 1 }
            var value = ""
            if i < chars.count, chars[i] == "'" {
                i += 1
                while i < chars.count, chars[i] != "'" {
                    if chars[i] == "\\", i + 1 < chars.count { i += 1 }
                    value.append(chars[i])
                    i += 1
                }
                i += 1
            } else {
                while i < chars.count, !chars[i].isWhitespace { value.append(chars[i]); i += 1 }
            }
            if !key.isEmpty { pairs.append((key, value)) }
        }
        return pairs
    }

    /// Replaces `password=...` in a URL's query string.
    private static func scrubQueryPassword(_ url: String) -> String {
        guard let question = url.firstIndex(of: "?") else { return url }
        let query = url[url.index(after: question)...].split(separator: "&", omittingEmptySubsequences: false)
            .map { part -> String in
                part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
            }
        return String(url[...question]) + query.joined(separator: "&")
    }
}
