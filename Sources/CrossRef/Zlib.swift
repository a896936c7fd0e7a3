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
