import SchemaModel
import SourceScanning

@testable import SQLAlchemyReader

/// How ``lexed(_:strings:)`` shows a string token.
enum StringRendering {
    /// The token's source text, quotes and prefix included: `S:'x'`.
    case source
    /// The prefix flags (`r`, `f`, `b`) and the content between the quotes: `Srb:x`.
    case flagsAndContent
}

/// Tokens as `kind:text` strings, and the diagnostics, for compact expectations: `NL`, `INDENT`,
/// `DEDENT`, `EOF`, numbers as `N:1`, names and operators as written, strings as `strings` says.
func lexed(_ source: String, strings: StringRendering = .source) -> (tokens: [String], diagnostics: [String]) {
    let file = SourceFile(path: "m.py", text: source)
    var log = DiagnosticLog()
    let tokens = PythonLexer.tokenize(file, log: &log)
    let rendered = tokens.map { token -> String in
        switch token.kind {
        case .newline: return "NL"
        case .indent: return "INDENT"
        case .dedent: return "DEDENT"
        case .eof: return "EOF"
        case .string:
            switch strings {
            case .source:
                return "S:" + file.text(token.start..<token.end)
            case .flagsAndContent:
                let flags = (token.isRaw ? "r" : "") + (token.isFString ? "f" : "") + (token.isBytes ? "b" : "")
                return "S\(flags):" + file.text(token.contentStart..<token.contentEnd)
            }
        case .number: return "N:" + file.text(token.start..<token.end)
        case .name, .op: return file.text(token.start..<token.end)
        }
    }
    return (rendered, log.diagnostics.map(\.description))
}
