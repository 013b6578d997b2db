import Glibc

/// An IPv4 or IPv6 socket address as the kernel takes it.
struct SocketAddress: Sendable, CustomStringConvertible {
    private(set) var storage: sockaddr_storage
    let length: socklen_t

    init(storage: sockaddr_storage, length: socklen_t) {
        self.storage = storage
        self.length = length
    }

    var family: Int32 { Int32(storage.ss_family) }

    /// The port in host byte order.
    var port: Int {
        withUnsafeBytes(of: storage) { raw in
            if family == AF_INET6 {
                return Int(UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: MemoryLayout<sockaddr_in6>.offset(of: \.sin6_port) ?? 2, as: UInt16.self)))
            }
            return Int(UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: MemoryLayout<sockaddr_in>.offset(of: \.sin_port) ?? 2, as: UInt16.self)))
        }
    }

    /// The numeric host, `127.0.0.1` or `::1`.
    var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let ok: Bool = withUnsafeBytes(of: storage) { raw in
            guard let base = raw.baseAddress else { return false }
            if family == AF_INET6 {
                let offset = MemoryLayout<sockaddr_in6>.offset(of: \.sin6_addr) ?? 8
                return inet_ntop(AF_INET6, base + offset, &text, socklen_t(text.count)) != nil
            }
            let offset = MemoryLayout<sockaddr_in>.offset(of: \.sin_addr) ?? 4
            return inet_ntop(AF_INET, base + offset, &text, socklen_t(text.count)) != nil
        }
        guard ok else { return "?" }
        // inet_ntop wrote a NUL-terminated string into `text`; decode up to that NUL.
        let bytes = text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    var description: String { family == AF_INET6 ? "[\(host)]:\(port)" : "\(host):\(port)" }

    func withSockaddr<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) throws -> Result) rethrows -> Result {
        try withUnsafeBytes(of: storage) { raw in
            try body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// Resolves a numeric or named host for a passive (listening) socket; every address it yields.
    static func resolve(host: String, port: Int) throws(SocketError) -> [SocketAddress] {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host.isEmpty ? nil : host, String(port), &hints, &list)
        guard status == 0 else {
            // getaddrinfo reports through its return value, not errno (except for EAI_SYSTEM).
            let code = status == EAI_SYSTEM ? errno : EINVAL
            throw SocketError(call: "getaddrinfo(\(host)): \(String(cString: gai_strerror(status)))", code: code)
        }
        defer { freeaddrinfo(list) }
        var addresses: [SocketAddress] = []
        var cursor = list
        while let info = cursor {
            if let address = info.pointee.ai_addr, info.pointee.ai_family == AF_INET || info.pointee.ai_family == AF_INET6 {
                var storage = sockaddr_storage()
                let length = min(Int(info.pointee.ai_addrlen), MemoryLayout<sockaddr_storage>.size)
                withUnsafeMutableBytes(of: &storage) { target in
                    target.copyMemory(from: UnsafeRawBufferPointer(start: address, count: length))
                }
                let candidate = SocketAddress(storage: storage, length: socklen_t(length))
                if !addresses.contains(where: { $0.description == candidate.description }) {
                    addresses.append(candidate)
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }
}
