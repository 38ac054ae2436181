import RedactFormats

/// libFuzzer's entry point: every input through every streamed format (`FormatFuzzing.check`);
/// a broken invariant stops the run and libFuzzer keeps the input as a crash file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let chunk = 1 + (size == 0 ? 0 : Int(bytes[size - 1]) % 64)
    if let failure = FormatFuzzing.check(bytes, chunk: chunk) { fatalError(failure) }
    return 0
}
