namespace MediaMatrix.Monitoring.Bulletins;

/// <summary>One cell of a bulletin table: text, or a number the spreadsheet keeps as a number. An empty cell is empty text.</summary>
public readonly record struct SheetCell(string? Text, double? Number)
{
    public static SheetCell Of(string? text) => new(text ?? string.Empty, null);

    public static SheetCell Of(double number) => new(null, number);

    public static SheetCell Of(double? number, string whenMissing) => number is { } n ? Of(n) : Of(whenMissing);

    public bool IsNumber => Number is not null;
}

/// <summary>A named table with a header row: one XLSX sheet, one CSV section, one HTML table.</summary>
public sealed record SheetTable(string Name, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<SheetCell>> Rows);
