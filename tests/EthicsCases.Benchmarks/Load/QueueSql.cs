using System.Globalization;
using EthicsCases.Domain;
using Microsoft.Data.Sqlite;

namespace EthicsCases.Benchmarks.Load;

/// <summary>
/// The queue's first page written by hand: per state, the visible cases in filing order from the index
/// <c>(State[, RoutedToGeneralCounsel], FiledAt, Reference)</c>, 51 rows, and the state's count; the same rows and counts
/// <c>/api/queue</c> answers, without decryption, deadlines or HTTP.
/// </summary>
public static class QueueSql
{
    public static async Task<Latencies> MeasureAsync(string file, Person viewer, IReadOnlyList<CaseState> states, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            // The app's connection settings, so that the baseline reads as the app reads.
            pragmas.CommandText = EthicsCases.Data.SqliteWriteGate.ConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync();
        }

        var me = viewer.Id.ToString().ToUpperInvariant();
        // The General Counsel sees what is routed to them (and what they reported themselves); the Audit Committee every
        // case; both never a case naming them: read once from the subjects' person index when few cases name the viewer
        // (a probe per case looked at costs a random read), else probed per case (reading 40,000 ids per query costs
        // more), the choice the app makes (CaseAccess.ReadRecusalOnce), made here once, knowing the data.
        bool readOnce;
        await using (var naming = connection.CreateCommand())
        {
            naming.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM CaseSubjects WHERE PersonId = $me LIMIT {CaseAccess.ReadRecusalOnceLimit})";
            naming.Parameters.AddWithValue("$me", me);
            readOnce = CaseAccess.ReadRecusalOnce(Convert.ToInt32(await naming.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }

        var recusal = readOnce
            ? "c.Id NOT IN (SELECT s.CaseId FROM CaseSubjects s WHERE s.PersonId = $me)"
            : "NOT EXISTS (SELECT 1 FROM CaseSubjects s WHERE s.CaseId = c.Id AND s.PersonId = $me)";
        var routed = viewer.Has(Role.AuditCommittee) ? "" : "AND (c.RoutedToGeneralCounsel = 1 OR c.ReporterId = $me) ";
        var filter = $"c.State = $state {routed}AND {recusal}";
        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.Id, c.Reference, c.Category, c.State, c.Summary, c.ContentPurgedAt, c.FiledAt, c.UpdatedAt, c.ReporterId
            FROM Cases c WHERE {filter} ORDER BY c.FiledAt, c.Reference LIMIT 51
            """;
        await using var counting = connection.CreateCommand();
        // Counted up to the app's limit, as the API counts (CaseRows.CountLimit).
        counting.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM Cases c WHERE {filter} LIMIT {EthicsCases.Common.CaseRows.CountLimit})";
        foreach (var command in new[] { page, counting })
        {
            command.Parameters.AddWithValue("$state", "");
            command.Parameters.AddWithValue("$me", me);
            await command.PrepareAsync();
        }

        return await Latencies.SequentialAsync(20, count, async () =>
        {
            var rows = 0;
            foreach (var state in states)
            {
                page.Parameters["$state"].Value = state.ToString();
                counting.Parameters["$state"].Value = state.ToString();
                await using (var reader = await page.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        rows++;
                        _ = reader.GetValue(4);
                    }
                }

                _ = await counting.ExecuteScalarAsync();
            }

            return rows >= 0;
        });
    }
}
