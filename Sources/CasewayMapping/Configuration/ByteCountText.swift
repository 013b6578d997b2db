/// Sizes as integrators write them in configuration: `"512 KiB"`, `"1 MiB"`, `"64kB"`, `"1048576"`.
public enum ByteCountText {
    private static let units: [(suffix: String, bytes: Int)] = [
        ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30),
        ("kB", 1000), ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ]

    /// Parses a whole number with an optional unit.
    public static func parse(_ text: String) -> Int? {
        let trimmed = TextTransforms.trim(text)
        if let plain = Int(trimmed), plain >= 0 { return plain }
        for (suffix, bytes) in units where trimmed.hasSuffix(suffix) {
            let number = TextTransforms.trim(String(trimmed.dropLast(suffix.count)))
            guard let value = Int(number), value >= 0 else { return nil }
            let (product, overflow) = value.multipliedReportingOverflow(by: bytes)
            return overflow ? nil : product
        }
        return nil
    }
}
