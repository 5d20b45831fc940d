/// The texts `valgrund new unit` writes where people have to fill something in: the template writes
/// them from here and the validator recognises them from here, so the two cannot drift apart.
public enum UnitPlaceholder {
    /// The department of a unit made without `--department`.
    public static let department = "Ange förvaltning"
}
