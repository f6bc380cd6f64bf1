using System.Text;
using System.Text.Unicode;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>Reads a config file the matrix names (a rule pack, a calendar) as UTF-8 text, or says why it cannot, as a
/// whole-file error that never quotes the content.</summary>
internal static class ConfigFiles
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <param name="what">The file as the messages name it ("lexicon file"); <paramref name="kind"/> what it holds ("lexicon").</param>
    public static string? ReadText(string path, string what, out ConfigError? error, string? kind = null)
    {
        error = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new ConfigError(path, 0, 0, "", $"{what} not found (looked for {Path.GetFullPath(path)})");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = new ConfigError(path, 0, 0, "", $"{what} cannot be read: {e.Message}");
            return null;
        }

        if (bytes.AsSpan().Contains((byte)0) || !Utf8.IsValid(bytes))
        {
            error = new ConfigError(path, 0, 0, "", $"not a text file: a {kind ?? what} is UTF-8 YAML");
            return null;
        }

        return Strict.GetString(bytes).TrimStart('\uFEFF');
    }

    /// <summary>A resource embedded from config/ (the shipped packs, calendars and lexicon).</summary>
    public static string Embedded(string logicalName)
    {
        using var stream = typeof(ConfigFiles).Assembly.GetManifestResourceStream(logicalName)
            ?? throw new InvalidOperationException($"embedded config {logicalName} is missing from the build");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
