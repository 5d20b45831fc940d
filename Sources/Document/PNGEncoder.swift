import Zlib
import Foundation

/// Writes an RGB picture as PNG. cairo's own PNG writer spends four times as long as drawing the
/// chart did (libpng tries every row filter at its slowest setting); charts are flat colour, which
/// compresses well without filters.
enum PNGEncoder {
    /// - Parameter pixels: rows of 32-bit native-endian xRGB words, as cairo's RGB24 surfaces hold them.
    static func encode(width: Int, height: Int, stride: Int, pixels: UnsafeRawPointer) -> Data? {
        let rowBytes = 1 + width * 3
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            for row in 0..<height {
                let source = (pixels + row * stride).assumingMemoryBound(to: UInt32.self)
                var index = row * rowBytes + 1  // the row's filter byte stays 0: none
                for column in 0..<width {
                    let pixel = source[column]
                    out[index] = UInt8(truncatingIfNeeded: pixel >> 16)
                    out[index + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
                    out[index + 2] = UInt8(truncatingIfNeeded: pixel)
                    index += 3
                }
            }
        }
        var compressedSize = compressBound(uLong(raw.count))
        var compressed = [UInt8](repeating: 0, count: Int(compressedSize))
        let status = compress2(&compressed, &compressedSize, raw, uLong(raw.count), 1)
        guard status == Z_OK else { return nil }

        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header.append(contentsOf: [8, 2, 0, 0, 0])  // 8 bits, RGB, deflate, no filter method, no interlace
        png.appendChunk("IHDR", header)
        png.appendChunk("IDAT", Data(compressed[0..<Int(compressedSize)]))
        png.appendChunk("IEND", Data())
        return png
    }
}

private extension Data {
    mutating func appendBigEndian(_ value: UInt32) {
        Swift.withUnsafeBytes(of: value.bigEndian) { append(contentsOf: $0) }
    }

    mutating func appendChunk(_ type: String, _ body: Data) {
        appendBigEndian(UInt32(body.count))
        let typed = Data(type.utf8) + body
        append(typed)
        let crc = typed.withUnsafeBytes { Zlib.crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)) }
        appendBigEndian(UInt32(crc))
    }
}
