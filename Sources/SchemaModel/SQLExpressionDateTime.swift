/// Date, time, timestamp and interval constants as PostgreSQL prints them back (DateStyle ISO,
/// IntervalStyle postgres): `'2020-1-1'::date` is `'2020-01-01'`, `'12:00'::time` is `'12:00:00'`,
/// `'2020-01-01'::timestamp` is `'2020-01-01 00:00:00'`, `'90 minutes'::interval` is `'01:30:00'`.
/// Only unambiguous ISO-style input is normalized; anything else is left as written (nil).
/// `timestamp with time zone` is not touched: its printed form depends on the session time zone.
enum SQLDateTimeText {
    static func canonical(_ text: String, typeName: String) -> String? {
        switch typeName {
        case "date": return date(Array(text.trimmingSpaces.utf8))
        case "time without time zone": return time(Array(text.trimmingSpaces.utf8))
        case "timestamp without time zone": return timestamp(Array(text.trimmingSpaces.utf8))
        case "interval": return interval(text)
        default: return nil
        }
    }

    private static func digits(_ b: [UInt8], _ i: inout Int, max: Int) -> Int? {
        var value = 0, count = 0
        while i < b.count, count < max, b[i] >= 48, b[i] <= 57 {
            value = value * 10 + Int(b[i] - 48)
            i += 1
            count += 1
        }
        return count == 0 ? nil : value
    }

