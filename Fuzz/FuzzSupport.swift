// Compiled into every harness by scripts/fuzz (with DocTree linked in).
import DocTree
import Foundation
import Synchronization

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
            HangCheck.watch(thread: pthread_self())
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(fuzzRunDriver(&argc, &argv) { data, size in
                HangCheck.started(at: HangCheck.cpuNanoseconds())
                let result = fuzzTestOneInput(data, size)
                HangCheck.check(HangCheck.cpuNanoseconds() - HangCheck.started(at: -1))
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

/// A hang is an input that takes more than `FUZZ_CPU_LIMIT` seconds of CPU
/// (scripts/fuzz sets 1): it aborts, so libFuzzer saves the input as a crash.
/// A watchdog thread checks the fuzzing thread's CPU clock five times a
/// second, which catches an input that never finishes; the input that
/// finishes is checked once more. libFuzzer's own `-timeout` counts wall
/// time, which a fuzzer under `nice` on a loaded machine exceeds with inputs
/// of 0.05 s; scripts/fuzz sets it far higher, as a last resort.
enum HangCheck {
    static let limit = ProcessInfo.processInfo.environment["FUZZ_CPU_LIMIT"].flatMap(Double.init) ?? 1
    /// The fuzzing thread's CPU clock, set once before fuzzing starts.
    nonisolated(unsafe) static var clock = clockid_t()
    /// The fuzzing thread's CPU time when the current input started; -1 between inputs.
    static let start = Atomic<Int64>(-1)

    static func cpuNanoseconds(_ clock: clockid_t = CLOCK_THREAD_CPUTIME_ID) -> Int64 {
        var now = timespec()
        clock_gettime(clock, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }

    /// Stores the start of an input (-1: none) and returns the previous value.
    @discardableResult
    static func started(at nanoseconds: Int64) -> Int64 {
        start.exchange(nanoseconds, ordering: .relaxed)
    }

    static func check(_ nanoseconds: Int64) {
        let seconds = Double(nanoseconds) / 1e9
        guard seconds > limit else { return }
        FileHandle.standardError.write(Data("==fuzz== hang: one input took \(seconds) s of CPU (limit \(limit) s)\n".utf8))
        abort()
    }

    static func watch(thread: pthread_t) {
        pthread_getcpuclockid(thread, &clock)
        Thread.detachNewThread {
            while true {
                usleep(200_000)
                let begun = start.load(ordering: .relaxed)
                if begun >= 0 { check(cpuNanoseconds(clock) - begun) }
            }
        }
    }
}
