import Foundation
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

extension HubProcess {
    /// One request to a path with a query string (`request` would percent-encode the `?`).
    func request(
        _ method: String, target: String, key: String? = HubProcess.operatorKey, json: Any? = nil
    ) async throws -> (status: Int, headers: [String: String], body: Data) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port)\(target)"))
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        if let key { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for (name, value) in http.allHeaderFields {
            if let name = name as? String, let value = value as? String { fields[name.lowercased()] = value }
        }
        return (http.statusCode, fields, data)
    }
}
