namespace MediaMatrix.Benchmarks.Runs;

/// <summary>The whole-process runs, one verb each; docs/benchmarks.md gives the command for each figure.</summary>
internal static class HarnessVerbs
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new RunArguments(args);
        switch (args.FirstOrDefault())
        {
            case "r1":
                return await RoundTripRun.RunAsync(options);
            case "r3":
                return await MemoryPerPostRun.RunAsync(options);
            case "content":
                return await ContentCheckRun.RunAsync(options);
            case "e1":
                return await EndToEndRun.RunAsync(options);
            case "q1":
                return await SchedulerOverheadRun.RunAsync(options);
            case "q1-serve":
                return await ServedSchedulerRun.RunAsync(options);
            case "e2":
                return await SoakRun.RunAsync(options);
            case "m1":
                return await ServedPagesRun.RunAsync("M1", options);
            case "u1":
                return await ServedPagesRun.RunAsync("U1", options);
            case "ratios":
                return await MicroRatiosRun.RunAsync(args.ElementAtOrDefault(1));
            case "spin" when args.Length >= 4:
                return await MicroRatiosRun.SpinAsync(args[1], args[2], int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
            case "s1":
                return await AssessmentRun.RunAsync(options);
            case "round":
                return await RoundRun.RunAsync(options);
            case "golden":
                return await GoldenRun.RunAsync(options);
            case "simulator":
                return await SimulatorProcess.ServeAsync(options);
            default:
                await Console.Error.WriteLineAsync("usage: micro [BenchmarkDotNet args] | ratios [P1|P3|P4] | spin P1|P3|P4 <input> <seconds> | s1 | r1 | r3 | e1 | q1 | q1-serve | e2 | m1 | u1 | content [--entries N] [--mb N] | round | golden [--accounts N] (docs/benchmarks.md)");
                return 2;
        }
    }
}
