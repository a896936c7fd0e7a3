// Compiled into every harness by scripts/fuzz (with DocTree linked in).
import DocTree
import Foundation

@_silgen_name("LLVMFuzzerTestOneInput")
func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32

@_silgen_name("LLVMFuzzerRunDriver")
func fuzzRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                   _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                   _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// libFuzzer's driver, started on a `LargeStack` thread instead of the main
/// thread. A build reads pages on such threads, and the parsers' own
/// `LargeStack.run` then runs inline: spawning a 512 MiB-stack thread for each
/// input would cost 2 ms under AddressSanitizer and cap the fuzzer at 500
/// inputs a second. (scripts/fuzz links libFuzzer without its `main`.)
@main
enum FuzzMain {
    static func main() {
        LargeStack.startThread {
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(fuzzRunDriver(&argc, &argv) { data, size in
                let start = threadCPUSeconds()
                let result = fuzzTestOneInput(data, size)
                HangCheck.check(seconds: threadCPUSeconds() - start)
                return result
            })
        }
        // libFuzzer's -timeout alarm (SIGALRM) is ignored unless the fuzzing
        // thread receives it: keep it away from this one.
        var alarm = sigset_t()
        sigemptyset(&alarm)
        sigaddset(&alarm, SIGALRM)
        pthread_sigmask(SIG_BLOCK, &alarm, nil)
        while true { sleep(3600) }
    }
}

/// What `include` and `literalinclude` read while fuzzing (rst and markdown
/// targets): never the file system. `/fuzz/self.rst` is the input itself
/// (exercises circular-inclusion detection); any other file under `/fuzz` is a
/// small fixed page.
enum FuzzInclude {
    static let other = "Included\n========\n\nA *small* page with a `link`_ and a |sub|.\n\n.. _link: https://example.org/\n.. |sub| replace:: text\n"

    static func reader(selfText: String) -> @Sendable (String) -> String? {
        { path in
            if path == "/fuzz/self.rst" { return selfText }
            return path.hasPrefix("/fuzz/") ? other : nil
        }
    }
}

/// The CPU time of the calling thread: what one input costs, however busy
/// the machine (the fuzzers run under `nice` next to other builds).
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
}

/// A hang is an input that takes more than `FUZZ_CPU_LIMIT` seconds of CPU
/// (scripts/fuzz sets 1): it aborts, so libFuzzer saves the input as a crash.
/// libFuzzer's own `-timeout` counts wall time, which a niced fuzzer on a
/// loaded machine exceeds with fast inputs; scripts/fuzz sets it far higher
/// and it only catches inputs that never finish.
enum HangCheck {
    static let limit = ProcessInfo.processInfo.environment["FUZZ_CPU_LIMIT"].flatMap(Double.init) ?? 1

    static func check(seconds: Double) {
        guard seconds > limit else { return }
        FileHandle.standardError.write(Data("==fuzz== hang: one input took \(seconds) s of CPU (limit \(limit) s)\n".utf8))
        abort()
    }
}
