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

        // The General Counsel sees what is routed to them (and what they reported themselves); the Audit Committee every
        // case; both never a case naming them, read once from the subjects' person index (a NOT EXISTS per case would
        // cost a random read of the subjects' index for each case looked at).
        var routed = viewer.Has(Role.AuditCommittee) ? "" : "AND (c.RoutedToGeneralCounsel = 1 OR c.ReporterId = $me) ";
        var filter = $"c.State = $state {routed}AND c.Id NOT IN (SELECT s.CaseId FROM CaseSubjects s WHERE s.PersonId = $me)";
        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.Id, c.Reference, c.Category, c.State, c.Summary, c.ContentPurgedAt, c.FiledAt, c.UpdatedAt, c.ReporterId
            FROM Cases c WHERE {filter} ORDER BY c.FiledAt, c.Reference LIMIT 51
            """;
        await using var counting = connection.CreateCommand();
        // Counted up to the app's limit, as the API counts (CaseRows.CountLimit).
        counting.CommandText = $"SELECT COUNT(*) FROM (SELECT 1 FROM Cases c WHERE {filter} LIMIT {EthicsCases.Common.CaseRows.CountLimit})";
        var me = viewer.Id.ToString().ToUpperInvariant();
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
