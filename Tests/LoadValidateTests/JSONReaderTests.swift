import Foundation
import Diagnostics
import Load
import Testing

/// The one JSON reader: what it reads, where it says a mistake is, and that it accepts exactly
/// what Foundation's JSONSerialization accepts.
@Suite struct JSONReaderTests {
    /// The whole text as a tree, through the reader's own calls, or the reader's error.
    private func read(_ text: String) -> Result<String, JSONSyntaxError> {
        var reader = JSONReader(Array(text.utf8))
        do {
            let value = try tree(&reader)
            try reader.end()
            return .success(value)
        } catch let error as JSONSyntaxError {
            return .failure(error)
        } catch {
            Issue.record("unexpected \(error)")
            return .failure(JSONSyntaxError("?", at: -1))
        }
    }

    /// A compact form of the value read, to compare: `{a:[1,"x",null]}`.
    private func tree(_ reader: inout JSONReader) throws -> String {
        switch try reader.kind() {
        case .object:
            try reader.beginObject()
            var parts: [String] = []
            while let key = try reader.nextKey() { parts.append("\(key):\(try tree(&reader))") }
            return "{" + parts.joined(separator: ",") + "}"
        case .array:
            try reader.beginArray()
            var parts: [String] = []
            while try reader.nextElement() { parts.append(try tree(&reader)) }
            return "[" + parts.joined(separator: ",") + "]"
        case .string: return "\"" + (try reader.string()) + "\""
        case .number: return String(try reader.number())
        case .bool: return String(try reader.bool())
        case .null:
            try reader.null()
            return "null"
        }
    }

    @Test func readsEveryKindOfValue() throws {
        #expect(
            try read(#" {"a": [1, -2.5, 3e2, 0, "x\"y\u00e5\ud83d\ude00", true, false, null], "b": {}, "c": []} "#).get()
                == #"{a:[1.0,-2.5,300.0,0.0,"x"yå😀",true,false,null],b:{},c:[]}"#)
        #expect(try read("\u{FEFF}[\"å\"]").get() == #"["å"]"#)
    }

    @Test func mistakesAreFoundAtTheirByte() {
        let cases: [(String, Int, String)] = [
            ("[1, 2,]", 6, "no comma after the last item"),
            ("{\"a\" 1}", 5, "':' should follow the key"),
            ("{\"a\": 1 \"b\": 2}", 8, "',' or '}'"),
            ("[01]", 1, "leading zero"),
            ("[1.]", 1, "digits after its decimal point"),
            ("[\"a\nb\"]", 3, "control character"),
            ("[\"abc", 1, "ends inside the string"),
            ("[\"\\x\"]", 2, "no escape"),
            ("[\"\\ud800\"]", 2, "lone surrogate"),
            ("[tru]", 1, "true or false"),
            ("[1] x", 4, "after the end"),
            ("", 0, "ends where a value"),
            ("{'a': 1}", 1, "key in quotes"),
            ("[\"\u{FF}\"]", 1, "not UTF-8"),
        ]
        for (text, offset, words) in cases {
            let bytes = text == "[\"\u{FF}\"]" ? [0x5B, 0x22, 0xFF, 0x22, 0x5D] : Array(text.utf8)
            var reader = JSONReader(bytes)
            do {
                _ = try tree(&reader)
                try reader.end()
                Issue.record("\(text) was read")
            } catch let error as JSONSyntaxError {
                #expect(error.offset == offset, "\(text): \(error.message.description)")
                #expect(error.message.description.contains(words), "\(text): \(error.message.description)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func nestingIsBoundedWithoutTakingTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let error) = read(deep) else {
            Issue.record("read")
            return
        }
        #expect(error.offset == JSONReader.maxDepth)
        #expect(error.message.description.contains("nested more than \(JSONReader.maxDepth)"))
        let allowed = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        #expect((try? read(allowed).get()) != nil)
    }

    /// Whatever JSONSerialization takes (with fragments allowed), the reader takes, and the other way round.
    @Test func acceptsWhatFoundationAccepts() {
        let texts = [
            "{}", "[]", "1", "-0", "1e5", "1E+5", "1.5e-3", "-", "+1", ".5", "1.e5", "01", "\"a\"", "\"\\u00\"", "[1,]", "[,1]",
            "{\"a\":1,}", "{,}", "{\"a\"}", "[1 2]", "[\"\\t\"]", "[\"\t\"]", "true", "True", "nul", "[null]", "{\"a\":{\"b\":[]}}",
            " [ 1 , 2 ] ", "[1]]", "[[1]", "\"\\ud83d\\ude00\"", "\"\\/\"", "[1e400]", "{\"a\":1}{}", "[\"\\u0041\"]",
        ]
        for text in texts {
            let foundation = (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
            var ours = true
            if case .failure = read(text) { ours = false }
            // Foundation reads 1e400 as infinity or refuses it by version; the reader gives infinity for its caller to refuse.
            if text == "[1e400]" { continue }
            // Foundation on Linux lets a comma stand after the last item; RFC 8259 does not, and Kolada never writes one.
            if text == "[1,]" || text == "{\"a\":1,}" {
                #expect(!ours)
                continue
            }
            #expect(ours == foundation, "\(text): ours \(ours), Foundation \(foundation)")
        }
    }

    @Test func lineCounterCountsCharactersNotBytes() {
        let text = "ab\nåäö x\n\nz"
        var lines = LineCounter(Array(text.utf8))
        let x = Array(text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(lines.position(of: 0) == (1, 1))
        #expect(lines.position(of: x) == (2, 5))
        #expect(lines.position(of: Array(text.utf8).count - 1) == (4, 1))
        // Asked again from before, it starts over.
        #expect(lines.position(of: 1) == (1, 2))
        var bom = LineCounter([0xEF, 0xBB, 0xBF] + Array("{x".utf8))
        #expect(bom.position(of: 4) == (1, 2))
    }
}
