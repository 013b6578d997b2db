import CLibXML2

extension XMLError {
    /// libxml2 2.9.14 fills `code`, the expression and the offset of an XPath error but leaves the
    /// message empty when a context error callback is set, so the wording comes from here.
    private static let xpathMessages: [Int: String] = [
        Int(XPATH_NUMBER_ERROR.rawValue): "number encoding",
        Int(XPATH_UNFINISHED_LITERAL_ERROR.rawValue): "unfinished string literal",
        Int(XPATH_START_LITERAL_ERROR.rawValue): "string literal expected",
        Int(XPATH_VARIABLE_REF_ERROR.rawValue): "variables are not supported",
        Int(XPATH_UNDEF_VARIABLE_ERROR.rawValue): "undefined variable",
        Int(XPATH_INVALID_PREDICATE_ERROR.rawValue): "invalid predicate",
        Int(XPATH_EXPR_ERROR.rawValue): "invalid expression",
        Int(XPATH_UNCLOSED_ERROR.rawValue): "missing closing bracket or parenthesis",
        Int(XPATH_UNKNOWN_FUNC_ERROR.rawValue): "unknown function",
        Int(XPATH_INVALID_OPERAND.rawValue): "invalid operand",
        Int(XPATH_INVALID_TYPE.rawValue): "wrong type (a node-set was expected)",
        Int(XPATH_INVALID_ARITY.rawValue): "wrong number of arguments to a function",
        Int(XPATH_INVALID_CTXT_SIZE.rawValue): "invalid context size",
        Int(XPATH_INVALID_CTXT_POSITION.rawValue): "invalid context position",
        Int(XPATH_MEMORY_ERROR.rawValue): "out of memory",
        Int(XPATH_UNDEF_PREFIX_ERROR.rawValue): "undeclared namespace prefix",
        Int(XPATH_ENCODING_ERROR.rawValue): "invalid encoding",
        Int(XPATH_INVALID_CHAR_ERROR.rawValue): "invalid character",
        Int(XPATH_INVALID_CTXT.rawValue): "invalid context node",
        Int(XPATH_STACK_ERROR.rawValue): "stack usage error",
        Int(XPATH_FORBID_VARIABLE_ERROR.rawValue): "variables are not supported",
        Int(XPATH_OP_LIMIT_EXCEEDED.rawValue): "operation limit exceeded",
        Int(XPATH_RECURSION_LIMIT_EXCEEDED.rawValue): "expression nested too deeply",
    ]

    /// The error libxml2 left in an XPath context, for the expression `source`.
    static func xpath(_ code: Code, _ error: xmlError, source: String) -> XMLError {
        let number = Int(error.code) - Int(XML_XPATH_EXPRESSION_OK.rawValue)
        let reason = xpathMessages[number] ?? "libxml2 XPath error \(error.code)"
        var message = "\(reason) in XPath '\(source)'"
        // int1 is the byte offset in the expression where libxml2 stopped.
        if code == .invalidXPath, error.int1 >= 0 {
            message += " at character \(String(decoding: source.utf8.prefix(Int(error.int1)), as: UTF8.self).count + 1)"
        }
        return XMLError(code, message, libxml2Code: Int(error.code))
    }
}
