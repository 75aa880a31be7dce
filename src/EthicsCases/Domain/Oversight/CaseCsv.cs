using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using EthicsCases.Domain.Sanctions;

namespace EthicsCases.Domain.Oversight;

/// <summary>
/// One case in the CSV export, as the viewer may see it: the caller leaves out what the viewer may not see
/// (<see cref="Subjects"/> null), and an anonymous report never carries a reporter.
/// </summary>
/// <param name="Reference">The case reference.</param>
/// <param name="Category">The SOP category.</param>
/// <param name="State">The top-level state.</param>
/// <param name="Outcome">The outcome once closed.</param>
/// <param name="FiledAt">When filed (UTC).</param>
/// <param name="ClosedAt">When closed (UTC); null while open.</param>
/// <param name="Anonymous">Filed without a name.</param>
/// <param name="Reporter">The reporter's name or e-mail; null for an anonymous report (written empty whatever is given).</param>
/// <param name="Subjects">The subjects' names; null when the viewer may not see them (written empty).</param>
/// <param name="Determination">The Board's determination (the newest), once recorded.</param>
public sealed record CaseExportRow(
    string Reference,
    ConcernCategory Category,
    CaseState State,
    CaseOutcome? Outcome,
    DateTime FiledAt,
    DateTime? ClosedAt,
    bool Anonymous,
    string? Reporter,
    IReadOnlyList<string>? Subjects,
    ExportedDetermination? Determination);

/// <summary>The determination columns of the export.</summary>
/// <param name="ViolationFound">Whether the Board determined a violation.</param>
/// <param name="Sanctions">The actions determined.</param>
/// <param name="Recommendation">What the sanction policy recommended; null when no violation was found.</param>
/// <param name="DepartsFromRecommendation">Whether the actions depart from the recommendation.</param>
public sealed record ExportedDetermination(bool ViolationFound, IReadOnlyList<Sanction> Sanctions, Sanction? Recommendation, bool DepartsFromRecommendation);

/// <summary>
/// Writes the case export as RFC 4180 CSV (CsvHelper), one header row then one row per case. Dates are ISO 8601 UTC,
/// booleans <c>true</c>/<c>false</c>, absent values empty, lists joined by <c>;</c>. Any cell that a spreadsheet would
/// read as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return) is prefixed with
/// <c>'</c>, so an export opened in Excel cannot run what a reporter typed.
/// </summary>
public static class CaseCsv
{
    /// <summary>The header row, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "reference", "category", "state", "outcome", "filedAt", "closedAt", "anonymous", "reporter", "subjects",
        "violation", "sanctions", "recommendation", "departsFromRecommendation",
    ];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        NewLine = "\r\n",
    };

    /// <summary>Writes the header and the rows; returns how many rows were written. The writer stays open.</summary>
    public static int Write(TextWriter writer, IEnumerable<CaseExportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        using (var header = new CsvWriter(writer, Configuration, leaveOpen: true))
        {
            foreach (var column in Columns)
            {
                header.WriteField(column);
            }

            header.NextRecord();
        }

        return WriteRows(writer, rows);
    }

    private static int WriteRows(TextWriter writer, IEnumerable<CaseExportRow> rows)
    {
        using var csv = new CsvWriter(writer, Configuration, leaveOpen: true);
        var count = 0;
        foreach (var row in rows)
        {
            var d = row.Determination;
            csv.WriteField(row.Reference);
            csv.WriteField(row.Category.ToString());
            csv.WriteField(row.State.ToString());
            csv.WriteField(row.Outcome?.ToString() ?? string.Empty);
            csv.WriteField(Timestamp(row.FiledAt));
            csv.WriteField(row.ClosedAt is { } closed ? Timestamp(closed) : string.Empty);
            csv.WriteField(Bool(row.Anonymous));
            // Defence in depth: an anonymous report's reporter is never written, whatever the caller passed.
            csv.WriteField(row.Anonymous ? string.Empty : row.Reporter ?? string.Empty);
            csv.WriteField(row.Subjects is null ? string.Empty : string.Join(";", row.Subjects));
            csv.WriteField(d is null ? string.Empty : Bool(d.ViolationFound));
            csv.WriteField(d is null ? string.Empty : string.Join(";", d.Sanctions));
            csv.WriteField(d?.Recommendation?.ToString() ?? string.Empty);
            csv.WriteField(d is null ? string.Empty : Bool(d.DepartsFromRecommendation));
            csv.NextRecord();
            count++;
        }

        csv.Flush();
        return count;
    }

    /// <summary>
    /// Writes the header and the rows as they arrive, flushing asynchronously (a web response allows no synchronous
    /// writes); returns how many rows were written. The writer stays open.
    /// </summary>
    public static async Task<int> WriteAsync(TextWriter writer, IAsyncEnumerable<CaseExportRow> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var count = 0;
        var batch = new List<CaseExportRow>(256);
        using var buffer = new StringWriter(CultureInfo.InvariantCulture);
        Write(buffer, []);
        await foreach (var row in rows.WithCancellation(ct))
        {
            batch.Add(row);
            if (batch.Count == batch.Capacity)
            {
                count += await FlushAsync(writer, buffer, batch, ct);
            }
        }

        count += await FlushAsync(writer, buffer, batch, ct);
        await writer.FlushAsync(ct);
        return count;
    }

    private static async Task<int> FlushAsync(TextWriter writer, StringWriter buffer, List<CaseExportRow> batch, CancellationToken ct)
    {
        var written = WriteRows(buffer, batch);
        batch.Clear();
        var sb = buffer.GetStringBuilder();
        await writer.WriteAsync(sb, ct);
        sb.Clear();
        return written;
    }

    private static string Timestamp(DateTime at) =>
        (at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : at).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
