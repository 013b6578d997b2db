extension ValuePath {
    /// The path as an RFC 6901 JSON Pointer (`/location/lat`, `/photos/0/url`), the way API errors name fields.
    public var jsonPointer: String {
        var text = ""
        for component in components {
            text += "/"
            switch component {
            case .key(let key):
                for character in key {
                    switch character {
                    case "~": text += "~0"
                    case "/": text += "~1"
                    default: text.append(character)
                    }
                }
            case .index(let index):
                text += String(index)
            }
        }
        return text
    }
}
