using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>
/// One row of a county's account registry (备案登记表), read and checked: the unit that opened the account (开设单位), the
/// platform, the account's name, its platform id or link (账号ID/链接), the filing number (备案编号), the status and, when
/// the file has the column, the closure date (注销日期). <see cref="Where"/> names the row for messages
/// (<c>registry.csv:7</c>, <c>registry.xlsx: sheet '备案登记表' row 7</c>). All text is cleaned (<see cref="RegistryText"/>).
/// </summary>
public sealed record RegistryEntry(
    string Where,
    string Unit,
    Platform Platform,
    string Name,
    string? Ref,
    string? Number,
    FilingStatus Status,
    string StatusText,
    DateOnly? ClosedOn);

/// <summary>One problem with the registry file: where (file:line, or the sheet and row), the column, what is wrong.</summary>
public sealed record RegistryError(string Where, string Field, string Message)
{
    public override string ToString() => Field.Length > 0 ? $"{Where}: {Field}: {Message}" : $"{Where}: {Message}";
}

/// <summary>What reading a registry file gave: every row, or every problem found (then no rows).</summary>
public sealed record RegistryReadResult(IReadOnlyList<RegistryEntry> Entries, IReadOnlyList<RegistryError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}
