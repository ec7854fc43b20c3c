import KeyWardenInventory
import KeyWardenPolicy

extension Policy {
    /// The accounts the policy's apps name, for a live audit to fetch; sub-account keys come with
    /// their master account. Here, not in Inventory: policies and inventories know nothing of each other.
    public var accounts: [LiveInventory.Account] {
        Set(apps.map { LiveInventory.Account(provider: $0.provider, account: $0.account) }).sorted()
    }
}
