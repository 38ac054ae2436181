/// "he" -> "He".
func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }
