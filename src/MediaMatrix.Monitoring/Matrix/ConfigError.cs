namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// One problem found in a config file, located the way compilers do it so editors and CI logs can
/// jump to it: <c>matrix.yaml:12:7: accounts[3].source.profile: unknown profile 'gov-lst'</c>.
/// <see cref="Line"/> and <see cref="Column"/> are 1-based; 0 means the problem is with the file
/// as a whole (not found, unreadable). <see cref="Field"/> is empty for whole-file problems.
/// </summary>
public sealed record ConfigError(string File, int Line, int Column, string Field, string Message)
{
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return Field.Length > 0 ? $"{where}: {Field}: {Message}" : $"{where}: {Message}";
    }
}
