/// Finds function calls in an XPath 1.0 expression that name no XPath 1.0 core function.
///
/// libxml2 compiles `concat2(a, b)` happily and fails only when it evaluates the call, which
/// would turn an integrator's typo into a delivery error at run time. This follows the
/// disambiguation rules of XPath 1.0 §3.7 far enough to tell function names from name tests,
/// axis names and operator names (`and`, `or`, `div`, `mod`), and is run only on expressions
/// libxml2 has already compiled, so it never has to report syntax errors of its own.
enum XPathFunctionCheck {
    static let coreFunctions: Set<String> = [
        "last", "position", "count", "id", "local-name", "namespace-uri", "name",
        "string", "concat", "starts-with", "contains", "substring-before", "substring-after",
        "substring", "string-length", "normalize-space", "translate",
        "boolean", "not", "true", "false", "lang",
        "number", "sum", "floor", "ceiling", "round",
    ]
    private static let nodeTypes: Set<String> = ["comment", "text", "processing-instruction", "node"]

    /// The first call of a function XPath 1.0 does not define: its name and its offset in `source`.
    static func firstUnknownFunction(in source: String) -> (name: String, offset: Int)? {
        let scalars = Array(source.unicodeScalars)
        var index = 0
        // True where an operand may start; false right after an operand, where `*` multiplies and
        // a name can only be an operator name.
        var expectsOperand = true
        func skipSpace() { while index < scalars.count, isSpace(scalars[index]) { index += 1 } }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? {
            index + offset < scalars.count ? scalars[index + offset] : nil
        }
        while true {
            skipSpace()
            guard let scalar = peek() else { return nil }
            let start = index
            switch scalar {
            case "\"", "'":
                index += 1
                while let next = peek(), next != scalar { index += 1 }
                index += 1
                expectsOperand = false
            case "0"..."9":
                while let next = peek(), next == "." || ("0"..."9").contains(next) { index += 1 }
                expectsOperand = false
            case ".":
                if let next = peek(1), ("0"..."9").contains(next) {
                    index += 1
                    while let next = peek(), ("0"..."9").contains(next) { index += 1 }
                } else {
                    index += peek(1) == "." ? 2 : 1
                }
                expectsOperand = false
            case ")", "]":
                index += 1
                expectsOperand = false
            case "*":
                index += 1
                expectsOperand = !expectsOperand
            case "$":
                index += 1
                while let next = peek(), isNameScalar(next) || next == ":" { index += 1 }
                expectsOperand = false
            case _ where isNameStart(scalar):
                while let next = peek(), isNameScalar(next) { index += 1 }
                var name = String(String.UnicodeScalarView(scalars[start..<index]))
                // A QName or `prefix:*`, but not the `::` of an axis.
                if peek() == ":", peek(1) != ":" {
                    index += 1
                    if peek() == "*" {
                        index += 1
                    } else {
                        while let next = peek(), isNameScalar(next) { index += 1 }
                    }
                    name = String(String.UnicodeScalarView(scalars[start..<index]))
                }
                if !expectsOperand {
                    expectsOperand = true  // an operator name
                    continue
                }
                let end = index
                skipSpace()
                if peek() == "(", !nodeTypes.contains(name), !coreFunctions.contains(name) {
                    return (name, start)
                }
                index = end
                expectsOperand = false
            default:
                // Punctuation and operators: `/ // | + - = != < <= > >= @ :: ( [ ,`.
                index += 1
                expectsOperand = true
            }
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    private static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        isNameStart(scalar) || scalar == "-" || scalar == "." || ("0"..."9").contains(scalar)
            || scalar == "\u{B7}"
    }
}
