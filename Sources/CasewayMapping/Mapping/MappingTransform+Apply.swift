extension MappingTransform {
    /// The value after this step.
    func apply(_ value: MappingValue) throws(FieldFailure) -> MappingValue {
        switch self {
        case .trim: return mapText(value) { TextTransforms.trim($0) }
        case .upper: return mapText(value) { TextTransforms.uppercase($0) }
        case .lower: return mapText(value) { TextTransforms.lowercase($0) }
        case .defaultValue(let fallback): return value.isAbsent ? fallback : value
        case .required:
            if value.isAbsent { throw FieldFailure(value == .missing ? "is required but missing" : "is required but empty") }
            return value
        case .nonEmpty: return value.isAbsent ? .missing : value
        case .join(let separator):
            guard case .list(let items) = value else { return value }
            let present = items.filter { !$0.isAbsent }
            return present.isEmpty ? .missing : .string(present.map(\.text).joined(separator: separator))
        case .split(let separator):
            guard case .string(let text) = value else { return value }
            return .list(TextTransforms.split(text, separator: separator, omittingEmpty: true).map(MappingValue.string))
        case .template(let pieces):
            let items: [MappingValue]
            if case .list(let list) = value { items = list } else { items = [value] }
            var output = ""
            output.reserveCapacity(64)
            for piece in pieces {
                switch piece {
                case .text(let text): output += text
                case .value(let index): if index < items.count { output += items[index].text }
                }
            }
            return .string(output)
        case .replace(let replacement): return mapText(value) { replacement.apply($0) }
        case .truncate(let length): return mapText(value) { Self.truncate($0, toLength: length) }
        case .pad(let width, let padding, let atStart):
            return mapText(value) {
                atStart
                    ? TextTransforms.padStart($0, toWidth: width, with: padding)
                    : TextTransforms.padEnd($0, toWidth: width, with: padding)
            }
        case .fixedWidth(let width, let padding):
            return mapText(value) { TextTransforms.fixedWidth($0, width: width, with: padding) }
        case .number(let format):
            return try mapScalar(value) { (item) throws(FieldFailure) in
                do throws(TransformError) {
                    // Formatted numbers are text (`000042`, `1,234.50`); `type: "number"` makes JSON numbers of them.
                    if case .number(let text) = item { return .string(try format.format(numberText: text)) }
                    return .string(try format.format(numberText: TextTransforms.trim(item.text)))
                } catch {
                    throw FieldFailure(error)
                }
            }
        case .toNumber:
            return try mapScalar(value) { (item) throws(FieldFailure) in
                if case .number = item { return item }
                let text = TextTransforms.trim(item.text)
                do throws(TransformError) {
                    let number = try NumberFormat.parseDouble(text)
                    return .number(JSONNumberText.isValid(text) ? text : (JSONNumber(number)?.text ?? text))
                } catch {
                    throw FieldFailure(error)
                }
            }
        case .toString:
            return try mapScalar(value) { (item) throws(FieldFailure) in .string(item.text) }
        case .dateTime(let transform):
            return try mapScalar(value) { (item) throws(FieldFailure) in
                do throws(TransformError) {
                    return .string(try transform.apply(item.text))
                } catch {
                    throw FieldFailure(error)
                }
            }
        case .boolean(let words):
            return try mapScalar(value) { (item) throws(FieldFailure) in
                switch item {
                case .bool(let flag): return .string(words.format(flag))
                default:
                    do throws(TransformError) {
                        return .string(words.format(try words.parse(item.text)))
                    } catch {
                        throw FieldFailure(error)
                    }
                }
            }
        case .lookup(let table, let column):
            return try mapScalar(value) { (item) throws(FieldFailure) in try table.look(up: item.text, column: column) }
        case .easting, .northing:
            guard case .list(let items) = value, items.count == 2 else {
                if value == .missing { return .missing }
                throw FieldFailure("needs two sources, latitude then longitude")
            }
            if items.contains(where: { $0.isAbsent }) { return .missing }
            let latitude = try Self.double(items[0], argument: "latitude", index: 0)
            let longitude = try Self.double(items[1], argument: "longitude", index: 1)
            do throws(TransformError) {
                let grid = try BritishNationalGrid.gridCoordinate(latitude: latitude, longitude: longitude)
                let metres = self.isEasting ? grid.easting : grid.northing
                return .number(try NumberFormat.wholeMetres.format(metres))
            } catch {
                throw FieldFailure(error)
            }
        case .postcode(let invalidGivesEmpty):
            return try mapScalar(value) { (item) throws(FieldFailure) in
                do throws(TransformError) {
                    return .string(try UKPostcode.normalise(item.text))
                } catch {
                    if invalidGivesEmpty { return .string("") }
                    throw FieldFailure(error)
                }
            }
        case .count:
            switch value {
            case .missing, .null: return .number("0")
            case .list(let items): return .number(String(items.count))
            case .object(let object): return .number(String(object.count))
            default: return .number("1")
            }
        case .first:
            guard case .list(let items) = value else { return value }
            return items.first ?? .missing
        }
    }

    /// `TextTransforms.truncate`, without walking graphemes when the text is short or plain ASCII
    /// (where every byte is a character, except CR LF, which is one).
    static func truncate(_ text: String, toLength length: Int) -> String {
        var text = text
        let fast: String? = text.withUTF8 { bytes in
            if bytes.count <= length { return String(decoding: bytes, as: UTF8.self) }
            if length > 0, !bytes.contains(where: { $0 >= 0x80 || $0 == 13 }) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes.prefix(length)), as: UTF8.self)
            }
            return nil
        }
        return fast ?? TextTransforms.truncate(text, toLength: length)
    }

    private var isEasting: Bool {
        if case .easting = self { return true }
        return false
    }

    private static func double(_ value: MappingValue, argument: String, index: Int) throws(FieldFailure) -> Double {
        do throws(TransformError) {
            return try NumberFormat.parseDouble(TextTransforms.trim(value.text))
        } catch {
            throw FieldFailure("\(argument) \(error.description)", argumentIndex: index)
        }
    }

    /// Applies a text function to text, numbers and each item of a list; leaves nothing as nothing.
    private func mapText(_ value: MappingValue, _ body: (String) -> String) -> MappingValue {
        switch value {
        case .missing, .null, .object: return value
        case .list(let items): return .list(items.map { mapText($0, body) })
        default: return .string(body(value.text))
        }
    }

    /// Applies `body` to a scalar and to each item of a list; leaves nothing as nothing.
    private func mapScalar(
        _ value: MappingValue, _ body: (MappingValue) throws(FieldFailure) -> MappingValue
    ) throws(FieldFailure) -> MappingValue {
        switch value {
        case .missing, .null: return value
        case .list(let items):
            var mapped: [MappingValue] = []
            mapped.reserveCapacity(items.count)
            for item in items { mapped.append(try mapScalar(item, body)) }
            return .list(mapped)
        default: return try body(value)
        }
    }
}
