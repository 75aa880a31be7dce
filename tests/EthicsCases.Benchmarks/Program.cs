using BenchmarkDotNet.Running;
using EthicsCases.Benchmarks;

// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Form4Parse*' --job short
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*DemoSeed*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*AuditVerify*'
// dotnet run -c Release --project tests/EthicsCases.Benchmarks -- --filter '*Metrics*'
BenchmarkSwitcher.FromAssembly(typeof(Form4ParseBenchmarks).Assembly).Run(args);
