import CasewayMapping

extension JSONParser {
    /// The error parsing `text` throws, or nil if it parses; lets tests state the expected error plainly.
    func failure(_ text: String) -> JSONParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error
        }
    }

    /// The error parsing `bytes` throws, or nil if they parse.
    func failure(_ bytes: [UInt8]) -> JSONParseError? {
        do {
            _ = try parse(bytes)
            return nil
        } catch {
            return error
        }
    }
}
