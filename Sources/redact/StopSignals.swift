import Dispatch
import Foundation
import RedactQueue

/// SIGINT and SIGTERM for a long-running command: the first raises `stop` (the worker finishes
/// its current jobs and gives back the rest), a second exits at once.
enum StopSignals {
    /// Keep the returned sources alive for as long as the signals should be handled.
    static func install(_ stop: StopSignal) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { sig in
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                if stop.isRaised { exit(128 + sig) }
                Stderr.line("redact: stopping after the current job (signal again to stop now)")
                stop.raise()
            }
            source.resume()
            return source
        }
    }
}
