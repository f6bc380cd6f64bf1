return await MediaMatrix.Cli.CommandLine.RunAsync(args);
