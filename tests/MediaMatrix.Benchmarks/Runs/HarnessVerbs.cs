namespace MediaMatrix.Benchmarks.Runs;

/// <summary>The whole-process runs, one verb each.</summary>
internal static class HarnessVerbs
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("usage: micro [BenchmarkDotNet args] | r1 | r3 | e1 | q1 | m1 | u1 | simulator");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
