extension Mapping {
    /// Writes a header row (unless turned off) and one row per document or per item, RFC 4180 quoted.
    func writeCSV(_ run: MappingRun) -> [UInt8] {
        let fields: [FieldRule] = nodes.compactMap {
            if case .field(let field) = $0 { return field }
            return nil
        }
        var text = ""
        if csv.header { csv.writer.append(row: fields.map(\.name.localName), to: &text) }
        var items: [MappingItem?] = [nil]
        if let rows = csv.rows {
            do throws(FieldFailure) {
                items = try run.items(of: rows, item: nil).map { $0 }
            } catch {
                run.report(target: "rows", error, source: rows.label)
                return []
            }
        }
        for (index, item) in items.enumerated() {
            let write = {
                let row = fields.map { run.value(of: $0, item: item)?.text ?? "" }
                csv.writer.append(row: row, to: &text)
            }
            if csv.rows != nil { run.withItem("rows", index: index, write) } else { write() }
        }
        return Array(text.utf8)
    }
}
