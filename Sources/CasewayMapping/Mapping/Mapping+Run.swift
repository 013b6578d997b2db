extension Mapping {
    /// Maps one document: the output bytes, or every problem at once. The fuzzing and benchmark entry point.
    /// `variables` are values the hub knows about the case (`case_id`) that sources name with `variable`.
    public func run(_ input: [UInt8], variables: [String: String] = [:]) throws(MappingFailure) -> [UInt8] {
        // withUnsafeBytes rethrows untyped, so the outcome travels out as a Result.
        let result = input.withUnsafeBytes { bytes in
            Result { () throws(MappingFailure) -> [UInt8] in try run(bytes, variables: variables) }
        }
        return try result.get()
    }

    /// Maps one document held in memory the caller owns.
    public func run(_ input: UnsafeRawBufferPointer, variables: [String: String] = [:]) throws(MappingFailure) -> [UInt8] {
        guard input.count <= limits.maxInputBytes else {
            throw MappingFailure(problems: [
                MappingProblem(
                    target: "input", message: "is \(input.count) bytes, more than the limit of \(limits.maxInputBytes)")
            ])
        }
        return try write(MappingRun(input: try parse(input), limits: limits, variables: variables))
    }

    /// Maps an XML document the caller parsed already, with its own limits: a caller that must tell a body
    /// that is not XML (its own error) from one this mapping cannot map parses first, then calls this.
    public func run(_ document: XMLDocument, variables: [String: String] = [:]) throws(MappingFailure) -> [UInt8] {
        guard input == .xml else {
            throw MappingFailure(problems: [MappingProblem(target: "input", message: "is XML, but mapping \(name) reads JSON")])
        }
        let evaluator: XPathEvaluator
        do {
            evaluator = try XPathEvaluator(document: document)
        } catch {
            throw MappingFailure(problems: [MappingProblem(target: "input", message: "cannot be searched with XPath: \(error)")])
        }
        return try write(MappingRun(input: .xml(document, evaluator), limits: limits, variables: variables))
    }

    /// Writes the output of `run`, or throws every problem it met.
    private func write(_ run: MappingRun) throws(MappingFailure) -> [UInt8] {
        let output: [UInt8]
        switch self.output {
        case .json: output = writeJSON(run)
        case .xml: output = writeXML(run)
        case .csv: output = writeCSV(run)
        }
        if !run.problems.isEmpty { throw MappingFailure(problems: run.problems) }
        return output
    }

    private func parse(_ input: UnsafeRawBufferPointer) throws(MappingFailure) -> MappingInputDocument {
        switch self.input {
        case .json:
            // The fast path; anything it leaves (and every error) is parsed as a tree, as before.
            if allowsFastPaths, let tape = try? JSONTape.scan(input, maxDepth: limits.maxDepth) { return .jsonTape(tape) }
            do throws(JSONParseError) {
                let document = try JSONParser(dialect: .json, maxDepth: limits.maxDepth, recordLocations: false).parse(input)
                return .json(document.value)
            } catch {
                throw MappingFailure(problems: [
                    MappingProblem(target: "input", message: "is not valid JSON: \(error.location): \(error.message)")
                ])
            }
        case .xml:
            do {
                let options = XMLDocument.Options(
                    maxInputBytes: limits.maxInputBytes, maxDepth: limits.maxDepth, maxTextBytes: limits.maxTextBytes)
                let document = try XMLDocument(parsing: input.bindMemory(to: UInt8.self), options: options)
                return .xml(document, try XPathEvaluator(document: document))
            } catch let error as XMLError {
                throw MappingFailure(problems: [MappingProblem(target: "input", message: "is not accepted XML: \(error.message)")])
            } catch {
                throw MappingFailure(problems: [MappingProblem(target: "input", message: "is not accepted XML: \(error)")])
            }
        }
    }
}
