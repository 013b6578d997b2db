/// The version `caseway version` prints and the startup line reports.
public enum CasewayVersion {
    public static let current = "0.1.0"
}
