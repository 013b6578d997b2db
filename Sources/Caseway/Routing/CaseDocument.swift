import CasewayMapping
import CasewayStore

/// A case's body parsed once, with the facts routing and file names may ask about.
///
/// Built at intake (from the body that passed the checks) and again by a delivery worker when a
/// connector needs the case's fields (a `{field:…}` in a file name).
public struct CaseDocument: Sendable {
    /// The parsed body.
    public enum Body: Sendable {
        case json(JSONValue)
        case xml(XMLDocument)
    }

    /// The client that submitted the case.
    public var client: String
    /// The case's media type, e.g. `application/json`.
    public var contentType: String
    /// The sender's own reference, when it gave one.
    public var senderReference: String?
    /// The parsed body.
    public var body: Body

    public init(client: String, contentType: String, senderReference: String?, body: Body) {
        self.client = client
        self.contentType = contentType
        self.senderReference = senderReference
        self.body = body
    }

    /// Parses a stored case's body again (it passed intake, so only a limit change can make this fail).
    public init(record: CaseRecord, maxDepth: Int = 64) throws(CaseDocumentError) {
        let media = MediaType(record.contentType)
        let body: Body
        if media?.isXML == true {
            var options = XMLDocument.Options()
            options.maxDepth = maxDepth
            do {
                body = .xml(try XMLDocument(parsing: record.body, sourceName: "case \(record.id)", options: options))
            } catch {
                throw CaseDocumentError(caseID: record.id, message: "its XML body cannot be read: \(error)")
            }
        } else {
            do {
                body = .json(try JSONParser(dialect: .json, maxDepth: maxDepth).parse(record.body).value)
            } catch {
                throw CaseDocumentError(caseID: record.id, message: "its JSON body cannot be read: \(error.message)")
            }
        }
        self.init(client: record.client, contentType: record.contentType, senderReference: record.senderReference, body: body)
    }
}
