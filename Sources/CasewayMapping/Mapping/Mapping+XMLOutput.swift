extension Mapping {
    /// Writes the fields as one XML document through libxml2, inside a SOAP envelope when the mapping asks.
    func writeXML(_ run: MappingRun) -> [UInt8] {
        do {
            let writer = try XMLWriter(options: XMLWriter.Options(prettyPrinted: xml.pretty, includesDeclaration: xml.declaration))
            if let soap = xml.soap {
                // The operation's namespace is declared where it is first used (on the operation element),
                // as SOAP toolkits write it.
                try writer.startElement("Envelope", namespace: soap.version.envelopeNamespace, prefix: soap.prefix)
                try writer.startElement("Body", namespace: soap.version.envelopeNamespace, prefix: soap.prefix)
                for wrapper in soap.wrappers {
                    try writer.startElement(wrapper.localName, namespace: wrapper.namespace, prefix: wrapper.prefix)
                }
                try writeRoot(writer, run: run)
                for _ in soap.wrappers { try writer.endElement() }
                try writer.endElement()
                try writer.endElement()
            } else {
                try writeRoot(writer, run: run)
            }
            return try writer.finish()
        } catch {
            run.report(MappingProblem(target: "output", message: "could not be written as XML: \(error)"))
            return []
        }
    }

    private func declareNamespaces(_ writer: XMLWriter) throws {
        for (prefix, uri) in xml.namespaces { try writer.declareNamespace(uri, prefix: prefix) }
    }

    private func writeRoot(_ writer: XMLWriter, run: MappingRun) throws {
        try writer.startElement(xml.root.localName, namespace: xml.root.namespace, prefix: xml.root.prefix)
        try declareNamespaces(writer)
        try writeChildren(nodes, writer: writer, run: run, item: nil)
        try writer.endElement()
    }

    /// Writes nodes into the innermost open element. Only structural writer failures throw; a bad value or
    /// name becomes a problem for its field, and the rest of the document is still checked.
    private func writeChildren(_ nodes: [OutputNode], writer: XMLWriter, run: MappingRun, item: MappingItem?) throws {
        for node in nodes {
            switch node {
            case .element(let name, let children):
                try writer.startElement(name.localName, namespace: name.namespace, prefix: name.prefix)
                try writeChildren(children, writer: writer, run: run, item: item)
                try writer.endElement()
            case .field(let field):
                guard let value = run.value(of: field, item: item) else { continue }
                writeField(field, value: value, writer: writer, run: run, item: item)
            case .group(let group):
                guard let items = run.groupItems(group, item: item) else { continue }
                if let name = group.name { try writer.startElement(name.localName, namespace: name.namespace, prefix: name.prefix) }
                for (index, current) in items.enumerated() {
                    run.enterItem(group.target, index: index)
                    defer { run.leaveItem() }
                    if let element = group.item {
                        try writer.startElement(element.localName, namespace: element.namespace, prefix: element.prefix)
                    }
                    try writeChildren(group.children, writer: writer, run: run, item: current)
                    if group.item != nil { try writer.endElement() }
                }
                if group.name != nil { try writer.endElement() }
            }
        }
    }

    /// Writes one field; a writer failure becomes a problem for the field.
    private func writeField(_ field: FieldRule, value: MappingValue, writer: XMLWriter, run: MappingRun, item: MappingItem?) {
        let text: String
        switch value {
        case .object:
            run.report(target: field.target, FieldFailure("is an object; XML output takes one value (choose a member)"), source: field.rule.source.label)
            return
        default:
            text = value.text
        }
        do {
            if field.isAttribute {
                try writer.attribute(field.name.localName, text, namespace: field.name.namespace, prefix: field.name.prefix)
            } else if field.name.isSelf, field.dynamicName == nil {
                if field.cdata { try writer.cdata(text) } else { try writer.text(text) }
            } else {
                var name = field.name
                if let dynamic = field.dynamicName {
                    do throws(FieldFailure) {
                        name = OutputName(localName: try run.value(of: dynamic, item: item).text)
                    } catch {
                        run.report(target: field.target, error, source: dynamic.source.label)
                        return
                    }
                }
                if field.cdata {
                    try writer.startElement(name.localName, namespace: name.namespace, prefix: name.prefix)
                    try writer.cdata(text)
                    try writer.endElement()
                } else {
                    try writer.element(name.localName, namespace: name.namespace, prefix: name.prefix, text: text)
                }
            }
        } catch let error as XMLError {
            run.report(target: field.target, FieldFailure(error.message), source: field.rule.source.label)
        } catch {
            run.report(target: field.target, FieldFailure("\(error)"), source: field.rule.source.label)
        }
    }
}
