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

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's `main` as `<module>_main`; hand it to libFuzzer's driver.
@_cdecl("fuzz_formats_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { fuzzOne($0, $1) }
}
