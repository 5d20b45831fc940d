import Diagnostics
import Foundation

enum TextDecoding {
    /// UTF-8 text, or an error at the line of the first byte that is not UTF-8.
    static func decode(_ data: Data, path: String, log: DiagnosticLog) -> String? {
        // From the contiguous bytes: Data as a generic sequence is validated byte by byte, slowly.
        let validated = data.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        if let text = validated {
            if let nul = text.utf8.firstIndex(of: 0) {
                let prefix = text.utf8[text.utf8.startIndex..<nul]
                let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
                log.error("this file holds a NUL byte; it looks like a binary file, not text", at: SourceLocation(path: path, line: line))
                return nil
            }
            return text
        }
        var line = 1
        var column = 1
        var iterator = data.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                break loop
            case .error:
                log.error("this file is not UTF-8 text; save it as UTF-8", at: SourceLocation(path: path, line: line, column: column))
                return nil
            }
        }
        return nil
    }
}
