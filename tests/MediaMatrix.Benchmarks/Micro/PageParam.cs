using System.Globalization;

namespace MediaMatrix.Benchmarks.Micro;

/// <summary>Reads a page parameter such as <c>padded-104KB</c> into its shape and size.</summary>
internal static class PageParam
{
    public static (string Shape, int Kilobytes) Parse(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        return (value[..dash], int.Parse(value[(dash + 1)..^2], CultureInfo.InvariantCulture));
    }
}
