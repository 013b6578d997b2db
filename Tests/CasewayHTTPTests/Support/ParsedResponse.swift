import Foundation

/// A response split into status line, header fields and body, for assertions.
struct ParsedResponse {
    var statusLine: String
    var headers: [(String, String)]
    var body: String

    /// The first value of a header, ignoring case.
    func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    var status: Int { Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }

    /// Splits a stream of responses; `headRequests` holds the positions of answers to HEAD (no body despite a length).
    static func split(_ text: String, headRequests: Set<Int> = []) -> [ParsedResponse] {
        var responses: [ParsedResponse] = []
        var rest = Substring(text)
        while let headEnd = rest.range(of: "\r\n\r\n") {
            let lines = rest[..<headEnd.lowerBound].components(separatedBy: "\r\n")
            let headers = lines.dropFirst().map { line -> (String, String) in
                let parts = line.split(separator: ":", maxSplits: 1)
                return (String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : "")
            }
            var response = ParsedResponse(statusLine: lines[0], headers: headers, body: "")
            rest = rest[headEnd.upperBound...]
            let length = headRequests.contains(responses.count) ? 0 : Int(response.header("Content-Length") ?? "0") ?? 0
            let bodyEnd = rest.utf8.index(rest.startIndex, offsetBy: min(length, rest.utf8.count))
            response.body = String(rest[..<bodyEnd])
            rest = rest[bodyEnd...]
            responses.append(response)
        }
        return responses
    }
}
