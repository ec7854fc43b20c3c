/// Product facts shown in reports.
public enum KeyWarden {
    public static let version = "0.1.0"
    public static let informationURI = "https://github.com/keywarden/keywarden"
}
