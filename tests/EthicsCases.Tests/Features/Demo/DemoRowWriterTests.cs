using EthicsCases.Data;
using EthicsCases.Features.Demo;
using EthicsCases.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EthicsCases.Tests.Features.Demo;

/// <summary>
/// The seed's SQLite writer binds values on the native statement itself; Microsoft.Data.Sqlite's parameters are the
/// reference. The rows of a real seed (every bulk table, every column, nulls included) are written both ways into two
/// fresh databases and read back as SQLite stores them: storage class and exact value must be the same everywhere.
/// </summary>
public sealed class DemoRowWriterTests
{
    private static readonly string[] BulkTables = ["DataKeys", "Cases", "CaseSubjects", "AuditEvents", "Determinations", "PriorAdvice", "MetricsCaseFacts"];

    [Test]
    public async Task Native_binding_stores_every_value_as_Microsoft_Data_Sqlite_parameters_store_it()
    {
        await using var seeded = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await seeded.AddCast();
        await seeded.SendAs(Cast.Admin, new SeedDemo(1_500, Seed: 11));
        var rows = new DemoRows();
        await seeded.Read(async db =>
        {
            rows.DataKeys.AddRange(await db.DataKeys.AsNoTracking().ToListAsync());
            rows.Cases.AddRange(await db.Cases.AsNoTracking().IgnoreAutoIncludes().ToListAsync());
            rows.Subjects.AddRange(await db.CaseSubjects.AsNoTracking().ToListAsync());
            rows.Events.AddRange(await db.AuditEvents.AsNoTracking().OrderBy(e => e.Seq).ToListAsync());
            rows.Determinations.AddRange(await db.Determinations.AsNoTracking().IgnoreAutoIncludes().ToListAsync());
            rows.Advice.AddRange(await db.PriorAdvice.AsNoTracking().ToListAsync());
            rows.Facts.AddRange(await db.MetricsCaseFacts.AsNoTracking().ToListAsync());
            return 0;
        });
        // Text at the edges of the native path: empty, and long and non-ASCII (past the stack buffer, multi-byte UTF-8).
        rows.Facts.Add(new EthicsCases.Domain.Oversight.MetricsCaseFactRow(Guid.NewGuid(), EthicsCases.Domain.Oversight.RoutingClass.AuditCommitteeOnly, ""));
        rows.Facts.Add(new EthicsCases.Domain.Oversight.MetricsCaseFactRow(Guid.NewGuid(), EthicsCases.Domain.Oversight.RoutingClass.AuditCommitteeOnly,
            string.Concat(Enumerable.Repeat("Zürich 漢字 \u0001 ", 200))));

        await using var byParameters = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var byNative = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await WriteAsync(byParameters, rows, nativeBinding: false);
        await WriteAsync(byNative, rows, nativeBinding: true);

        foreach (var table in BulkTables)
        {
            var expected = await StoredAsync(byParameters, table);
            var actual = await StoredAsync(byNative, table);
            Assert.That(expected, Is.Not.Empty, $"{table} has rows to compare");
            var firstDifference = expected.Zip(actual).Select((pair, i) => (pair.First, pair.Second, i)).FirstOrDefault(p => p.First != p.Second);
            Assert.Multiple(() =>
            {
                Assert.That(actual, Has.Count.EqualTo(expected.Count), $"{table}: as many rows");
                Assert.That(firstDifference.First, Is.Null, $"{table}: row {firstDifference.i} differs:\n  parameters {firstDifference.First}\n  native     {firstDifference.Second}");
            });
        }

        // The comparison saw every storage class the schema uses, including NULL, through both ways.
        var classes = (await StoredAsync(byNative, "Cases")).Concat(await StoredAsync(byNative, "AuditEvents")).Concat(await StoredAsync(byNative, "Determinations"))
            .SelectMany(r => r.Split('|')).Select(v => v.Split(':')[0]).ToHashSet();
        Assert.That(classes, Is.SupersetOf(new[] { "text", "integer", "blob", "null" }));
    }

    private static async Task WriteAsync(TestDatabase target, DemoRows rows, bool nativeBinding)
    {
        await using var scope = target.Scope(null);
        var db = scope.ServiceProvider.GetRequiredService<EthicsDbContext>();
        await db.Database.OpenConnectionAsync();
        // Only the bulk tables are written; the people and designations they point at are not what is compared.
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await using (var writer = new DemoRowWriter(db, nativeBinding))
        {
            await writer.WriteAsync(rows, CancellationToken.None);
        }

        await transaction.CommitAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON");
    }

    // Every row as SQLite holds it: each column's storage class and quoted value, in rowid order.
    private static Task<List<string>> StoredAsync(TestDatabase database, string table) => database.Read(async db =>
    {
        var columns = await db.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table}) ORDER BY cid").ToListAsync();
        // Names from the schema itself (the fixed list above and pragma_table_info), quoted as identifiers.
        var select = string.Join(" || '|' || ", columns.Select(c => "typeof(\"" + c + "\") || ':' || quote(\"" + c + "\")"));
        var sql = "SELECT " + select + " AS Value FROM \"" + table + "\" ORDER BY rowid";
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
    });
}
