namespace MediaMatrix.Cli;

internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("usage: mediamatrix <validate|check|serve|demo|simulate> ...");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
