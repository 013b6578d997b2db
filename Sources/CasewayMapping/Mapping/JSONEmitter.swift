/// Writes JSON piece by piece into one buffer, compact or indented by two spaces, tracking commas.
struct JSONEmitter: ~Copyable {
    var output = JSONWriter.Output(capacity: 2048)
    let pretty: Bool
    /// Per open container: whether it has an entry yet (a comma comes before the next).
    private var hasEntries: [Bool] = []

    init(pretty: Bool) {
        self.pretty = pretty
        hasEntries.reserveCapacity(8)
    }

    private mutating func separate() {
        guard let last = hasEntries.last else { return }
        if last { output.append(UInt8(ascii: ",")) }
        hasEntries[hasEntries.count - 1] = true
        if pretty {
            output.append(UInt8(ascii: "\n"))
            output.appendSpaces(hasEntries.count * 2)
        }
    }

    mutating func key(_ name: String) {
        separate()
        JSONWriter.writeString(name, into: &output)
        output.append(UInt8(ascii: ":"))
        if pretty { output.append(UInt8(ascii: " ")) }
    }

    /// Starts an array entry that is itself a container.
    mutating func beginElement() {
        separate()
    }

    mutating func element(_ value: MappingValue) {
        separate()
        self.value(value)
    }

    mutating func openObject() {
        output.append(UInt8(ascii: "{"))
        hasEntries.append(false)
    }

    mutating func closeObject() {
        close(UInt8(ascii: "}"))
    }

    mutating func openArray() {
        output.append(UInt8(ascii: "["))
        hasEntries.append(false)
    }

    mutating func closeArray() {
        close(UInt8(ascii: "]"))
    }

    private mutating func close(_ byte: UInt8) {
        let had = hasEntries.popLast() ?? false
        if pretty, had {
            output.append(UInt8(ascii: "\n"))
            output.appendSpaces(hasEntries.count * 2)
        }
        output.append(byte)
    }

    mutating func value(_ value: MappingValue) {
        switch value {
        case .missing, .null: output.append("null" as StaticString)
        case .bool(let flag): output.append(flag ? "true" : "false" as StaticString)
        case .number(let text): output.append(text)
        case .string(let text): JSONWriter.writeString(text, into: &output)
        case .list(let items):
            openArray()
            // Absent parts (a flat with no SAON) are left out rather than written as null.
            for item in items where item != .missing { element(item) }
            closeArray()
        case .object(let object):
            openObject()
            for member in object.members {
                key(member.key)
                self.value(MappingValue(member.value))
            }
            closeObject()
        }
    }
}
