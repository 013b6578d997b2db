/// A compiled date-time pattern, `dd/MM/yyyy HH:mm` or `yyyy-MM-dd'T'HH:mm:ssXXX`, for writing and reading
/// date-times in the form a back office wants.
///
/// The letters follow Unicode LDML (what Java, ICU and Foundation's `DateFormatter` use), restricted to:
/// `yyyy yy M MM MMM MMMM d dd H HH h hh mm ss SSS a XXX xxx Z EEE EEEE`. `XXX` writes `Z` at offset zero, as in
/// LDML; use `xxx` for `+00:00`. Text in single quotes is literal (`'T'`), `''` is a quote, and any other
/// ASCII letter is refused, so that `YYYY` (week year) or `D` (day of year) fail when the mapping is loaded instead
/// of writing a wrong date at New Year. Names are English, as UK back offices expect. Compiling happens once;
/// formatting does no Foundation calls and allocates only the result.
public struct DateTimePattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the mapping.
    public let pattern: String
    let elements: [Element]
    private let maximumLength: Int
    let unparsableReason: String?

    /// Compiles `pattern`, failing with `invalidPattern` for unknown letters or an unclosed quote.
    public init(_ pattern: String) throws(TransformError) {
        var elements: [Element] = []
        var literal: [UInt8] = []
        let bytes = Array(pattern.utf8)
        var index = 0
        func fail(_ detail: String) -> TransformError {
            TransformError(.invalidPattern, text: pattern, reason: "is not a date-time pattern (\(detail))")
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                    literal.append(byte)
                    index += 2
                    continue
                }
                index += 1
                var closed = false
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "'") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "'") {
                            literal.append(UInt8(ascii: "'"))
                            index += 2
                            continue
                        }
                        closed = true
                        index += 1
                        break
                    }
                    literal.append(bytes[index])
                    index += 1
                }
                if !closed { throw fail("a quote is not closed") }
            } else if (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) {
                var count = 1
                while index + count < bytes.count, bytes[index + count] == byte { count += 1 }
                guard let field = Element.field(letter: byte, count: count) else {
                    let run = String(repeating: Character(Unicode.Scalar(byte)), count: count)
                    throw fail("\(run) is not a field; put literal letters in single quotes")
                }
                if !literal.isEmpty {
                    elements.append(.literal(literal))
                    literal = []
                }
                elements.append(field)
                index += count
            } else {
                literal.append(byte)
                index += 1
            }
        }
        if !literal.isEmpty { elements.append(.literal(literal)) }
        self.pattern = pattern
        self.elements = elements
        self.maximumLength = elements.reduce(0) { $0 + $1.maximumLength }
        self.unparsableReason = Self.unparsableReason(elements)
    }

    public var description: String { pattern }

    /// Writes `instant` as the clocks in `zone` show it.
    public func format(_ instant: Instant, in zone: TimeZoneRules) -> String {
        let offset = zone.utcOffset(at: instant)
        return format(LocalDateTime(instant, utcOffset: offset), utcOffset: offset)
    }

    /// Writes a wall-clock reading; `utcOffset` (seconds ahead of UTC) is what the offset fields print.
    public func format(_ local: LocalDateTime, utcOffset: Int = 0) -> String {
        String(unsafeUninitializedCapacity: maximumLength) { buffer in
            var count = 0
            func put(_ byte: UInt8) {
                buffer[count] = byte
                count += 1
            }
            func put(_ bytes: [UInt8]) {
                for byte in bytes { put(byte) }
            }
            func two(_ value: Int) {
                put(UInt8(truncatingIfNeeded: 48 + value / 10 % 10))
                put(UInt8(truncatingIfNeeded: 48 + value % 10))
            }
            func unpadded(_ value: Int) {
                if value >= 10 { put(UInt8(truncatingIfNeeded: 48 + value / 10 % 10)) }
                put(UInt8(truncatingIfNeeded: 48 + value % 10))
            }
            func offset(colon: Bool) {
                let minutes = abs(utcOffset) / 60
                put(utcOffset < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
                two(minutes / 60 % 100)
                if colon { put(UInt8(ascii: ":")) }
                two(minutes % 60)
            }
            for element in elements {
                switch element {
                case .literal(let bytes): put(bytes)
                case .year4:
                    if (0...9999).contains(local.year) {
                        two(local.year / 100)
                        two(local.year % 100)
                    } else {
                        put(Array(String(local.year).utf8))
                    }
                case .year2: two(LocalDateTime.floorDivide(local.year, 100).remainder)
                case .month1: unpadded(local.month)
                case .month2: two(local.month)
                case .monthShortName: put(Self.shortMonthNames[local.month - 1])
                case .monthName: put(Self.monthNames[local.month - 1])
                case .day1: unpadded(local.day)
                case .day2: two(local.day)
                case .hour1: unpadded(local.hour)
                case .hour2: two(local.hour)
                case .clockHour1: unpadded(local.hour % 12 == 0 ? 12 : local.hour % 12)
                case .clockHour2: two(local.hour % 12 == 0 ? 12 : local.hour % 12)
                case .minute2: two(local.minute)
                case .second2: two(local.second)
                case .millisecond3:
                    let millis = local.nanosecond / 1_000_000
                    put(UInt8(truncatingIfNeeded: 48 + millis / 100))
                    two(millis % 100)
                case .amPm: put(local.hour < 12 ? UInt8(ascii: "A") : UInt8(ascii: "P")); put(UInt8(ascii: "M"))
                case .offsetOrZ:
                    if utcOffset == 0 { put(UInt8(ascii: "Z")) } else { offset(colon: true) }
                case .offsetColon: offset(colon: true)
                case .offsetBasic: offset(colon: false)
                case .weekdayShortName: put(Self.shortWeekdayNames[local.weekday - 1])
                case .weekdayName: put(Self.weekdayNames[local.weekday - 1])
                }
            }
            return count
        }
    }
}
