import FuzzSupport

// SwiftPM links an executable target's entry point as `FuzzLint_main`.
@_cdecl("FuzzLint_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzLint(data, size) }
}
