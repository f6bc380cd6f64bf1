using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Hosting;

/// <summary>Loads the matrix config named by <c>Matrix:Config</c>, printing every problem with file, line and field.</summary>
internal static class MatrixFile
{
    public static MatrixConfig? Load(IConfiguration settings, TextWriter errors)
    {
        var path = settings["Matrix:Config"];
        if (string.IsNullOrWhiteSpace(path))
        {
            errors.WriteLine("no matrix config: pass --config FILE (or set Matrix__Config)");
            return null;
        }

        var result = MatrixConfigLoader.Load(path);
        foreach (var error in result.Errors)
        {
            errors.WriteLine(error.ToString());
        }

        return result.Errors.Count == 0 ? result.Config : null;
    }
}
