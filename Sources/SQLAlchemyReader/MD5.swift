/// MD5 (RFC 1321), only for reproducing SQLAlchemy's truncated constraint names.
enum MD5 {
    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]
    private static let constants: [UInt32] = (0..<64).map { i in
        // floor(abs(sin(i + 1)) * 2^32), computed without Foundation.
        UInt32(truncatingIfNeeded: Int64((abs(sine(Double(i + 1))) * 4_294_967_296.0).rounded(.down)))
    }

    /// sin(x) by range reduction and a Taylor series; exact enough for the 32-bit constants.
    private static func sine(_ x: Double) -> Double {
        let twoPi = 6.283185307179586476925286766559
        var y = x.truncatingRemainder(dividingBy: twoPi)
        if y > Double.pi { y -= twoPi }
        var term = y
        var sum = y
        for n in 1..<30 {
            term *= -y * y / Double((2 * n) * (2 * n + 1))
            sum += term
        }
        return sum
    }

    static func hex(_ message: [UInt8]) -> String {
        var bytes = message
        let bitLength = UInt64(message.count) &* 8
        bytes.append(0x80)
        while bytes.count % 64 != 56 { bytes.append(0) }
        for k in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(k)))) }
        var a0: UInt32 = 0x6745_2301, b0: UInt32 = 0xefcd_ab89, c0: UInt32 = 0x98ba_dcfe, d0: UInt32 = 0x1032_5476
        for chunk in stride(from: 0, to: bytes.count, by: 64) {
            var m = [UInt32](repeating: 0, count: 16)
            for k in 0..<16 {
                let p = chunk + 4 * k
                m[k] = UInt32(bytes[p]) | UInt32(bytes[p + 1]) << 8 | UInt32(bytes[p + 2]) << 16 | UInt32(bytes[p + 3]) << 24
            }
            var a = a0, b = b0, c = c0, d = d0
            for i in 0..<64 {
                var f: UInt32
                var g: Int
                switch i {
                case 0..<16: f = (b & c) | (~b & d); g = i
                case 16..<32: f = (d & b) | (~d & c); g = (5 * i + 1) % 16
                case 32..<48: f = b ^ c ^ d; g = (3 * i + 5) % 16
                default: f = c ^ (b | ~d); g = (7 * i) % 16
                }
                f = f &+ a &+ constants[i] &+ m[g]
                a = d
                d = c
                c = b
                b = b &+ (f << shifts[i] | f >> (32 - shifts[i]))
            }
            a0 = a0 &+ a; b0 = b0 &+ b; c0 = c0 &+ c; d0 = d0 &+ d
        }
        var out = ""
        for word in [a0, b0, c0, d0] {
            for k in 0..<4 {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt32(k)))
                let digits = Array("0123456789abcdef")
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 15)])
            }
        }
        return out
    }
}
