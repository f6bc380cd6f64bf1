using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace MediaMatrix.IntegrationTests.Bulletins;

/// <summary>
/// Reads an XLSX with an independent implementation: Debian's python3-openpyxl (test.sh installs it), run as a child
/// process that prints every sheet's cells as JSON (value and openpyxl's data type: s text, n number, f formula).
/// </summary>
internal static class OpenpyxlReader
{
    private const string Script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps({
            "sheets": wb.sheetnames,
            "cells": {ws.title: [[{"v": c.value, "t": c.data_type} for c in row] for row in ws.iter_rows()] for ws in wb.worksheets},
            "headerBold": {ws.title: bool(ws["A1"].font.b) for ws in wb.worksheets},
        }, ensure_ascii=False))
        """;

    public static async Task<JsonDocument> ReadAsync(string path)
    {
        // Debian's interpreter is the one python3-openpyxl installs into; a pyenv python3 earlier on PATH would not see it.
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var info = new ProcessStartInfo(python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(Script);
        info.ArgumentList.Add(path);

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"openpyxl could not read {path}: {await stderr}");
        return JsonDocument.Parse(await stdout);
    }
}
