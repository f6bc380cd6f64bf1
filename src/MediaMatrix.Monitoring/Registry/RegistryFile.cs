using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MediaMatrix.Monitoring.Matrix;
using MiniExcelLibs;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>
/// Reads a county's account registry (备案登记表) from XLSX (the first sheet) or CSV (UTF-8, with or without a BOM). The
/// header is the first row, within the first ten, that names at least three known columns (a title row above it is
/// fine); columns it does not know (序号, 备注, 联系人) are ignored. Every problem is collected, each with the row
/// (<c>file:line</c> for CSV, the sheet and row for XLSX) and the column, and then no row is returned: an import of a
/// file with one bad row changes nothing.
/// </summary>
public static class RegistryFile
{
    private const int HeaderSearchRows = 10;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RegistryReadResult Read(string path)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(new RegistryError(path, "", $"the registry file cannot be read: {(e is FileNotFoundException or DirectoryNotFoundException ? "not found" : e.Message)}"));
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".xlsx" => ReadXlsx(bytes, name),
            ".csv" => ReadCsv(bytes, name),
            _ => Failed(new RegistryError(path, "", "expected a .xlsx or .csv file (the registry as Excel or WPS saves it)")),
        };
    }

    public static RegistryReadResult ReadCsv(byte[] bytes, string file)
    {
        if (bytes.AsSpan().Contains((byte)0) || !Utf8.IsValid(bytes))
            return Failed(new RegistryError(file, "", "not UTF-8 text: save the registry as \"CSV UTF-8\" (Excel) or as UTF-8 (WPS), or import the .xlsx"));

        var errors = new List<RegistryError>();
        var records = RegistryCsv.Read(Strict.GetString(bytes).TrimStart('\uFEFF'), file, errors);
        return errors.Count > 0 ? Failed([.. errors]) : FromRows(records, line => $"{file}:{line}", file);
    }

    public static RegistryReadResult ReadXlsx(byte[] bytes, string file)
    {
        string sheet;
        var rows = new List<(int, List<string>)>();
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            var sheets = MiniExcel.GetSheetNames(stream);
            if (sheets.Count == 0)
                return Failed(new RegistryError(file, "", "the workbook has no sheet"));
            sheet = RegistryText.Clean(sheets[0]);
            stream.Position = 0;
            var number = 0;
            // useHeaderRow: false gives every row, empty ones too, keyed by column letter: row numbers stay the sheet's.
            foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheets[0], excelType: ExcelType.XLSX))
                rows.Add((++number, [.. row.Values.Select(CellText)]));
        }
        catch (Exception e) when (e is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            return Failed(new RegistryError(file, "", "not a readable XLSX workbook (is it an old .xls? save it as .xlsx)"));
        }

        return FromRows(rows, row => $"{file}: sheet {RegistryText.Quote(sheet)} row {row}", file);
    }

    // A formula cell gives its cached value (MiniExcel never evaluates); a number its shortest round-trip text; a date its day.
    private static string CellText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static RegistryReadResult FromRows(List<(int Line, List<string> Cells)> rows, Func<int, string> where, string file)
    {
        var errors = new List<RegistryError>();
        var nonEmpty = rows.Where(r => r.Cells.Any(c => RegistryText.Clean(c).Length > 0)).ToList();
        var headerAt = nonEmpty.Take(HeaderSearchRows).Select((r, i) => (r, i))
            .FirstOrDefault(x => x.r.Cells.Count(c => RegistryColumns.HeaderOf(RegistryText.Clean(c)) is not null) >= 3);
        if (headerAt.r.Cells is null)
        {
            return Failed(new RegistryError(nonEmpty.Count > 0 ? where(nonEmpty[0].Line) : file, "",
                $"no header row: expected columns {string.Join(", ", RegistryColumns.Required.Select(RegistryColumns.Label))}"));
        }

        var (headerLine, header) = headerAt.r;
        var columns = new Dictionary<RegistryColumns.Column, int>();
        for (var c = 0; c < header.Count; c++)
        {
            if (RegistryColumns.HeaderOf(RegistryText.Clean(header[c])) is not { } column)
                continue;
            if (!columns.TryAdd(column, c))
                errors.Add(new RegistryError(where(headerLine), RegistryColumns.Label(column), $"two columns are {RegistryColumns.Label(column)} (columns {columns[column] + 1} and {c + 1})"));
        }

        foreach (var missing in RegistryColumns.Required.Where(c => !columns.ContainsKey(c)))
            errors.Add(new RegistryError(where(headerLine), RegistryColumns.Label(missing), "missing column"));
        if (errors.Count > 0)
            return Failed([.. errors]);

        var entries = new List<RegistryEntry>();
        var byRef = new Dictionary<(Platform, string), string>();
        var byName = new Dictionary<(Platform, string), string>();
        var byNumber = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, cells) in nonEmpty.SkipWhile(r => r.Line != headerLine).Skip(1))
        {
            var at = where(line);
            string Cell(RegistryColumns.Column column) =>
                columns.TryGetValue(column, out var index) && index < cells.Count ? RegistryText.Clean(cells[index]) : string.Empty;
            string? Required(RegistryColumns.Column column)
            {
                var text = Cell(column);
                if (text.Length > 0)
                    return text;
                errors.Add(new RegistryError(at, RegistryColumns.Label(column), "empty: a value is required"));
                return null;
            }

            var unit = Required(RegistryColumns.Column.Unit);
            var name = Required(RegistryColumns.Column.Name);
            var platformText = Required(RegistryColumns.Column.Platform);
            var statusText = Required(RegistryColumns.Column.Status);
            var reference = Cell(RegistryColumns.Column.Ref) is { Length: > 0 } r ? r : null;
            var number = Cell(RegistryColumns.Column.Number) is { Length: > 0 } n ? n : null;

            Platform? platform = null;
            if (platformText is not null && (platform = RegistryColumns.PlatformOf(platformText)) is null)
                errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.Platform), $"unknown platform {RegistryText.Quote(platformText)} (use {RegistryColumns.PlatformWords})"));
            FilingStatus? status = null;
            if (statusText is not null && (status = RegistryColumns.StatusOf(statusText)) is null)
                errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.Status), $"unknown status {RegistryText.Quote(statusText)} (use {RegistryColumns.StatusWords})"));
            DateOnly? closedOn = null;
            if (Cell(RegistryColumns.Column.ClosedOn) is { Length: > 0 } dateText && (closedOn = ParseDate(dateText)) is null)
                errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.ClosedOn), $"{RegistryText.Quote(dateText)} is not a date (write 2026-10-01, 2026/10/01 or 2026年10月1日)"));

            if (platform is { } p)
            {
                if (reference is not null && !byRef.TryAdd((p, reference), at))
                    errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.Ref), $"duplicate account: the same platform and id/link as {byRef[(p, reference)]}"));
                else if (name is not null && !byName.TryAdd((p, name), at))
                    errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.Name), $"duplicate account: the same platform and name as {byName[(p, name)]}"));
            }

            if (number is not null && !byNumber.TryAdd(number, at))
                errors.Add(new RegistryError(at, RegistryColumns.Label(RegistryColumns.Column.Number), $"duplicate filing number {RegistryText.Quote(number)} (also {byNumber[number]})"));

            if (unit is not null && name is not null && platform is { } pl && status is { } s)
                entries.Add(new RegistryEntry(at, unit, pl, name, reference, number, s, statusText!, closedOn));
        }

        return errors.Count > 0 ? Failed([.. errors]) : new RegistryReadResult(entries, []);
    }

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-MM-dd HH:mm", "yyyy/M/d H:mm"];

    private static DateOnly? ParseDate(string text) =>
        DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? DateOnly.FromDateTime(date) : null;

    private static RegistryReadResult Failed(params RegistryError[] errors) => new([], errors);
}
