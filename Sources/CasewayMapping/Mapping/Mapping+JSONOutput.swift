extension Mapping {
    /// Writes the fields as one JSON object, keys in the mapping's order, straight into one byte buffer.
    func writeJSON(_ run: MappingRun) -> [UInt8] {
        var emitter = JSONEmitter(pretty: jsonPretty)
        emitter.openObject()
        writeMembers(nodes, run: run, item: nil, into: &emitter)
        emitter.closeObject()
        if jsonPretty { emitter.output.append(UInt8(ascii: "\n")) }
        return emitter.output.withBytes { Array($0) }
    }

    private func writeMembers(_ nodes: [OutputNode], run: MappingRun, item: MappingItem?, into emitter: inout JSONEmitter) {
        for node in nodes {
            switch node {
            case .element(let name, let children):
                emitter.key(name.localName)
                emitter.openObject()
                writeMembers(children, run: run, item: item, into: &emitter)
                emitter.closeObject()
            case .field(let field):
                guard let value = run.value(of: field, item: item) else { continue }
                if let dynamic = field.dynamicName {
                    do throws(FieldFailure) {
                        emitter.key(try run.value(of: dynamic, item: item).text)
                    } catch {
                        run.report(target: field.target, error, source: dynamic.source.label)
                        continue
                    }
                } else {
                    emitter.key(field.name.localName)
                }
                emitter.value(value)
            case .group(let group):
                guard let items = run.groupItems(group, item: item) else { continue }
                emitter.key(group.name?.localName ?? group.target)
                writeGroup(group, items: items, run: run, into: &emitter)
            }
        }
    }

    private func writeGroup(_ group: GroupRule, items: [MappingItem], run: MappingRun, into emitter: inout JSONEmitter) {
        let selfField: FieldRule? = group.children.count == 1 ? {
            if case .field(let field) = group.children[0], field.name.isSelf, field.dynamicName == nil { return field }
            return nil
        }() : nil
        let keyed = group.item == nil && group.children.contains {
            if case .field(let field) = $0 { return field.dynamicName != nil }
            return false
        }
        if keyed {
            emitter.openObject()
            for (index, item) in items.enumerated() {
                run.withItem(group.target, index: index) { writeMembers(group.children, run: run, item: item, into: &emitter) }
            }
            emitter.closeObject()
            return
        }
        emitter.openArray()
        for (index, item) in items.enumerated() {
            run.withItem(group.target, index: index) {
                if let selfField {
                    emitter.element(run.value(of: selfField, item: item) ?? .null)
                } else {
                    emitter.beginElement()
                    emitter.openObject()
                    writeMembers(group.children, run: run, item: item, into: &emitter)
                    emitter.closeObject()
                }
            }
        }
        emitter.closeArray()
    }
}
