import KeyWardenReportModel
/// The audit report's chart as inline SVG: one bar per key, its age in days against a marker at
/// its policy's maximum age; red past the maximum, amber inside the warning window, green otherwise.
struct KeyAgeChart {
    let ages: [KeyAge]

    private let width = 880, labelWidth = 270, valueWidth = 92, rowHeight = 36, top = 8, axisHeight = 44

    func svg() -> String {
        guard !ages.isEmpty else { return "" }
        let plotWidth = width - labelWidth - valueWidth
        let longest = ages.map { max($0.ageDays, $0.maxAgeDays) }.max() ?? 1
        let scale = Self.niceCeiling(Int(Double(max(longest, 1)) * 1.05))
        func x(_ days: Int) -> Int { labelWidth + Int((Double(max(days, 0)) / Double(scale) * Double(plotWidth)).rounded()) }
        let height = top + ages.count * rowHeight + axisHeight
        var out = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "aria-label=\"Key age in days against each policy's maximum age\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        out += "<title>Key age against policy maximum</title>\n"
        let step = scale / 4
        for tick in stride(from: 0, through: scale, by: max(step, 1)) {
            out += "<line class=\"grid\" x1=\"\(x(tick))\" y1=\"\(top)\" x2=\"\(x(tick))\" y2=\"\(top + ages.count * rowHeight)\"/>"
            out += "<text class=\"axis\" x=\"\(x(tick))\" y=\"\(top + ages.count * rowHeight + 16)\" text-anchor=\"middle\">\(tick) d</text>\n"
        }
        for (index, age) in ages.enumerated() {
            let y = top + index * rowHeight
            let status = age.isOverdue ? "overdue" : age.isDueSoon ? "due" : "ok"
            let label = "\(age.provider)/\(age.account) \(age.app ?? "unmanaged")"
            let key = age.keyId.count > 18 ? String(age.keyId.prefix(16)) + "…" : age.keyId
            out += "<g class=\"row \(status)\"><title>\(h(age.keyId)): \(age.ageDays) days old, policy maximum \(age.maxAgeDays) days</title>"
            out += "<text class=\"label\" x=\"0\" y=\"\(y + 15)\">\(h(label))</text>"
            out += "<text class=\"key\" x=\"0\" y=\"\(y + 29)\">\(h(key))</text>"
            out += "<rect class=\"track\" x=\"\(labelWidth)\" y=\"\(y + 11)\" width=\"\(plotWidth)\" height=\"14\" rx=\"3\"/>"
            out += "<rect class=\"bar\" x=\"\(labelWidth)\" y=\"\(y + 11)\" width=\"\(max(x(age.ageDays) - labelWidth, 2))\" height=\"14\" rx=\"3\"/>"
            out += "<line class=\"limit\" x1=\"\(x(age.maxAgeDays))\" y1=\"\(y + 6)\" x2=\"\(x(age.maxAgeDays))\" y2=\"\(y + 30)\"/>"
            out += "<text class=\"value\" x=\"\(width)\" y=\"\(y + 23)\" text-anchor=\"end\">\(age.ageDays) / \(age.maxAgeDays) d</text></g>\n"
        }
        out += "<text class=\"axis\" x=\"\(labelWidth)\" y=\"\(height - 4)\">key age (days); the dark marker is the policy's maximum</text>\n"
        return out + "</svg>"
    }

    /// 412 -> 450, 97 -> 100: an axis end people read at a glance.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for multiple in [1, 2, 2.5, 4, 5, 7.5, 10] as [Double] where Double(magnitude) * multiple >= Double(value) {
            let ceiling = Int(Double(magnitude) * multiple)
            if ceiling % 4 == 0 || multiple == 10 { return ceiling }
        }
        return magnitude * 10
    }

    private func h(_ text: String) -> String { MarkupEscaping.html(text) }
}
