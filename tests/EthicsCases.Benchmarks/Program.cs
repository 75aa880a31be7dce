using BenchmarkDotNet.Running;
using EthicsCases.Benchmarks;

// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Form4*' --job short
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*DemoSeed*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --throughput   (quick filings/s per stage, one thread)
if (args.Contains("--throughput"))
{
    Form4Throughput.Run(TimeSpan.FromSeconds(2));
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Form4ParseBenchmarks).Assembly).Run(args);
