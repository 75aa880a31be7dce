using EthicsCases.Common;
using EthicsCases.Data;

namespace EthicsCases.Tests.Common;

/// <summary>Commands are let in a few at a time, none is lost or let in twice, and a command inside a command never waits for itself.</summary>
public sealed class WriteAdmissionTests
{
    [Test]
    public async Task No_more_than_the_limit_run_at_once_and_every_one_runs()
    {
        var admission = new WriteAdmission(3);
        var running = 0;
        var most = 0;
        var done = 0;

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(async () => await admission.RunAsync(async () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(5 + (i % 3));
            Interlocked.Decrement(ref running);
            return Interlocked.Increment(ref done);
        }, CancellationToken.None))));

        Assert.Multiple(() =>
        {
            Assert.That(done, Is.EqualTo(40), "every command ran");
            Assert.That(most, Is.EqualTo(3), "three at a time, and the limit was reached");
        });
    }

    [Test]
    public async Task A_command_sent_from_inside_a_command_passes_without_a_second_permit()
    {
        var admission = new WriteAdmission(1);

        var inner = admission.RunAsync(() => admission.RunAsync(() => ValueTask.FromResult(42), CancellationToken.None), CancellationToken.None).AsTask();

        Assert.That(await inner.WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(42));
    }

    [Test]
    public async Task A_caller_that_gives_up_while_waiting_takes_no_permit_with_it()
    {
        var admission = new WriteAdmission(1);
        var release = new TaskCompletionSource();
        var holder = admission.RunAsync(async () => { await release.Task; return 1; }, CancellationToken.None).AsTask();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        Assert.That(async () => await admission.RunAsync(() => ValueTask.FromResult(2), cancel.Token), Throws.InstanceOf<OperationCanceledException>());
        release.SetResult();
        await holder;
        Assert.That(await admission.RunAsync(() => ValueTask.FromResult(3), CancellationToken.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10)), Is.EqualTo(3),
            "the permit came back");
    }

    [Test]
    public void The_default_limits_sqlite_only()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WriteAdmission.DefaultFor(DatabaseProvider.Sqlite), Is.EqualTo(2 * Environment.ProcessorCount));
            Assert.That(WriteAdmission.DefaultFor(DatabaseProvider.PostgreSql), Is.Zero, "PostgreSQL's writers do not queue on one lock");
            Assert.That(new WriteAdmission(0).Limit, Is.Zero);
        });
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
