using System.Diagnostics;

namespace EthicsCases.Benchmarks.Load;

/// <summary>What a run measured (closed loop, open loop at a rate, or one after the other): completed operations, failures, throughput and latency percentiles.</summary>
public sealed record Latencies(int Operations, int Failures, double Seconds, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Seconds > 0 ? Operations / Seconds : 0;

    /// <summary>
    /// Runs <paramref name="operation"/> in <paramref name="workers"/> loops for <paramref name="warmUp"/> (not counted)
    /// then <paramref name="duration"/>; an operation answers whether it succeeded.
    /// </summary>
    public static async Task<Latencies> MeasureAsync(int workers, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        var clock = Stopwatch.StartNew();
        var start = warmUp;
        var end = warmUp + duration;
        var samples = new List<long>[workers];
        var failures = new int[workers];
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            var mine = samples[w] = new List<long>(4096);
            while (clock.Elapsed < end)
            {
                var began = clock.Elapsed;
                var ok = await operation(w);
                if (began < start)
                {
                    continue;
                }

                if (ok)
                {
                    mine.Add((clock.Elapsed - began).Ticks);
                }
                else
                {
                    failures[w]++;
                }
            }
        })));
        var measured = (clock.Elapsed - start).TotalSeconds;
        return Of(samples.SelectMany(s => s).ToArray(), failures.Sum(), measured);
    }

    /// <summary>
    /// Open loop: starts <paramref name="operation"/> at a fixed rate, whether or not earlier ones finished, for
    /// <paramref name="warmUp"/> (not counted) then <paramref name="duration"/>. Each latency runs from the operation's
    /// scheduled start, so a stall counts against every operation it delays (no coordinated omission). At most
    /// <paramref name="inFlight"/> run at once (the connections a client would hold); an operation that finds them all
    /// busy waits, and the wait counts.
    /// </summary>
    public static async Task<Latencies> AtRateAsync(double perSecond, int inFlight, TimeSpan warmUp, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        var free = System.Threading.Channels.Channel.CreateUnbounded<int>();
        for (var slot = 0; slot < inFlight; slot++)
        {
            free.Writer.TryWrite(slot);
        }

        var clock = Stopwatch.StartNew();
        var interval = TimeSpan.FromSeconds(1 / perSecond);
        var end = warmUp + duration;
        var samples = new System.Collections.Concurrent.ConcurrentBag<long>();
        var failures = 0;
        var running = new List<Task>();
        for (var n = 0L; ; n++)
        {
            var due = interval * n;
            if (due >= end)
            {
                break;
            }

            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var counted = due >= warmUp;
            running.Add(Task.Run(async () =>
            {
                var slot = await free.Reader.ReadAsync();
                try
                {
                    var ok = await operation(slot);
                    if (!counted)
                    {
                        return;
                    }

                    if (ok)
                    {
                        samples.Add((clock.Elapsed - due).Ticks);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                finally
                {
                    free.Writer.TryWrite(slot);
                }
            }));
        }

        await Task.WhenAll(running);
        return Of([.. samples], failures, duration.TotalSeconds);
    }

    /// <summary>Runs <paramref name="operation"/> <paramref name="count"/> times one after the other, after as many warm-up calls.</summary>
    public static async Task<Latencies> SequentialAsync(int warmUps, int count, Func<Task<bool>> operation)
    {
        for (var i = 0; i < warmUps; i++)
        {
            await operation();
        }

        var ticks = new List<long>(count);
        var failures = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var one = Stopwatch.StartNew();
            if (await operation())
            {
                ticks.Add(one.Elapsed.Ticks);
            }
            else
            {
                failures++;
            }
        }

        return Of([.. ticks], failures, total.Elapsed.TotalSeconds);
    }

    private static Latencies Of(long[] ticks, int failures, double seconds)
    {
        Array.Sort(ticks);
        return new Latencies(ticks.Length, failures, seconds, Percentile(ticks, 0.50), Percentile(ticks, 0.95), Percentile(ticks, 0.99),
            ticks.Length == 0 ? 0 : TimeSpan.FromTicks(ticks[^1]).TotalMilliseconds);
    }

    private static double Percentile(long[] sorted, double p) =>
        sorted.Length == 0 ? 0 : TimeSpan.FromTicks(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)]).TotalMilliseconds;
}
