extension ASCIIScanner {
    /// How the minutes of a UTC offset are written.
    enum UTCOffsetForm {
        /// `±HH:MM`.
        case colon
        /// `±HHMM`.
        case basic
        /// Any of `±HH:MM`, `±HHMM` or `±HH` (ISO 8601 input from systems that differ).
        case any
    }

    /// A UTC offset as seconds ahead of UTC, or nil (the scanner may then have moved). With `zulu`, `Z` or
    /// `z` means UTC. Hours past 23 and minutes past 59 are refused.
    mutating func utcOffset(zulu: Bool, form: UTCOffsetForm) -> Int? {
        if zulu, take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) { return 0 }
        let sign: Int
        if take(UInt8(ascii: "+")) {
            sign = 1
        } else if take(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(exactly: 2), hours < 24 else { return nil }
        var minutes = 0
        switch form {
        case .colon:
            guard take(UInt8(ascii: ":")), let parsed = digits(exactly: 2) else { return nil }
            minutes = parsed
        case .basic:
            guard let parsed = digits(exactly: 2) else { return nil }
            minutes = parsed
        case .any:
            if take(UInt8(ascii: ":")) {
                guard let parsed = digits(exactly: 2) else { return nil }
                minutes = parsed
            } else if let parsed = digits(exactly: 2) {
                minutes = parsed
            }
        }
        guard minutes < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
