import Foundation
import SAMLLint

/// A whole lint of one input with every rule on, email policy set, JSON rendering.
let context: LintContext = {
    var configuration = Configuration()
    configuration.organization = .init(domains: ["example.com"], allowProfilesOutsideOrganization: false, allowSubdomains: true)
    return LintContext(configuration: configuration, now: Date(timeIntervalSince1970: 1_767_261_600))
}()
let linter = Linter(context: context, maxBytes: 1 << 20)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let report = linter.lint(inputs: [.memory(name: "fuzz.xml", bytes: bytes)], parallel: false)
    _ = JSONReporter().render(report, options: ReportOptions())
    return 0
}
