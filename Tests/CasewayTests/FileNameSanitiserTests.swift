import Testing

@testable import Caseway

struct FileNameSanitiserTests {
    @Test func pathEscape_BecomesOneHarmlessName() {
        let safe = FileNameSanitiser.sanitise("../../etc/passwd")
        #expect(!safe.contains("/"))
        #expect(!safe.contains(".."))
        #expect(!safe.hasPrefix("."))
        #expect(safe == "______etc_passwd")
    }

    @Test func separators_AreReplaced() {
        #expect(FileNameSanitiser.sanitise("a/b") == "a_b")
        #expect(FileNameSanitiser.sanitise(#"a\b"#) == "a_b")
        #expect(FileNameSanitiser.sanitise("a:b*c?d|e<f>g\"h") == "a_b_c_d_e_f_g_h")
    }

    @Test func nulAndControlCharacters_AreReplaced() {
        #expect(FileNameSanitiser.sanitise("\u{0}") == "_")
        #expect(FileNameSanitiser.sanitise("a\nb\tc\u{7F}d\u{85}e") == "a_b_c_d_e")
    }

    @Test func leadingDots_AreNeutralised() {
        #expect(FileNameSanitiser.sanitise(".hidden") == "_hidden")
        #expect(FileNameSanitiser.sanitise("..") == "__")
        #expect(FileNameSanitiser.sanitise(".") == "_")
        #expect(FileNameSanitiser.sanitise("v1.2") == "v1.2", "a single inner dot is ordinary text")
    }

    @Test(arguments: ["CON", "con", "Prn", "AUX", "nul", "COM1", "com9", "LPT1", "lpt9", "CON.txt", "nul.tar.gz"])
    func windowsReservedNames_ArePrefixed(name: String) {
        #expect(FileNameSanitiser.sanitise(name) == "_" + name)
    }

    @Test(arguments: ["CONSOLE", "COM", "COM10", "LPT0", "ICON", "AUXILIARY"])
    func namesThatOnlyLookReserved_AreKept(name: String) {
        #expect(FileNameSanitiser.sanitise(name) == name)
    }

    @Test func longValue_IsCappedAtOneHundredBytes() {
        let safe = FileNameSanitiser.sanitise(String(repeating: "x", count: 300))
        #expect(safe.utf8.count == 100)
    }

    @Test func cut_FallsOnAUTF8Boundary() {
        // 99 ASCII bytes then a 4-byte emoji: the emoji does not fit in 100 and must not be split.
        let safe = FileNameSanitiser.sanitise(String(repeating: "a", count: 99) + "😀" + "b")
        #expect(safe == String(repeating: "a", count: 99))
        let twoByte = FileNameSanitiser.sanitise(String(repeating: "é", count: 80))
        #expect(twoByte.utf8.count == 100)
        #expect(twoByte == String(repeating: "é", count: 50))
    }

    @Test func emptyValue_StaysEmpty_AndAnEmptyNameBecomesAnUnderscore() {
        #expect(FileNameSanitiser.sanitise("") == "")
        #expect(FileNameSanitiser.finish("") == "_")
    }

    @Test func wholeName_IsCappedAtTwoHundredBytes() {
        #expect(FileNameSanitiser.finish(String(repeating: "n", count: 250)).utf8.count == 200)
        #expect(FileNameSanitiser.finish("CON.csv") == "_CON.csv")
    }

    @Test func literalText_WithSeparatorsOrDotDot_IsRefused() {
        #expect(FileNameSanitiser.literalProblem("-") == nil)
        #expect(FileNameSanitiser.literalProblem("waste_") == nil)
        #expect(FileNameSanitiser.literalProblem("in/") != nil)
        #expect(FileNameSanitiser.literalProblem(#"in\"#) != nil)
        #expect(FileNameSanitiser.literalProblem("a..b") != nil)
        #expect(FileNameSanitiser.literalProblem("a\u{0}") == "contains a control character, which cannot be part of a file name")
    }
}
