#if canImport(Glibc)
import Glibc
#endif

/// Files are read through memory maps (`StreamScanner.mapFiles`). If another process shrinks a
/// file while it is mapped, touching a page past its new end raises SIGBUS. Without a handler
/// the process would die with a bare "Bus error"; with it, standard error says what happened and
/// the exit status is 2 (an error), as for any other input that cannot be read. Outputs are
/// committed by rename, so a copy that was being written is not left in place; what standard
/// output already carried is incomplete, and the message says so.
enum BusErrorSignal {
    static func install() {
        signal(SIGBUS) { _ in
            // Only async-signal-safe calls here: write(2) of a static string, then _exit(2).
            let message: StaticString = """
                redact: an input file shrank while it was being read (SIGBUS); the results are incomplete. \
                Run again when nothing is writing to it, or with --no-mmap.

                """
            _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
            _exit(2)
        }
    }
}
