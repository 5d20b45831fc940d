import Model

extension Strings {
    /// A number in the site's language: `2 150,5` in Swedish, `2,150.5` in English.
    func number(_ value: Double, decimals: Int? = nil) -> String {
        let places = decimals ?? (value.rounded() == value ? 0 : 1)
        let rounded = (value * pow10(places)).rounded() / pow10(places)
        let negative = rounded < 0
        // Validation keeps content numbers within ±1e12 (NumberLimits), so this never clamps; were
        // one to get through, a wrong figure is better than a build that dies on the page.
        let whole = Int(clamping: abs(rounded).rounded(.down), limit: 1e15)
        var digits = String(whole)
        let group = groupSeparator
        if whole >= 10_000 || (whole >= 1000 && group != "\u{00A0}") {
            var grouped = ""
            for (index, character) in digits.reversed().enumerated() {
                if index > 0 && index % 3 == 0 { grouped.append(contentsOf: group.reversed()) }
                grouped.append(character)
            }
            digits = String(grouped.reversed())
        }
        if places > 0 {
            let fraction = Int(clamping: ((abs(rounded) - Double(whole)) * pow10(places)).rounded(), limit: pow10(places) - 1)
            let text = String(fraction)
            digits += decimalSeparator + String(repeating: "0", count: max(0, places - text.count)) + text
        }
        return (negative ? "−" : "") + digits
    }

    /// A key figure's value with its unit: `71 %`, `2 150 kr`, `140`.
    func measured(_ value: Double, _ figure: KeyFigure) -> String {
        switch figure.measure {
        case .percent: return number(value) + "\u{00A0}%"
        case .count: return number(value, decimals: 0)
        case .number: return number(value) + (figure.unit.map { "\u{00A0}" + $0 } ?? "")
        }
    }

    /// A difference: `+3`, `−19 procentenheter`.
    func difference(_ value: Double, _ figure: KeyFigure) -> String {
        let sign = value > 0 ? "+" : ""
        switch figure.measure {
        case .percent:
            // "1 procentenhet", "2 procentenheter", "0,5 procentenheter": the singular only for exactly one.
            let one = abs(value) == 1 ? 1 : 2
            return sign + number(value) + "\u{00A0}" + pluralForm("measure_units.percentage_points", count: one)
        case .count: return sign + number(value, decimals: 0)
        case .number: return sign + number(value) + (figure.unit.map { "\u{00A0}" + $0 } ?? "")
        }
    }

    private func pow10(_ places: Int) -> Double {
        var result = 1.0
        for _ in 0..<places { result *= 10 }
        return result
    }
}

extension Int {
    /// `value` as a whole number within 0...limit: NaN becomes 0, anything larger the limit, where
    /// `Int(value)` would stop the program.
    init(clamping value: Double, limit: Double) {
        self = value.isNaN || value < 0 ? 0 : Int(Swift.min(value, limit))
    }
}
