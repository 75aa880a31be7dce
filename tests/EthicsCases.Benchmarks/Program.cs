using BenchmarkDotNet.Running;
using EthicsCases.Benchmarks;
using EthicsCases.Benchmarks.Load;

// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Form4Parse*' --job short
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*DemoSeed*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*AuditVerify*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Metrics*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- load [--cases 100000] [--connections 32] [--duration 20s] [--json]
if (args.Length > 0 && args[0] == "load")
{
    return await LoadDriver.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Form4ParseBenchmarks).Assembly).Run(args);
return 0;
