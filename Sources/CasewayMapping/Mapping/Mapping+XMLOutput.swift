extension Mapping {
    /// Writes the fields as one XML document: straight as text when the mapping's output is plain XML
    /// (see `XMLTextWriter`), else (or when the text writer declines this document) through libxml2,
    /// inside a SOAP envelope when the mapping asks.
    func writeXML(_ run: MappingRun) -> [UInt8] {
        if writesPlainXML, allowsFastPaths {
            let mark = run.problems.count
            do {
                var writer = XMLTextWriter()
                try writeRoot(&writer, run: run)
                return try writer.finish()
            } catch {
                // Written again through libxml2, from scratch: this attempt's problems would be reported twice.
                run.forgetProblems(after: mark)
            }
        }
        do {
            var writer = try XMLWriter(options: XMLWriter.Options(prettyPrinted: xml.pretty, includesDeclaration: xml.declaration))
            if let soap = xml.soap {
                // The operation's namespace is declared where it is first used (on the operation element),
                // as SOAP toolkits write it.
                try writer.startElement("Envelope", namespace: soap.version.envelopeNamespace, prefix: soap.prefix)
                try writer.startElement("Body", namespace: soap.version.envelopeNamespace, prefix: soap.prefix)
                for wrapper in soap.wrappers {
                    try writer.startElement(wrapper.localName, namespace: wrapper.namespace, prefix: wrapper.prefix)
                }
                try writeRoot(&writer, run: run)
                for _ in soap.wrappers { try writer.endElement() }
                try writer.endElement()
                try writer.endElement()
            } else {
                try writeRoot(&writer, run: run)
            }
            return try writer.finish()
        } catch {
            run.report(MappingProblem(target: "output", message: "could not be written as XML: \(error)"))
            return []
        }
    }

    /// Whether `XMLTextWriter` can write this mapping's documents: no SOAP, namespaces, CDATA or
    /// indentation, and the declaration on.
    static func writesPlainXML(_ settings: XMLOutputSettings, nodes: [OutputNode]) -> Bool {
        func plain(_ name: OutputName?) -> Bool { name?.namespace == nil && name?.prefix == nil }
        func plain(_ nodes: [OutputNode]) -> Bool {
            nodes.allSatisfy { node in
                switch node {
                case .element(let name, let children): plain(name) && plain(children)
                case .field(let field): plain(field.name) && !field.cdata
                case .group(let group): plain(group.name) && plain(group.item) && plain(group.children)
                }
            }
        }
        return settings.soap == nil && settings.namespaces.isEmpty && !settings.pretty && settings.declaration
            && plain(settings.root) && plain(nodes)
    }

    private func declareNamespaces<Writer: XMLOutputWriter & ~Copyable>(_ writer: inout Writer) throws {
        for (prefix, uri) in xml.namespaces { try writer.declareNamespace(uri, prefix: prefix) }
    }

    private func writeRoot<Writer: XMLOutputWriter & ~Copyable>(_ writer: inout Writer, run: MappingRun) throws {
        try writer.startElement(xml.root.localName, namespace: xml.root.namespace, prefix: xml.root.prefix)
        try declareNamespaces(&writer)
        try writeChildren(nodes, writer: &writer, run: run, item: nil)
        try writer.endElement()
    }

    /// Writes nodes into the innermost open element. Only structural writer failures throw; a bad value or
    /// name becomes a problem for its field, and the rest of the document is still checked.
    private func writeChildren<Writer: XMLOutputWriter & ~Copyable>(
        _ nodes: [OutputNode], writer: inout Writer, run: MappingRun, item: MappingItem?
    ) throws {
        for node in nodes {
            switch node {
            case .element(let name, let children):
                try writer.startElement(name.localName, namespace: name.namespace, prefix: name.prefix)
                try writeChildren(children, writer: &writer, run: run, item: item)
                try writer.endElement()
            case .field(let field):
                guard let value = run.value(of: field, item: item) else { continue }
                try writeField(field, value: value, writer: &writer, run: run, item: item)
            case .group(let group):
                guard let items = run.groupItems(group, item: item) else { continue }
                if let name = group.name { try writer.startElement(name.localName, namespace: name.namespace, prefix: name.prefix) }
                for (index, current) in items.enumerated() {
                    run.enterItem(group.target, index: index)
                    defer { run.leaveItem() }
                    if let element = group.item {
                        try writer.startElement(element.localName, namespace: element.namespace, prefix: element.prefix)
                    }
                    try writeChildren(group.children, writer: &writer, run: run, item: current)
                    if group.item != nil { try writer.endElement() }
                }
                if group.name != nil { try writer.endElement() }
            }
        }
    }

    /// Writes one field; a writer failure becomes a problem for the field, except `XMLTextWriter`'s
    /// refusals, which send the whole document to libxml2.
    private func writeField<Writer: XMLOutputWriter & ~Copyable>(
        _ field: FieldRule, value: MappingValue, writer: inout Writer, run: MappingRun, item: MappingItem?
    ) throws {
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
        } catch let refusal as XMLTextWriter.Unsupported {
            throw refusal
        } catch let error as XMLError {
            run.report(target: field.target, FieldFailure(error.message), source: field.rule.source.label)
        } catch {
            run.report(target: field.target, FieldFailure("\(error)"), source: field.rule.source.label)
        }
    }
}
