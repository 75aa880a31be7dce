using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Form4*' --job short
BenchmarkSwitcher.FromAssembly(typeof(EthicsCases.Benchmarks.Form4ParseBenchmarks).Assembly).Run(args);
