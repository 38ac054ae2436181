import Foundation
import RedactCore
import RedactScan

/// Buffered standard output (one write per 64 KiB, not per line).
final class Stdout: @unchecked Sendable {
    static let shared = Stdout()
    let isTerminal = isatty(1) == 1
    private var buffer: [UInt8] = []

    func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }
    func line(_ s: String) { write(s + "\n") }
    /// Appends `body`'s bytes straight into the buffer (no String on the way).
    func append(_ body: (inout [UInt8]) -> Void) {
        body(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }
    func flush() {
        guard !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Foundation.write(1, raw.baseAddress! + done, raw.count - done)
                if n <= 0 { if errno == EINTR { continue }; return }
                done += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// JSON string literal for `s` (the escaping every JSON output of the tool shares).
func jsonString(_ s: String) -> String { JSONText.quoted(s) }

/// One finding in the findings contract of `shared/taxonomy.md`, written as bytes, for
/// `scan --format jsonl` on inputs with millions of findings: each rule's
/// `"category":…,"rule":…` is quoted once, and the path once per file.
final class FindingJSONWriter: @unchecked Sendable {
    private let ruleFragments: [[UInt8]]
    private var lastPath = ""
    private var quotedPath: [UInt8] = []

    init(table: RuleTable) {
        ruleFragments = (0..<table.rules.count).map { i in
            let rule = table[Int32(i)]
            return Array(",\"category\":\(jsonString(rule.category.rawValue)),\"rule\":\(jsonString(rule.id))".utf8)
        }
    }

    /// Appends one finding and a newline to `out`.
    func write(path: String, _ f: LocatedFinding, to out: Stdout) {
        if path != lastPath {
            lastPath = path
            quotedPath = Array(jsonString(path).utf8)
        }
        out.append { b in
            b.append(contentsOf: #"{"path":"#.utf8)
            b.append(contentsOf: quotedPath)
            b.append(contentsOf: #","start":"#.utf8)
            Self.appendDecimal(f.finding.start, to: &b)
            b.append(contentsOf: #","end":"#.utf8)
            Self.appendDecimal(f.finding.end, to: &b)
            b.append(contentsOf: ruleFragments[Int(f.finding.rule)])
            if let text = f.text {
                b.append(contentsOf: #","text":"#.utf8)
                b.append(contentsOf: jsonString(String(decoding: text, as: UTF8.self)).utf8)
            }
            b.append(UInt8(ascii: "}"))
            b.append(UInt8(ascii: "\n"))
        }
    }

    static func appendDecimal(_ value: Int, to b: inout [UInt8]) {
        if value < 0 {
            b.append(contentsOf: String(value).utf8)
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: room for any Int
        var v = UInt64(value)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[23 - count] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                count += 1
            } while v > 0
            b.append(contentsOf: d[(24 - count)...])
        }
    }
}

/// Terminal colours, only on a terminal and only when NO_COLOR is unset.
struct Colour {
    let on: Bool
    init(terminal: Bool) { on = terminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }
    func path(_ s: String) -> String { on ? "\u{1B}[35m\(s)\u{1B}[0m" : s }
    func category(_ s: String) -> String { on ? "\u{1B}[1;31m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { on ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
}

/// A progress line on standard error, only on a terminal and only once the work is long.
final class ProgressBar: @unchecked Sendable {
    let counter = ProgressCounter()
    private let total: Int
    private var thread: Thread?
    private var stopped = false
    private let lock = NSLock()

    init(totalBytes: Int) { total = totalBytes }

    func start() {
        guard Stderr.isTerminal, total > 0 else { return }
        let t = Thread { [self] in
            let begin = Date()
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                lock.lock()
                let stop = stopped
                lock.unlock()
                if stop { break }
                guard Date().timeIntervalSince(begin) > 1 else { continue }
                let done = counter.value
                let pct = min(100, done * 100 / max(total, 1))
                let bar = String(repeating: "#", count: pct / 4) + String(repeating: ".", count: 25 - pct / 4)
                FileHandle.standardError.write(Data("\r[\(bar)] \(pct)% \(done >> 20)/\(total >> 20) MiB".utf8))
            }
        }
        thread = t
        t.start()
    }

    func stop() {
        lock.lock()
        let wasRunning = thread != nil && !stopped
        stopped = true
        lock.unlock()
        if wasRunning { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Total size of the regular files among `inputs` (standard input counts as unknown, 0).
func totalSize(_ inputs: [Input]) -> Int {
    inputs.reduce(0) { sum, input in
        guard !input.isStandardInput, let attrs = try? FileManager.default.attributesOfItem(atPath: input.path),
              let size = attrs[.size] as? NSNumber else { return sum }
        return sum + size.intValue
    }
}
