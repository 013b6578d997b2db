/// Reads the text of a JSONPath into steps, one character at a time.
struct JSONPathParser {
    private let characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    mutating func parse() throws(JSONPathError) -> (relative: Bool, steps: [JSONPath.Step]) {
        guard let first = characters.first, first == "$" || first == "@" else {
            throw JSONPathError("a JSONPath starts with \"$\" (the document) or \"@\" (the current item)")
        }
        position = 1
        var steps: [JSONPath.Step] = []
        while position < characters.count {
            let character = characters[position]
            if character == "." {
                position += 1
                if position < characters.count, characters[position] == "*" {
                    position += 1
                    steps.append(.wildcard)
                    continue
                }
                let name = readName()
                guard !name.isEmpty else { throw JSONPathError("expected a key after \".\" at character \(position + 1)") }
                steps.append(.key(name))
            } else if character == "[" {
                position += 1
                steps.append(try readBracket())
            } else {
                throw JSONPathError("unexpected \"\(character)\" at character \(position + 1) (expected \".\" or \"[\")")
            }
        }
        return (first == "@", steps)
    }

    private mutating func readName() -> String {
        let start = position
        while position < characters.count, characters[position] != ".", characters[position] != "[", characters[position] != "]" {
            position += 1
        }
        return String(characters[start..<position])
    }

    private mutating func readBracket() throws(JSONPathError) -> JSONPath.Step {
        guard position < characters.count else { throw JSONPathError("unclosed \"[\"") }
        let step: JSONPath.Step
        let character = characters[position]
        if character == "*" {
            position += 1
            step = .wildcard
        } else if character == "'" || character == "\"" {
            position += 1
            let start = position
            while position < characters.count, characters[position] != character { position += 1 }
            guard position < characters.count else { throw JSONPathError("unclosed quoted key") }
            step = .key(String(characters[start..<position]))
            position += 1
        } else {
            let start = position
            if position < characters.count, characters[position] == "-" { position += 1 }
            while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
            guard let index = Int(String(characters[start..<position])) else {
                throw JSONPathError(
                    "expected an index, \"*\" or a quoted key after \"[\" at character \(start + 1)"
                        + " (filters and slices are not supported)")
            }
            step = .index(index)
        }
        guard position < characters.count, characters[position] == "]" else {
            throw JSONPathError("expected \"]\" at character \(position + 1)")
        }
        position += 1
        return step
    }
}
