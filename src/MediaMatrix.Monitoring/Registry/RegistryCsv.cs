using System.Text;

namespace MediaMatrix.Monitoring.Registry;

/// <summary>
/// RFC 4180 records with the line each starts on, for messages that say <c>registry.csv:7</c>. Quoted fields may hold
/// commas, doubled quotes and line breaks; CRLF and LF both end a record. A quote left open is an error at its line.
/// </summary>
internal static class RegistryCsv
{
    public static List<(int Line, List<string> Cells)> Read(string text, string file, List<RegistryError> errors)
    {
        var records = new List<(int, List<string>)>();
        var cells = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                        line++;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
                quoteLine = line;
            }
            else if (c == ',')
            {
                cells.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    i++;
                cells.Add(field.ToString());
                field.Clear();
                records.Add((recordLine, cells));
                cells = [];
                recordLine = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            errors.Add(new RegistryError($"{file}:{quoteLine}", "", "a quoted field is never closed (a '\"' without its partner)"));
            return [];
        }

        if (field.Length > 0 || cells.Count > 0)
        {
            cells.Add(field.ToString());
            records.Add((recordLine, cells));
        }

        return records;
    }
}
