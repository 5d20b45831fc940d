import Diagnostics

/// A mistake in JSON text: what is wrong, and the byte offset where it is.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let message: Message
    public let offset: Int

    public init(_ message: Message, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

/// Reads JSON (RFC 8259) from UTF-8 bytes one value at a time, so a caller takes what it expects
/// and skips the rest, and knows the byte offset of every value for its messages. The one JSON
/// reader, beside the one writer (`JSONBytes`): Foundation's JSONSerialization and JSONDecoder
/// report no position for a value they read, and read Kolada's responses several times slower,
/// bridging every value into an object.
public struct JSONReader: Sendable {
    public enum Kind: Sendable, Equatable {
        case object, array, string, number, bool, null

        /// How a value of this kind is named in messages: "an object", "a string"…
        public var described: Message {
            switch self {
            case .object: Message("an object")
            case .array: Message("a list")
            case .string: Message("a string")
            case .number: Message("a number")
            case .bool: Message("true or false")
            case .null: .verbatim("null")
            }
        }
    }

    /// Objects and lists nested deeper than this are refused: a hostile file of a million `[` would
    /// otherwise take the stack with it.
    public static let maxDepth = 64

    public let bytes: [UInt8]
    /// Where the next byte is read.
    public private(set) var offset: Int
    /// One entry per open object or list: whether it has had no member yet.
    private var isFirst: [Bool] = []

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A byte order mark is not JSON, but editors on Windows write one; RFC 8259 lets readers skip it.
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    // MARK: What comes next

    /// The kind of the next value, after any white space; `offset` is then at its first byte.
    public mutating func kind() throws(JSONSyntaxError) -> Kind {
        skipSpace()
        guard offset < bytes.count else { throw JSONSyntaxError("the text ends where a value should be", at: offset) }
        switch bytes[offset] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        default: throw JSONSyntaxError("\(found()) where a value should be", at: offset)
        }
    }

    // MARK: Objects and lists

    public mutating func beginObject() throws(JSONSyntaxError) { try open(UInt8(ascii: "{"), Message("an object")) }
    public mutating func beginArray() throws(JSONSyntaxError) { try open(UInt8(ascii: "["), Message("a list")) }

    /// The next key of the open object (the reader then stands at its value), or nil at its end.
    public mutating func nextKey() throws(JSONSyntaxError) -> String? {
        guard try nextMember(closing: UInt8(ascii: "}"), Message("an object")) else { return nil }
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
            throw JSONSyntaxError("\(found()) where a key in quotes should be", at: offset)
        }
        let key = try string()
        skipSpace()
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else {
            throw JSONSyntaxError("\(found()) where ':' should follow the key \"\(key)\"", at: offset)
        }
        offset += 1
        return key
    }

    /// Whether the open list has another element (the reader then stands at it); false at its end.
    public mutating func nextElement() throws(JSONSyntaxError) -> Bool {
        try nextMember(closing: UInt8(ascii: "]"), Message("a list"))
    }

    private mutating func open(_ byte: UInt8, _ what: Message) throws(JSONSyntaxError) {
        skipSpace()
        guard offset < bytes.count, bytes[offset] == byte else { throw JSONSyntaxError("\(found()) where \(what) should be", at: offset) }
        guard isFirst.count < Self.maxDepth else {
            throw JSONSyntaxError("objects and lists are nested more than \(Self.maxDepth) deep", at: offset)
        }
        offset += 1
        isFirst.append(true)
    }

    private mutating func nextMember(closing: UInt8, _ what: Message) throws(JSONSyntaxError) -> Bool {
        skipSpace()
        guard offset < bytes.count else { throw JSONSyntaxError("the text ends inside \(what)", at: offset) }
        if bytes[offset] == closing {
            offset += 1
            isFirst.removeLast()
            return false
        }
        if isFirst[isFirst.count - 1] {
            isFirst[isFirst.count - 1] = false
        } else {
            guard bytes[offset] == UInt8(ascii: ",") else {
                throw JSONSyntaxError("\(found()) where ',' or '\(Character(Unicode.Scalar(closing)))' should be", at: offset)
            }
            offset += 1
            skipSpace()
            if offset < bytes.count, bytes[offset] == closing {
                throw JSONSyntaxError("a ',' before '\(Character(Unicode.Scalar(closing)))': JSON allows no comma after the last item", at: offset)
            }
        }
        return true
    }

    // MARK: Single values

    public mutating func string() throws(JSONSyntaxError) -> String {
        skipSpace()
        let start = offset
        guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw JSONSyntaxError("\(found()) where a string should be", at: offset) }
        offset += 1
        var plainStart = offset
        var result: [UInt8] = []
        var escaped = false
        var nonASCII = false
        while true {
            guard offset < bytes.count else { throw JSONSyntaxError("the text ends inside the string that starts here", at: start) }
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 { throw JSONSyntaxError("a control character inside a string; write it as an escape such as \\n", at: offset) }
            if byte >= 0x80 { nonASCII = true }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                result.append(contentsOf: bytes[plainStart..<offset])
                try unescape(into: &result)
                plainStart = offset
                continue
            }
            offset += 1
        }
        let text: String?
        if escaped {
            result.append(contentsOf: bytes[plainStart..<offset])
            text = String(validating: result, as: UTF8.self)
        } else if nonASCII {
            text = String(validating: bytes[plainStart..<offset], as: UTF8.self)
        } else {
            text = String(decoding: bytes[plainStart..<offset], as: UTF8.self)
        }
        guard let text else { throw JSONSyntaxError("the string that starts here is not UTF-8", at: start) }
        offset += 1
        return text
    }

    private mutating func unescape(into result: inout [UInt8]) throws(JSONSyntaxError) {
        let start = offset
        offset += 1
        guard offset < bytes.count else { throw JSONSyntaxError("the text ends inside an escape", at: start) }
        let byte = bytes[offset]
        offset += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): result.append(byte)
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(from: start)
            if (0xD800...0xDBFF).contains(scalar) {
                // A character outside the basic plane is written as two escapes, a surrogate pair.
                guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw JSONSyntaxError("a \\u escape of half a character (a lone surrogate)", at: start)
                }
                offset += 2
                let low = try hex4(from: start)
                guard (0xDC00...0xDFFF).contains(low) else { throw JSONSyntaxError("a \\u escape of half a character (a lone surrogate)", at: start) }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let character = Unicode.Scalar(scalar) else { throw JSONSyntaxError("a \\u escape of half a character (a lone surrogate)", at: start) }
            result.append(contentsOf: String(Character(character)).utf8)
        default:
            throw JSONSyntaxError("'\\\(Character(Unicode.Scalar(byte)))' is no escape JSON knows", at: start)
        }
    }

    private mutating func hex4(from start: Int) throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw JSONSyntaxError("the text ends inside a \\u escape", at: start) }
        var value: UInt32 = 0
        for byte in bytes[offset..<offset + 4] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONSyntaxError("a \\u escape needs four hexadecimal digits", at: start)
            }
            value = value << 4 + UInt32(digit)
        }
        offset += 4
        return value
    }

    /// A number as JSON writes it; whole numbers of up to 15 digits are read without making a text of them.
    public mutating func number() throws(JSONSyntaxError) -> Double {
        skipSpace()
        let start = offset
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let digitsStart = offset
        var whole: Int = 0
        while offset < bytes.count, isDigit(bytes[offset]) {
            if offset - digitsStart < 16 { whole = whole &* 10 &+ Int(bytes[offset] - UInt8(ascii: "0")) }
            offset += 1
        }
        let digits = offset - digitsStart
        guard digits > 0 else { throw JSONSyntaxError("\(found(at: start)) where a number should be", at: start) }
        if digits > 1, bytes[digitsStart] == UInt8(ascii: "0") { throw JSONSyntaxError("a number with a leading zero", at: start) }
        var simple = digits <= 15
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            simple = false
            offset += 1
            guard try skipDigits() > 0 else { throw JSONSyntaxError("a number needs digits after its decimal point", at: start) }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            simple = false
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard try skipDigits() > 0 else { throw JSONSyntaxError("a number needs digits in its exponent", at: start) }
        }
        if simple { return Double(bytes[start] == UInt8(ascii: "-") ? -whole : whole) }
        guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
            throw JSONSyntaxError("a number Valgrund cannot read", at: start)
        }
        return value
    }

    private mutating func skipDigits() throws(JSONSyntaxError) -> Int {
        let start = offset
        while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
        return offset - start
    }

    public mutating func bool() throws(JSONSyntaxError) -> Bool {
        if try word("true") { return true }
        if try word("false") { return false }
        throw JSONSyntaxError("\(found()) where true or false should be", at: offset)
    }

    public mutating func null() throws(JSONSyntaxError) {
        guard try word("null") else { throw JSONSyntaxError("\(found()) where null should be", at: offset) }
    }

    private mutating func word(_ text: StaticString) throws(JSONSyntaxError) -> Bool {
        skipSpace()
        let count = text.utf8CodeUnitCount
        guard offset + count <= bytes.count else { return false }
        let matches = text.withUTF8Buffer { word in (0..<count).allSatisfy { bytes[offset + $0] == word[$0] } }
        if matches { offset += count }
        return matches
    }

    /// Reads past the next value, whatever it holds.
    public mutating func skip() throws(JSONSyntaxError) {
        switch try kind() {
        case .object:
            try beginObject()
            while try nextKey() != nil { try skip() }
        case .array:
            try beginArray()
            while try nextElement() { try skip() }
        case .string: _ = try string()
        case .number: _ = try number()
        case .bool: _ = try bool()
        case .null: try null()
        }
    }

    /// Checks that nothing but white space follows the value read.
    public mutating func end() throws(JSONSyntaxError) {
        skipSpace()
        if offset < bytes.count { throw JSONSyntaxError("\(found()) after the end of the JSON value", at: offset) }
    }

    // MARK: Positions

    private mutating func skipSpace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x0A, 0x0D, 0x09: offset += 1
            default: return
            }
        }
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// What stands at `at`, for messages: "'x'", "the end of the text".
    private func found(at position: Int? = nil) -> Message {
        let position = position ?? offset
        guard position < bytes.count else { return Message("the end of the text") }
        let byte = bytes[position]
        if byte < 0x20 || byte >= 0x80 { return Message("a byte \(byte)") }
        return .verbatim("'\(Character(Unicode.Scalar(byte)))'")
    }
}

/// Line and column (from 1; columns in characters) of byte offsets in UTF-8 text, for offsets
/// asked in increasing order: each question counts only the bytes since the one before.
public struct LineCounter: Sendable {
    private let bytes: [UInt8]
    /// After a byte order mark, which no editor shows as a column.
    private let start: Int
    private var offset: Int
    private var line = 1
    private var column = 1

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        offset = start
    }

    public mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset { (offset, line, column) = (start, 1, 1) }
        let end = min(target, bytes.count)
        while offset < end {
            let byte = bytes[offset]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
