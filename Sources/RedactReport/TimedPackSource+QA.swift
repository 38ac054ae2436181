extension TimedPackSource {
    public func qaCells(in window: TimeWindow) throws -> [QACell] {
        try timed("qaCells") { try inner.qaCells(in: window) }
    }
}
