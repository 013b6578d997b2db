extension NumberFormat {
    /// Whole numbers without grouping: how back offices take eastings and northings.
    static let wholeMetres: NumberFormat = {
        do {
            return try NumberFormat(fractionDigits: 0)
        } catch {
            // The arguments are constants within range; this branch cannot run.
            preconditionFailure("NumberFormat(fractionDigits: 0) is valid")
        }
    }()
}
