import Testing
@testable import CasewayMapping

struct ValuePathTests {
    @Test func printsKeysAndIndexesAsConfigurationErrorsNameThem() {
        let path = ValuePath.root / "clients" / 1 / "scopes" / 0
        #expect(path.description == "clients[1].scopes[0]")
    }

    @Test func quotesKeysThatAreNotIdentifiers() {
        let path = ValuePath.root / "lookup" / "HW POT"
        #expect(path.description == #"lookup["HW POT"]"#)
    }

    @Test func rootHasAReadableName() {
        #expect(ValuePath.root.description == "(root)")
    }
}
