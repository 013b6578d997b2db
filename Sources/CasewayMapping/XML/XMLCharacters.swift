import CLibXML2

/// What XML 1.0 allows in names and text, checked before anything reaches libxml2's writer
/// (which would serialise a control character as is and so produce a document no parser reads).
enum XMLCharacters {
    /// The first character XML 1.0 does not allow: controls other than tab, LF and CR, and
    /// U+FFFE / U+FFFF. (Swift strings cannot hold surrogates, the other excluded range.)
    /// Returns the scalar and its offset in UTF-8 bytes.
    static func firstInvalid(in text: String) -> (scalar: Unicode.Scalar, offset: Int)? {
        var text = text
        return text.withUTF8 { firstInvalid(in: $0) }
    }

    /// `firstInvalid` over UTF-8 bytes already in hand.
    static func firstInvalid(in bytes: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, offset: Int)? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        // Eight bytes at a time: a word with no byte below 0x20 and no 0xEF (the lead byte of
        // U+FFFE/U+FFFF) is clean. This check runs on every text and attribute value written.
        while index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let lows: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            let hasControl = (word &- lows &* 0x20) & ~word & highs
            let ef = word ^ (lows &* 0xEF)
            let hasEF = (ef &- lows) & ~ef & highs
            if hasControl | hasEF != 0 { break }
            index += 8
        }
        while index < count {
            let byte = base[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                return (Unicode.Scalar(byte), index)
            }
            if byte == 0xEF, index + 2 < count, base[index + 1] == 0xBF, base[index + 2] >= 0xBE {
                let scalar: Unicode.Scalar = base[index + 2] == 0xBE ? "\u{FFFE}" : "\u{FFFF}"
                return (scalar, index)
            }
            index += 1
        }
        return nil
    }

    /// `text` with every character XML 1.0 does not allow replaced by U+FFFD.
    static func replacingInvalid(in text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
        }
        return String(scalars)
    }

    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: true
        case 0..<0x20, 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    /// Whether `name` is an XML name without a colon (a local name or a prefix).
    static func isNCName(_ name: String) -> Bool {
        // ASCII fast path, one bit test a byte: most names are ASCII, and these masks are the
        // ASCII part of NCName (letters and `_` to start; also digits, `-` and `.` after).
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            guard let first = bytes.first else { return false }
            guard first < 0x80 else { return nil }
            var valid = isIn(first, low: 0, high: 0x07FF_FFFE_87FF_FFFE)
            var index = 1
            while index < bytes.count {
                let byte = bytes[index]
                guard byte < 0x80 else { return nil }
                valid = valid && isIn(byte, low: 0x03FF_6000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
                index += 1
            }
            return valid
        }
        if let checked = ascii, let result = checked { return result }
        guard !name.isEmpty, firstInvalid(in: name) == nil else { return false }
        return LibXML2.withXMLString(name) { xmlValidateNCName($0, 0) == 0 }
    }

    /// Whether ASCII `byte` is in the set given as a 128-bit mask.
    private static func isIn(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        byte < 64 ? (low >> byte) & 1 == 1 : (high >> (byte - 64)) & 1 == 1
    }
}
