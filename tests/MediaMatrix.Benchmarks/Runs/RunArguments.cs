using System.Globalization;

namespace MediaMatrix.Benchmarks.Runs;

/// <summary><c>--name value</c> flags after the verb.</summary>
internal sealed class RunArguments(string[] args)
{
    public int Int(string name, int fallback)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public string? Text(string name)
    {
        var at = Array.IndexOf(args, "--" + name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
