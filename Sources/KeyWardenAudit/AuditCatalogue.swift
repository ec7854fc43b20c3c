/// Every check keywarden runs, in catalogue order (DESIGN.md). Ids are stable: policies,
/// waivers and dashboards refer to them.
public enum AuditCatalogue {
    public static let checks: [any AuditCheck] = [
        LeastPrivilegeCheck(), RotationAgeCheck(), IPWhitelistCheck(), OneKeyPerAppCheck(), UnmanagedKeyCheck(),
        MissingKeyCheck(), UnusedKeyCheck(), ExpiringKeyCheck(), LeakedLiveKeyCheck(), WaiverExpiredCheck(),
    ]

    public static var descriptors: [CheckDescriptor] { checks.map { type(of: $0).descriptor } }
    public static var ids: [String] { descriptors.map(\.id) }

    public static func descriptor(id: String) -> CheckDescriptor? { descriptors.first { $0.id == id } }
}
