/// xiezuo's version, in this one place: `xiezuo --version` prints it and every `run.json`
/// records it. The major number changes when the tables' contract does (a column renamed or
/// removed, the layout of the output directory); docs/tables.md lists what changed.
public enum XiezuoVersion {
    public static let current = "2.0.0"
}
