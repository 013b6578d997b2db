import CasewayMapping

/// A reference to one fact of a case, as connector files write it: a JSONPath into a JSON body (`$.service_code`),
/// an XPath 1.0 into an XML body (`/crm:ServiceRequest/crm:Service/@code`, with the intake's namespace
/// prefixes), or one of the case's own facts (`client`, `content_type`, `sender_reference`).
///
/// Compiled once when the configuration loads; evaluating it never fails: a JSONPath on an XML case, an
/// XPath on a JSON case, or a path that selects nothing gives no values.
public enum CaseField: Sendable, CustomStringConvertible {
    case client
    case contentType
    case senderReference
    case json(JSONPath)
    case xml(XPathExpression)

    /// The facts a field can name without a path.
    public static let factNames = ["client", "content_type", "sender_reference"]

    /// Compiles `text`; throws a message saying what is wrong.
    public init(_ text: String, namespaces: [String: String]) throws(CaseFieldError) {
        switch text {
        case "client": self = .client
        case "content_type": self = .contentType
        case "sender_reference": self = .senderReference
        default:
            if text.hasPrefix("$") {
                do {
                    self = .json(try JSONPath(text))
                } catch {
                    throw CaseFieldError("not a usable JSONPath: \(error)")
                }
            } else if text.hasPrefix("/") {
                do {
                    self = .xml(try XPathExpression(text, namespaces: namespaces))
                } catch {
                    throw CaseFieldError("not a usable XPath: \(error)")
                }
            } else {
                throw CaseFieldError(
                    "\"\(text)\" is not a case field: write a JSONPath (\"$.service_code\"), an XPath"
                        + " (\"/crm:ServiceRequest/crm:Service/@code\") or one of \(Self.factNames.joined(separator: ", "))"
                        + DidYouMean.hint(for: text, among: Self.factNames))
            }
        }
    }

    /// The field as written.
    public var description: String {
        switch self {
        case .client: "client"
        case .contentType: "content_type"
        case .senderReference: "sender_reference"
        case .json(let path): path.source
        case .xml(let expression): expression.source
        }
    }

    /// The field's values in `document` as text: none when it selects nothing, several for a wildcard or a
    /// node-set. Objects and arrays of a JSON body are not text and are left out; `null` is no value.
    public func values(in document: CaseDocument) -> [String] {
        switch self {
        case .client: return [document.client]
        case .contentType: return [document.contentType]
        case .senderReference: return document.senderReference.map { [$0] } ?? []
        case .json(let path):
            guard case .json(let root) = document.body, let value = path.evaluate(root) else { return [] }
            if path.collects, case .array(let items) = value { return items.compactMap(Self.text) }
            return Self.text(value).map { [$0] } ?? []
        case .xml(let expression):
            guard case .xml(let xml) = document.body, let result = try? expression.evaluate(in: xml) else { return [] }
            switch result {
            case .string(let text): return [text]
            case .nodes(let nodes): return nodes.map(\.textContent)
            case .number(let number): return [number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)]
            case .boolean(let flag): return flag ? ["true"] : []
            }
        }
    }

    private static func text(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let number): number.text
        case .bool(let flag): flag ? "true" : "false"
        case .null, .array, .object: nil
        }
    }
}
