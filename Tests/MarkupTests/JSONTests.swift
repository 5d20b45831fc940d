import Foundation
import Markup
import Testing

/// The one JSON writer: what it escapes, how it writes numbers, and that what it writes reads back.
@Suite struct JSONTests {
    private func written(_ text: String) -> String {
        var json = JSONBytes()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }

    @Test func stringsEscapeQuotesBackslashesAndScriptEnds() {
        #expect(written(#"a"b\c</script>"#) == #""a\"b\\c\u003c/script>""#)
        #expect(written("") == #""""#)
    }

    @Test func controlCharactersAreEscapedEveryOne() {
        #expect(written("a\nb\rc\td") == #""a\nb\rc\td""#)
        #expect(written("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1B}\u{1F}") == #""\u0000\u0001\u0008\u000b\u000c\u001b\u001f""#)
        // DEL and the C1 controls are allowed raw in JSON.
        #expect(written("\u{7F}\u{85}") == "\"\u{7F}\u{85}\"")
        for value in 0..<0x20 {
            let text = written(String(UnicodeScalar(UInt8(value))))
            #expect(!text.utf8.contains { $0 < 0x20 }, "U+\(String(value, radix: 16)) written raw")
        }
    }

    @Test func lineSeparatorsAreEscapedForJavaScript() {
        #expect(written("a\u{2028}b\u{2029}c") == #""a\u2028b\u2029c""#)
        // Other characters that start with the same byte (0xE2) stay as they are.
        #expect(written("– € → \u{2027}\u{202A}") == "\"– € → \u{2027}\u{202A}\"")
        // A lead byte at the very end of the text is not read past.
        #expect(written("x\u{2028}") == #""x\u2028""#)
    }

    @Test func textOutsideTheBasicPlaneIsWrittenAsUTF8() throws {
        let text = "🌍 𝄞 🇸🇪 åäö e\u{301}"
        #expect(written(text) == "\"\(text)\"")
        let read = try JSONSerialization.jsonObject(with: Data(written(text).utf8), options: .fragmentsAllowed) as? String
        #expect(read == text)
    }

    @Test func everyStringReadsBack() throws {
        let texts = ["\"\\/\u{0}\u{7}\n", "<!-- </script> -->", "a\u{2028}\u{2029}b", "🙂\u{1F}😀", String(repeating: "å\"", count: 300)]
        for text in texts {
            let read = try JSONSerialization.jsonObject(with: Data(written(text).utf8), options: .fragmentsAllowed) as? String
            #expect(read == text)
        }
    }

    @Test func numbers() {
        var json = JSONBytes()
        for value in [0, 7, -7, 1234567890, Int.max, Int.min] {
            json.number(value)
            json.append(" ")
        }
        for value in [0.0, -0.0, 2.0, -2.5, 0.1, 1e15, 1e16, .infinity, .nan, 12.345] {
            json.number(value)
            json.append(" ")
        }
        #expect(
            String(decoding: json.bytes, as: UTF8.self)
                == "0 7 -7 1234567890 9223372036854775807 -9223372036854775808 0 0 2 -2.5 0.1 1000000000000000.0 1e+16 null null 12.345 ")
    }

    @Test func valuesArePrettyPrintedWithSortedKeys() {
        let value: JSON = ["b": [1, .double(2.5), nil, true], "a": "x", "c": [:], "d": [], "e": ["z": false, "y": JSON("q")]]
        #expect(
            String(decoding: value.data, as: UTF8.self) == """
                {
                  "a" : "x",
                  "b" : [
                    1,
                    2.5,
                    null,
                    true
                  ],
                  "c" : {},
                  "d" : [],
                  "e" : {
                    "y" : "q",
                    "z" : false
                  }
                }
                """)
        #expect(value.compact == #"{"a":"x","b":[1,2.5,null,true],"c":{},"d":[],"e":{"y":"q","z":false}}"#)
    }

    @Test func optionalsAreNull() {
        let value: JSON = ["n": JSON(nil as Int?), "s": JSON(nil as String?), "d": JSON(1.5 as Double?), "l": JSON(["a", "<"])]
        #expect(value.compact == #"{"d":1.5,"l":["a","\u003c"],"n":null,"s":null}"#)
    }
}