    private static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    private static func dateParts(_ b: [UInt8], _ i: inout Int) -> String? {
        guard let y = digits(b, &i, max: 4), i < b.count, b[i] == 45 else { return nil }
        i += 1
        guard let m = digits(b, &i, max: 2), i < b.count, b[i] == 45 else { return nil }
        i += 1
        guard let d = digits(b, &i, max: 2), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    private static func timeParts(_ b: [UInt8], _ i: inout Int) -> String? {
        guard let h = digits(b, &i, max: 2), i < b.count, b[i] == 58 else { return nil }
        i += 1
        guard let m = digits(b, &i, max: 2), h <= 24, m <= 59 else { return nil }
        var s = 0
        var fraction = ""
        if i < b.count, b[i] == 58 {
            i += 1
            guard let sec = digits(b, &i, max: 2), sec <= 60 else { return nil }
            s = sec
            if i < b.count, b[i] == 46 {
                i += 1
                let start = i
                while i < b.count, b[i] >= 48, b[i] <= 57 { i += 1 }
                var f = Array(b[start..<i])
                while f.last == 48 { f.removeLast() }
                if !f.isEmpty { fraction = "." + String(decoding: f, as: UTF8.self) }
            }
        }
        return pad(h, 2) + ":" + pad(m, 2) + ":" + pad(s, 2) + fraction
    }

    static func date(_ b: [UInt8]) -> String? {
        var i = 0
        guard let d = dateParts(b, &i), i == b.count else { return nil }
        return d
    }

    static func time(_ b: [UInt8]) -> String? {
        var i = 0
        guard let t = timeParts(b, &i), i == b.count else { return nil }
        return t
    }

    static func timestamp(_ b: [UInt8]) -> String? {
        var i = 0
        guard let d = dateParts(b, &i) else { return nil }
        if i == b.count { return d + " 00:00:00" }
        guard b[i] == 32 || b[i] == 84 || b[i] == 116 else { return nil }
        i += 1
        guard let t = timeParts(b, &i), i == b.count else { return nil }
        return d + " " + t
    }

    /// Units and their size: months for the month family, microseconds for the time family, and
    /// days kept separately (PostgreSQL never carries hours into days or days into months).
    private enum Unit { case months(Int), days(Int), micros(Int) }

    private static func unit(_ word: String) -> Unit? {
        switch word {
        case "microsecond", "microseconds", "usec", "usecs", "us": return .micros(1)
        case "millisecond", "milliseconds", "msec", "msecs", "ms": return .micros(1_000)
        case "second", "seconds", "sec", "secs", "s": return .micros(1_000_000)
        case "minute", "minutes", "min", "mins", "m": return .micros(60_000_000)
        case "hour", "hours", "hr", "hrs", "h": return .micros(3_600_000_000)
        case "day", "days", "d": return .days(1)
        case "week", "weeks", "w": return .days(7)
        case "month", "months", "mon", "mons": return .months(1)
        case "year", "years", "yr", "yrs", "y": return .months(12)
        case "decade", "decades": return .months(120)
        case "century", "centuries": return .months(1200)
        case "millennium", "millennia", "millenniums": return .months(12000)
        default: return nil
        }
    }

    static func interval(_ text: String) -> String? {
        let words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard !words.isEmpty else { return nil }
        var months = 0, days = 0, micros = 0
        var k = 0
        var ago = false
        while k < words.count {
            let word = words[k]
            if word == "@" { k += 1; continue }
            if word == "ago" && k == words.count - 1 { ago = true; k += 1; continue }
            if word.contains(":") {
                var b = Array(word.utf8)
                var negative = false
                if b.first == 45 { negative = true; b.removeFirst() } else if b.first == 43 { b.removeFirst() }
                var i = 0
                guard let t = timeParts(b, &i), i == b.count else { return nil }
                // Re-read the normalized HH:MM:SS[.f] into microseconds.
                let parts = t.split(separator: ":")
                let h = Int(parts[0])!, m = Int(parts[1])!
                let secParts = parts[2].split(separator: ".")
                var us = (h * 3600 + m * 60 + Int(secParts[0])!) * 1_000_000
                if secParts.count == 2 {
                    let f = String(secParts[1].prefix(6))
                    us += Int(f)! * Int(pow10(6 - f.count))
                }
                micros += negative ? -us : us
                k += 1
                continue
            }
            // A number and its unit, possibly written together (`1day`).
            var numberText = word
            var unitWord: String
            if let split = word.firstIndex(where: { $0.isLetter }) {
                numberText = String(word[..<split])
                unitWord = String(word[split...])
            } else {
                guard k + 1 < words.count else { return nil }
                unitWord = words[k + 1]
                k += 1
            }
            k += 1
            guard let u = unit(unitWord) else { return nil }
            var sign = 1
            var digitsText = Substring(numberText)
            if digitsText.hasPrefix("-") { sign = -1; digitsText = digitsText.dropFirst() } else if digitsText.hasPrefix("+") { digitsText = digitsText.dropFirst() }
            let pieces = digitsText.split(separator: ".", omittingEmptySubsequences: false)
            guard pieces.count <= 2, let whole = Int(pieces[0].isEmpty ? "0" : String(pieces[0])) else { return nil }
            let fractionDigits = pieces.count == 2 ? String(pieces[1].prefix(9)) : ""
            if !fractionDigits.isEmpty && Int(fractionDigits) == nil { return nil }
            switch u {
            case .months(let size):
                guard fractionDigits.isEmpty || Int(fractionDigits) == 0 else { return nil }
                months += sign * whole * size
            case .days(let size):
                guard fractionDigits.isEmpty || Int(fractionDigits) == 0 else { return nil }
                days += sign * whole * size
            case .micros(let size):
                var us = whole * size
                if !fractionDigits.isEmpty {
                    us += Int(fractionDigits)! * size / Int(pow10(fractionDigits.count))
                }
                micros += sign * us
            }
        }
        if ago { months = -months; days = -days; micros = -micros }
        return format(months: months, days: days, micros: micros)
    }

    private static func pow10(_ n: Int) -> Int {
        var v = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    /// PostgreSQL's interval_out with IntervalStyle postgres.
    private static func format(months: Int, days: Int, micros: Int) -> String {
        var out = ""
        var isZero = true, isBefore = false
        func part(_ value: Int, _ unit: String) {
            guard value != 0 else { return }
            if !out.isEmpty { out += " " }
            if !isZero && isBefore && value > 0 { out += "+" }
            out += "\(value) \(unit)" + (value != 1 ? "s" : "")
            isBefore = value < 0
            isZero = false
        }
        part(months / 12, "year")
        part(months % 12, "mon")
        part(days, "day")
        let hour = micros / 3_600_000_000
        let minute = (micros / 60_000_000) % 60
        let second = (micros / 1_000_000) % 60
        let fraction = micros % 1_000_000
        if isZero || micros != 0 {
            let minus = micros < 0
            if !isZero { out += " " }
            out += minus ? "-" : (isBefore ? "+" : "")
            out += pad(abs(hour), 2) + ":" + pad(abs(minute), 2) + ":" + pad(abs(second), 2)
            if fraction != 0 {
                var f = Array(pad(abs(fraction), 6).utf8)
                while f.last == 48 { f.removeLast() }
                out += "." + String(decoding: f, as: UTF8.self)
            }
        }
        return out
    }
}
