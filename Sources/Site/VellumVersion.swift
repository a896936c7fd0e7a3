/// Vellum's version (`vellum --version`; the build cache is kept only by the version that wrote it).
public enum VellumVersion {
    public static let current = "0.2.0"
}
