using System.Data.Common;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Features.Advice;
using EthicsCases.Features.Cases;
using EthicsCases.Features.Concerns;
using EthicsCases.Features.People;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Tests.Features.Paging;

public sealed class KeysetPagingTests(DatabaseProvider provider) : DatabaseFixture(provider)
{
    private async Task<List<string>> FileAsync(int count, string category = "BooksAndRecords", bool sameInstant = false)
    {
        var references = new List<string>();
        for (var i = 0; i < count; i++)
        {
            references.Add((await Db.SendAs(Cast.Cfo, new FileConcern(category, $"Concern {i}", null, []))).Reference);
            if (!sameInstant)
            {
                Db.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        return references;
    }

    private async Task<(List<T> Rows, int Pages)> AllPagesAsync<T>(string who, Func<string?, Mediator.IQuery<Page<T>>> query)
    {
        var rows = new List<T>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Db.SendAs(who, query(cursor));
            rows.AddRange(page.Items);
            cursor = page.Next;
            pages++;
        }
        while (cursor is not null && pages < 100);

        return (rows, pages);
    }

    [Test]
    public async Task Pages_of_cases_hold_every_visible_case_once_oldest_first()
    {
        var filed = await FileAsync(4);
        filed.AddRange(await FileAsync(3, sameInstant: true)); // equal filing times: the reference breaks the tie

        var (rows, pages) = await AllPagesAsync(Cast.AuditMember, after => new ListCases(Limit: 3, After: after));

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Reference), Is.EqualTo(filed), "every case once, in filing order");
            Assert.That(pages, Is.EqualTo(3), "3 + 3 + 1");
        });
    }

    [Test]
    public async Task First_page_counts_visible_cases_per_state_and_later_pages_do_not()
    {
        var books = await FileAsync(3);
        await FileAsync(2, "Fraud");
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(books[0], "Accept", null));

        var first = await Db.SendAs(Cast.GeneralCounsel, new ListCases(Limit: 2));
        var second = await Db.SendAs(Cast.GeneralCounsel, new ListCases(Limit: 2, After: first.Next));

        Assert.Multiple(() =>
        {
            Assert.That(first.Counts![nameof(CaseState.Intake)], Is.EqualTo(2), "the Fraud cases are not the General Counsel's");
            Assert.That(first.Counts[nameof(CaseState.GeneralCounselReview)], Is.EqualTo(1));
            Assert.That(second.Counts, Is.Null);
            Assert.That(second.Items.Select(i => i.Reference), Is.EqualTo(new[] { books[2] }));
            Assert.That(second.Next, Is.Null);
        });
    }

    [Test]
    public async Task Queue_pages_merge_its_states_oldest_first()
    {
        var filed = await FileAsync(5);
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed[1], "Accept", null));
        await Db.SendAs(Cast.GeneralCounsel, new FireTrigger(filed[3], "Accept", null));

        var (rows, pages) = await AllPagesAsync(Cast.GeneralCounsel,
            after => new ReviewQueue([CaseState.Intake, CaseState.GeneralCounselReview], Limit: 2, After: after));

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Reference), Is.EqualTo(filed), "both states, interleaved by filing time");
            Assert.That(rows.Select(r => r.State), Is.EqualTo(new[]
            {
                CaseState.Intake, CaseState.GeneralCounselReview, CaseState.Intake, CaseState.GeneralCounselReview, CaseState.Intake,
            }));
            Assert.That(pages, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task My_reports_page_newest_first()
    {
        var filed = await FileAsync(5);

        var (rows, _) = await AllPagesAsync(Cast.Cfo, after => new MyReports(2, after));

        Assert.That(rows.Select(r => r.Reference), Is.EqualTo(Enumerable.Reverse(filed)));
    }

    [Test]
    public async Task Directory_and_advice_page_without_repeating_anyone()
    {
        for (var i = 0; i < 3; i++)
        {
            await Db.SendAs(Cast.GeneralCounsel, new RecordAdvice(Cast.Cfo, "Fraud", new DateOnly(2026, 1, 5), $"Advice {i}"));
            Db.Clock.Advance(TimeSpan.FromMinutes(1)); // same day given: the ledger orders by when it was recorded
        }

        var everyone = await Db.SendAs(Cast.Cfo, new ListPeople());
        var (people, peoplePages) = await AllPagesAsync(Cast.Cfo, after => new ListPeople(2, after));
        var (directory, _) = await AllPagesAsync(Cast.Admin, after => new ListDirectory(3, after));
        var (advice, advicePages) = await AllPagesAsync(Cast.AuditMember, after => new ListAdvice(null, 2, after));

        Assert.Multiple(() =>
        {
            Assert.That(people.Select(p => p.Email), Is.EqualTo(everyone.Select(p => p.Email)));
            Assert.That(peoplePages, Is.EqualTo((everyone.Count + 1) / 2));
            Assert.That(directory.Select(p => p.Email), Is.EquivalentTo(everyone.Select(p => p.Email)));
            Assert.That(advice.Select(a => a.Summary), Is.EqualTo(new[] { "Advice 0", "Advice 1", "Advice 2" }));
            Assert.That(advicePages, Is.EqualTo(2));
        });
    }

    [Test]
    public void Page_larger_than_200_is_refused_on_limit()
    {
        var refused = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.AuditMember, new ListCases(Limit: 201)));
        Assert.That(refused!.Errors.Keys, Is.EquivalentTo(new[] { "limit" }));
    }

    [TestCase("not-a-cursor")]
    [TestCase("AAAA")]
    public void Cursor_this_list_did_not_give_out_is_refused_on_after(string cursor)
    {
        var refused = Assert.ThrowsAsync<ValidationFailedException>(() => Db.SendAs(Cast.AuditMember, new ListCases(Limit: 5, After: cursor)));
        Assert.That(refused!.Errors.Keys, Is.EquivalentTo(new[] { "after" }));
    }

    [Test]
    public async Task Recused_reviewer_pages_past_the_case_naming_them()
    {
        var filed = await FileAsync(2, "Fraud");
        var aboutChair = (await Db.SendAs(Cast.Controller, new FileConcern("Fraud", "About the chair", null, [Cast.AuditChair]))).Reference;
        Db.Clock.Advance(TimeSpan.FromMinutes(1));
        filed.AddRange(await FileAsync(2, "Fraud"));

        var (rows, _) = await AllPagesAsync(Cast.AuditChair, after => new ReviewQueue([CaseState.Intake], 1, after));

        Assert.Multiple(() =>
        {
            Assert.That(rows.Select(r => r.Reference), Is.EqualTo(filed));
            Assert.That(rows.Select(r => r.Reference), Does.Not.Contain(aboutChair));
        });
    }

    [Test]
    public async Task General_counsel_queue_page_is_read_from_an_index_in_order()
    {
        await FileAsync(3);
        var sql = await Db.Read(db =>
        {
            var gc = db.People.AsNoTracking().Single(p => p.Email == Cast.GeneralCounsel);
            var cursor = global::EthicsCases.Common.Paging.Cursor(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), "EC-2026-0001");
            return Task.FromResult(CaseRows.After(db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(gc, db.CaseSubjects)), cursor)
                .Where(c => c.State == CaseState.Intake).OrderBy(c => c.FiledAt).ThenBy(c => c.Reference).Take(51)
                .Select(c => new { c.Id, c.Reference }).ToQueryString());
        });

        var plan = await PlanAsync(sql);

        Assert.Multiple(() =>
        {
            Assert.That(plan, Does.Contain("IX_Cases_State"), "an index on the state serves the queue");
            Assert.That(plan, Does.Not.Contain("TEMP B-TREE").And.Not.Contains("Sort"), "rows come out of the index in page order");
            Assert.That(sql, Does.Not.Contain("json_each").And.Not.Contains("RoutedTo\" @>"), "routing is a column, not a list scanned per row");
        });
    }

    [Test]
    public async Task A_state_is_counted_up_to_the_limit_from_the_state_index_alone()
    {
        await FileAsync(3);
        var sql = await Db.Read(db =>
        {
            var gc = db.People.AsNoTracking().Single(p => p.Email == Cast.GeneralCounsel);
            // What CaseRows.CountInStateAsync counts (EF wraps it in COUNT(*)), for the General Counsel's rule with its OR.
            return Task.FromResult(db.Cases.AsNoTracking().IgnoreAutoIncludes().Where(CaseAccess.VisibleTo(gc, db.CaseSubjects))
                .Where(c => c.State == CaseState.Intake).Take(CaseRows.CountLimit).Select(c => 1).ToQueryString());
        });

        var plan = await PlanAsync(sql);

        Assert.Multiple(() =>
        {
            Assert.That(sql, Does.Contain("LIMIT"), "counting stops at the limit");
            if (Provider == DatabaseProvider.Sqlite)
            {
                Assert.That(plan, Does.Contain("COVERING INDEX IX_Cases_State_FiledAt"), "routing, reporter and id come from the index: no table row per case counted");
                Assert.That(plan, Does.Contain("LIST SUBQUERY").And.Not.Contain("CORRELATED"),
                    "the cases naming the viewer are read once, not probed per case counted");
            }
            else
            {
                Assert.That(plan, Does.Contain("hashed SubPlan"), "the cases naming the viewer are read once into a hash, not probed per case counted");
            }
        });
    }

    // The plan of the statement EF generated, with its parameters bound as literals (EXPLAIN cannot bind them otherwise).
    private async Task<string> PlanAsync(string sql)
    {
        var lines = sql.Split('\n');
        var parameters = lines.TakeWhile(l => l.StartsWith(".param set", StringComparison.Ordinal) || l.StartsWith("-- @", StringComparison.Ordinal)).ToList();
        var body = string.Join('\n', lines.Skip(parameters.Count));
        foreach (var p in parameters)
        {
            // SQLite: ".param set @p 'value'"; PostgreSQL: "-- @p='value' (DbType = ...)".
            var text = p.StartsWith(".param set ", StringComparison.Ordinal) ? p[".param set ".Length..] : p[3..];
            var split = text.IndexOfAny([' ', '=']);
            var name = text[..split];
            var value = text[(split + 1)..].Split(" (", 2)[0].Trim();
            if (Provider == DatabaseProvider.PostgreSql && value.StartsWith('\'') && DateTime.TryParse(value.Trim('\''), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
            {
                value += "::timestamptz";
            }

            body = System.Text.RegularExpressions.Regex.Replace(body, System.Text.RegularExpressions.Regex.Escape(name) + @"\b", value.Replace("$", "$$", StringComparison.Ordinal));
        }

        await using var connection = Provider == DatabaseProvider.Sqlite
            ? (DbConnection)new Microsoft.Data.Sqlite.SqliteConnection(Db.Connection)
            : new Npgsql.NpgsqlConnection(Db.Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        if (Provider == DatabaseProvider.PostgreSql)
        {
            // A test database is tiny: make the planner choose as it would on a large table.
            command.CommandText = "SET enable_seqscan = off; SET enable_sort = off;";
            await command.ExecuteNonQueryAsync();
        }

        command.CommandText = (Provider == DatabaseProvider.Sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + body;
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetValue(reader.FieldCount - 1)?.ToString() ?? "");
        }

        return string.Join('\n', plan);
    }
}
