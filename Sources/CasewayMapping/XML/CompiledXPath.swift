import CLibXML2

/// A compiled expression owned by one `XPathExpression`'s pool.
///
/// Unchecked Sendable: the pool hands each copy to one evaluation at a time, under its lock.
struct CompiledXPath: @unchecked Sendable {
    let pointer: xmlXPathCompExprPtr
}
