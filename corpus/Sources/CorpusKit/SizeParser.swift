/// Parses sizes like `1GiB`, `500MiB`, `10MB`, `64KiB`, `1000` (bytes).
public enum SizeParser {
    public static func parse(_ s: String) -> Int? {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10),
                                      ("GB", 1_000_000_000), ("MB", 1_000_000), ("KB", 1_000), ("G", 1 << 30),
                                      ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (u, m) in units where s.hasSuffix(u) {
            guard let v = Double(s.dropLast(u.count)) else { return nil }
            return Int(v * Double(m))
        }
        return Int(s)
    }
}
