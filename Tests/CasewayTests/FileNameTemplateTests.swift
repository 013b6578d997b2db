import CasewayMapping
import CasewayStore
import Testing

@testable import Caseway

struct FileNameTemplateTests {
    func problems(_ source: String) -> [String] {
        do {
            _ = try FileNameTemplate(source, namespaces: ["crm": "urn:example:crm"])
            return []
        } catch {
            return error.problems
        }
    }

    func name(_ template: String, _ parcel: Parcel, fileExtension: String? = nil, timeZone: String = "Europe/London") throws -> String {
        let settings = try FileConnectorFixtures.settings(
            directory: FileConnectorFixtures.lateJuneFolder, fileName: template, fileExtension: fileExtension, timeZone: timeZone)
        return try FileDropTransport(settings: settings, connector: "drop").fileName(for: parcel).get()
    }

    @Test func defaultTemplate_IsTheDeliveryIDWithTheDerivedExtension() throws {
        let parcel = FileConnectorFixtures.parcel(contentType: "text/csv; charset=utf-8")
        #expect(try name("{delivery.id}", parcel) == parcel.deliveryID.text + ".csv")
    }

    @Test(arguments: [
        ("text/csv", "csv"), ("application/xml", "xml"), ("text/xml", "xml"), ("application/soap+xml", "xml"),
        ("application/json", "json"), ("application/problem+json", "json"), ("text/plain", "txt"), ("garbage", "txt"),
    ])
    func extension_IsDerivedFromThePayloadMediaType(contentType: String, expected: String) {
        #expect(FileDropTransport.derivedExtension(contentType) == expected)
    }

    @Test func explicitExtension_AndNone() throws {
        let parcel = FileConnectorFixtures.parcel()
        #expect(try name("{delivery.id}", parcel, fileExtension: "dat") == parcel.deliveryID.text + ".dat")
        #expect(try name("{delivery.id}", parcel, fileExtension: "") == parcel.deliveryID.text)
    }

    @Test func everyPlaceholder_IsRendered() throws {
        let parcel = FileConnectorFixtures.parcel(senderReference: "FMS-1234", client: "webforms")
        let rendered = try name(
            "{date:yyyyMMdd}_{case.client}_{case.sender_reference}_{field:$.service_code}_{case.id}_{delivery.id}", parcel,
            fileExtension: "")
        #expect(
            rendered
                == "20260701_webforms_FMS-1234_WASTE-01_\(parcel.caseRecord.id.text)_\(parcel.deliveryID.text)")
    }

    @Test func date_IsTheParcelsNowInTheConfiguredZone() throws {
        let parcel = FileConnectorFixtures.parcel()
        #expect(try name("{date:yyyy-MM-dd'T'HHmm}-{case.id}", parcel, fileExtension: "", timeZone: "Europe/London").hasPrefix("2026-07-01T0030-"))
        #expect(try name("{date:yyyy-MM-dd'T'HHmm}-{case.id}", parcel, fileExtension: "", timeZone: "UTC").hasPrefix("2026-06-30T2330-"))
    }

    @Test func xpathField_UsesTheIntakeNamespaces() throws {
        let parcel = FileConnectorFixtures.parcel(
            caseContentType: "application/xml",
            caseBody: #"<crm:ServiceRequest xmlns:crm="urn:example:crm"><crm:Service code="HWY-7"/></crm:ServiceRequest>"#)
        #expect(try name("{field:/crm:ServiceRequest/crm:Service/@code}-{delivery.id}", parcel, fileExtension: "") == "HWY-7-" + parcel.deliveryID.text)
    }

    @Test func absentValues_RenderAsNothing() throws {
        let parcel = FileConnectorFixtures.parcel(senderReference: nil)
        #expect(try name("{case.sender_reference}{field:$.nowhere}-{delivery.id}", parcel, fileExtension: "") == "-" + parcel.deliveryID.text)
    }

    @Test func hostileValues_StayInOneNameInsideTheFolder() throws {
        let parcel = FileConnectorFixtures.parcel(
            caseBody: #"{"service_code":"../../etc/passwd"}"#, senderReference: "..\\..\\boot.ini")
        let rendered = try name("{field:$.service_code}-{case.sender_reference}-{delivery.id}", parcel)
        #expect(!rendered.contains("/") && !rendered.contains("\\") && !rendered.contains(".."))
        #expect(!rendered.hasPrefix("."))
    }

    @Test func longValues_AreCut_ButTheIDsNeverAre() throws {
        let long = String(repeating: "x", count: 300)
        let parcel = FileConnectorFixtures.parcel(caseBody: "{\"a\":\"\(long)\",\"b\":\"\(long)\"}", senderReference: long)
        let rendered = try name("{field:$.a}{field:$.b}{case.sender_reference}-{delivery.id}", parcel)
        #expect(rendered.utf8.count == FileNameSanitiser.nameByteLimit)
        #expect(rendered.hasSuffix("-" + parcel.deliveryID.text + ".csv"))
    }

    @Test func unknownPlaceholder_SuggestsTheClosest() {
        #expect(problems("{case.idd}") == [
            "unknown placeholder {case.idd} (did you mean \"case.id\"?) (known: {case.id}, {delivery.id}, {case.sender_reference}, {case.client}, {date:PATTERN}, {field:PATH})"
        ])
        #expect(problems("{dat:yyyy}-{case.id}").first?.contains("(did you mean \"date\"?)") == true)
    }

    @Test func unbalancedBraces_AreReported() {
        #expect(problems("{delivery.id") == [#"unbalanced braces: "{delivery.id" is not closed with "}""#])
        #expect(problems("x}{delivery.id}") == [#"unbalanced braces: "}" without an opening "{""#])
        #expect(problems("{a{delivery.id}").first?.hasPrefix("unbalanced braces") == true)
    }

    @Test func badDatePattern_IsReported() {
        let found = problems("{date:YYYYMMdd}-{case.id}")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("{date:YYYYMMdd}: \"YYYYMMdd\" is not a date-time pattern") == true)
        #expect(problems("{date:}-{case.id}") == ["{date:} needs a pattern, e.g. {date:yyyyMMdd}"])
    }

    @Test func badFieldPath_IsReported() {
        #expect(problems("{field:ward}-{case.id}").first?.hasPrefix("{field:ward}: \"ward\" is not a case field") == true)
        #expect(problems("{field:$[}-{case.id}").first?.hasPrefix("{field:$[}: not a usable JSONPath") == true)
        #expect(problems("{field:/undeclared:X}-{case.id}").first?.hasPrefix("{field:/undeclared:X}: not a usable XPath") == true)
    }

    @Test func templateWithoutAnID_IsRefused() {
        #expect(problems("{date:yyyyMMdd}-{case.sender_reference}").first?.hasPrefix("must contain {delivery.id} or {case.id}") == true)
        #expect(problems("{case.id}").isEmpty)
        #expect(problems("waste-{delivery.id}").isEmpty)
    }

    @Test func unsafeLiteralText_IsRefused() {
        #expect(problems("out/{delivery.id}") == [#"the literal text "out/" contains "/", which cannot be part of a file name"#])
        #expect(problems("..{delivery.id}").first?.contains(#"contains "..""#) == true)
        #expect(problems(".{delivery.id}").first?.hasPrefix(#"must not start with ".""#) == true)
        #expect(problems("a\tb{delivery.id}").first?.contains("a control character") == true)
    }
}
