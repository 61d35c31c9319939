import FuzzSupport

// SwiftPM links an executable target's entry point as `FuzzXMLModel_main`.
@_cdecl("FuzzXMLModel_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzzXMLModel(data, size) }
}
