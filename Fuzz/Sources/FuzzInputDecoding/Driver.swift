import FuzzSupport

// SwiftPM links an executable target's entry point as `FuzzInputDecoding_main`.
@_cdecl("FuzzInputDecoding_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzInputDecoding(data, size) }
}
