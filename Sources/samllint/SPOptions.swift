import ArgumentParser
import SAMLLint

/// The SP's own settings, which assertions are checked against (they override `sp:` in the
/// configuration).
struct SPOptions: ParsableArguments {
    @Option(name: .customLong("sp-entity-id"), help: "The SP's entityID: every AudienceRestriction must name it (sp.entityID).")
    var spEntityID: String?

    @Option(name: .customLong("acs-url"), help: "An ACS URL of the SP: Recipient and Destination must be one of them (repeatable; sp.acsURLs).")
    var acsURLs: [String] = []

    @Option(name: .customLong("clock-skew"), help: "Allowed clock skew in seconds for assertion times (sp.clockSkew; default 180).")
    var clockSkew: Double?

    /// Applies the flags given over the configuration's `sp:` section.
    func apply(to configuration: inout Configuration) {
        guard spEntityID != nil || !acsURLs.isEmpty || clockSkew != nil else { return }
        var sp = configuration.sp ?? Configuration.ServiceProvider()
        if let spEntityID { sp.entityID = spEntityID }
        if !acsURLs.isEmpty { sp.acsURLs = acsURLs }
        if let clockSkew { sp.clockSkew = clockSkew }
        configuration.sp = sp
    }
}
