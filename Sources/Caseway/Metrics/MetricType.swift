/// The kinds of metric family the hub exposes (`# TYPE` in the Prometheus text format).
enum MetricType: String {
    /// Only ever goes up while the process runs; a restart starts it again at zero.
    case counter
    /// A value now, up or down.
    case gauge
}
