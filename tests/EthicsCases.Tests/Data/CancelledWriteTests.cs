using EthicsCases.Data;
using EthicsCases.Features.Concerns;
using EthicsCases.Tests.Infrastructure;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Data;

/// <summary>
/// A client that hangs up mid-request cancels the filing wherever it is: waiting for SQLite's one writer, beginning the
/// transaction, writing, committing. None of that may keep the writer (on SQLite, the in-process gate) or leave half a
/// case: the next filing goes through, and every case stored is whole with its audit event.
/// </summary>
public sealed class CancelledWriteTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    [Test]
    public async Task Filings_cancelled_at_any_point_leave_the_writer_free_and_nothing_half_written()
    {
        var random = new Random(10);
        var attempts = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            using var hangUp = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(0, 40)));
            await using var scope = Db.Scope(Cast.Cfo);
            try
            {
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FileConcern("Fraud", $"Cancelled {i}", null, [Cast.Controller]), hangUp.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        })).ToList();
        var completed = await Task.WhenAll(attempts);
        Assert.That(completed, Has.Some.False, "some filings were cancelled on the way");

        var after = Db.SendAs(Cast.Cfo, new FileConcern("Fraud", "After the hang-ups", null, []));
        Assert.That(await Task.WhenAny(after, Task.Delay(TimeSpan.FromSeconds(20))), Is.SameAs(after), "the writer is free after the cancelled filings");
        var last = (await after).Reference;

        var stored = await Db.Read(db => db.Cases.Select(c => new { c.Reference, Events = c.History.Count, Subjects = c.Subjects.Count }).ToListAsync());
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.EqualTo(completed.Count(c => c) + 1), "every completed filing is stored, and only those");
            Assert.That(stored.Select(s => s.Reference), Is.Unique);
            Assert.That(stored.Where(s => s.Reference != last).Select(s => (s.Events, s.Subjects)), Is.All.EqualTo((1, 1)), "each stored filing is whole");
        });
    }

    [Test]
    public async Task A_writer_cancelled_just_as_its_turn_comes_gives_the_turn_back()
    {
        // The race a hang-up under load meets: the writer ahead commits, the waiting filing is given the writer, and
        // its request is cancelled before it begins its transaction. Repeated, since the two threads race.
        for (var round = 0; round < 40; round++)
        {
            await using var ahead = Db.Scope(Cast.Cfo);
            var db = ahead.ServiceProvider.GetRequiredService<EthicsDbContext>();
            var holding = await db.Database.BeginTransactionAsync();
            // A write, so that PostgreSQL's filing waits too (on the reference counter's row).
            await db.Database.ExecuteSqlRawAsync(Provider == DatabaseProvider.PostgreSql
                ? "INSERT INTO \"ReferenceCounters\" (\"Year\", \"Last\") VALUES (2026, 0) ON CONFLICT (\"Year\") DO UPDATE SET \"Last\" = \"ReferenceCounters\".\"Last\""
                : "UPDATE AuditHeads SET Seq = Seq WHERE Id = 1");

            using var hangUp = new CancellationTokenSource();
            await using var waiting = Db.Scope(Cast.Cfo);
            var filing = waiting.ServiceProvider.GetRequiredService<IMediator>().Send(new FileConcern("Fraud", $"Round {round}", null, []), hangUp.Token).AsTask();
            await Task.Delay(20);
            await holding.CommitAsync();
            await hangUp.CancelAsync();
            try
            {
                await filing;
            }
            catch (OperationCanceledException)
            {
            }

            await holding.DisposeAsync();
            var next = Db.SendAs(Cast.Cfo, new FileConcern("Fraud", $"After round {round}", null, []));
            Assert.That(await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(20))), Is.SameAs(next), $"round {round}: the writer is free");
            await next;
        }
    }
}
