import CZlib
import Foundation

/// zlib streams (RFC 1950), as used in the body of `objects.inv`.
public enum Zlib {
    public enum Failure: Error, CustomStringConvertible {
        case corrupt(String)
        case tooLarge

        public var description: String {
            switch self {
            case .corrupt(let reason): return "corrupt zlib data (\(reason))"
            case .tooLarge: return "decompressed data exceeds the size limit"
            }
        }
    }

    public static func compress(_ data: Data, level: Int32 = 9) -> Data {
        var destinationLength = compressBound(uLong(data.count))
        var output = Data(count: Int(destinationLength))
        let status = output.withUnsafeMutableBytes { out in
            data.withUnsafeBytes { input in
                compress2(out.bindMemory(to: Bytef.self).baseAddress, &destinationLength,
                          input.bindMemory(to: Bytef.self).baseAddress, uLong(data.count), level)
            }
        }
        precondition(status == Z_OK, "compress2 cannot fail with a compressBound-sized buffer")
        output.count = Int(destinationLength)
        return output
    }

    /// One piece of a zlib stream made of pieces deflated on their own (see
    /// ``stream(pieces:of:level:)``): raw deflate, ending on a byte boundary
    /// (a sync flush), never referring to bytes before it. Such a piece depends
    /// on its bytes alone, so a caller can keep it and deflate only pieces that changed.
    public static func deflatePiece(_ bytes: [UInt8], level: Int32 = 9) -> [UInt8] {
        var stream = z_stream()
        // windowBits -15: raw deflate, no zlib header or trailer.
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("deflateInit2 cannot fail with valid parameters")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(inputBuffer.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, Z_SYNC_FLUSH)
                precondition(status == Z_OK && stream.avail_in == 0, "deflate into a deflateBound-sized buffer")
                return out.count - Int(stream.avail_out)
            }
        }
        return Array(output[0..<produced])
    }

    /// A deflated piece, with the Adler-32 and length of the bytes it was made of.
    public struct Piece: Sendable, Equatable {
        public var deflated: [UInt8]
        public var adler: UInt32
        public var count: Int

        public init(deflated: [UInt8], adler: UInt32, count: Int) {
            self.deflated = deflated
            self.adler = adler
            self.count = count
        }

        /// `bytes` deflated on its own (``deflatePiece(_:level:)``).
        public init(deflating bytes: [UInt8], level: Int32 = 9) {
            deflated = Zlib.deflatePiece(bytes, level: level)
            adler = bytes.withUnsafeBufferPointer { UInt32(adler32(1, $0.baseAddress, uInt($0.count))) }
            count = bytes.count
        }
    }

    /// A zlib stream of the pieces' bytes, in order: header, the pieces, a final empty
    /// block, the Adler-32 of everything (combined from the pieces').
    public static func stream(pieces: [Piece], level: Int32 = 9) -> Data {
        // CMF 0x78 (deflate, 32K window); FLG with the level and a check making CMF·256+FLG divisible by 31.
        let levelBits: UInt16 = level >= 7 ? 3 : level >= 6 ? 2 : level >= 2 ? 1 : 0
        var flags = levelBits << 6
        flags += UInt16(31 - Int(UInt16(0x78) << 8 | flags) % 31) % 31
        var out: [UInt8] = [0x78, UInt8(flags)]
        var check: uLong = 1
        for piece in pieces {
            out += piece.deflated
            check = adler32_combine(check, uLong(piece.adler), off_t(piece.count))
        }
        // A final fixed-Huffman block holding only its end code.
        out += [0x03, 0x00]
        let value = UInt32(truncatingIfNeeded: check)
        out += [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)]
        return Data(out)
    }

    /// Inflates a zlib stream; refuses output beyond `limit` bytes (a zip bomb
    /// is a diagnostic, not an out-of-memory crash).
    public static func decompress(_ data: Data, limit: Int = 256 << 20) throws -> Data {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.corrupt("cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        let chunk = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: chunk)
        var input = [UInt8](data)
        if input.isEmpty { throw Failure.corrupt("empty stream") }
        return try input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = uInt(inputBuffer.count)
            while true {
                let status: Int32 = buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(chunk)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk - Int(stream.avail_out)
                output.append(contentsOf: buffer[0..<produced])
                if output.count > limit { throw Failure.tooLarge }
                switch status {
                case Z_STREAM_END:
                    return output
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 { throw Failure.corrupt("truncated stream") }
                case Z_BUF_ERROR:
                    if stream.avail_in == 0 { throw Failure.corrupt("truncated stream") }
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                    throw Failure.corrupt(message)
                }
            }
        }
    }
}
