using MediaMatrix.Benchmarks.Micro;
using MediaMatrix.Benchmarks.Runs;

// `micro …` hands the rest to BenchmarkDotNet (P1, P3, P4, S1); every other verb is a whole-process run
// (R1, R3, E1, Q1, M1, U1) or the simulator child process those runs start. docs/benchmarks.md has the commands.
return args is ["micro", .. var rest]
    ? MicroBenchmarks.Run(rest)
    : await HarnessVerbs.RunAsync(args);
