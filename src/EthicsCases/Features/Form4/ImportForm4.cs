using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Form4;

/// <summary>
/// Imports Section 16 filings: stores each (once), links its reporting owners to the directory, and files one
/// <see cref="ConcernCategory.SecuritiesLawViolation"/> concern per finding that warrants one, including Section 16(b)
/// short-swing pairs across every stored filing of the insider. The General Counsel or Audit Committee member importing
/// is the reporter, except of a concern that names them, which the system ("Form 4 monitor") files instead.
/// </summary>
/// <param name="Files">The filings.</param>
/// <param name="Filed">Transmission time to assume for files without a submission header (<c>--filed</c>).</param>
public sealed record ImportForm4(IReadOnlyList<Form4File> Files, FilingTime? Filed = null) : ICommand<ImportForm4Result>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => Form4Files.MonitorRoles;
}

/// <summary>What the import did (docs/contract.md: <c>imported</c> and <c>concernsFiled</c>; the rest is extra).</summary>
/// <param name="Imported">Filings stored by this run.</param>
/// <param name="ConcernsFiled">Cases filed, in order.</param>
/// <param name="Skipped">Files already imported (nothing changed for them).</param>
/// <param name="Errors">Files that could not be imported, with the reason.</param>
/// <param name="NeedsReview">Reporting owners of this run that are not linked to a directory person.</param>
/// <param name="Filings">Per stored filing: what it was and what it raised.</param>
public sealed record ImportForm4Result(
    int Imported,
    IReadOnlyList<Guid> ConcernsFiled,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<Form4ImportError> Errors,
    IReadOnlyList<Form4ReviewItem> NeedsReview,
    IReadOnlyList<ImportedFiling> Filings)
{
    /// <summary>
    /// What the checker read in each file, in the order given (an unreadable file with its reason), so a host that
    /// shows the findings beside the import does not parse the files a second time. Not part of the JSON contract.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<Form4Checked> Checked { get; init; } = [];
}

/// <summary>A file the import refused, and why.</summary>
public sealed record Form4ImportError(string File, string Reason);

/// <summary>A reporting owner that needs a person to match it to the directory.</summary>
public sealed record Form4ReviewItem(string File, string Name, string? Cik, OwnerMatch Match, string? Reason);

/// <summary>One stored filing.</summary>
public sealed record ImportedFiling(
    string File, Guid FilingId, string DocumentType, string? Issuer, DateOnly? Due, DateOnly? Filed, bool? Late,
    IReadOnlyList<string> Findings, IReadOnlyList<Guid> ConcernsFiled);

/// <summary>Rules for an import.</summary>
public sealed class ImportForm4Validator : AbstractValidator<ImportForm4>
{
    public ImportForm4Validator()
    {
        Form4Files.AddCountRule(this, c => c.Files);
        RuleForEach(c => c.Files).Must(f => !string.IsNullOrWhiteSpace(f.Name)).WithMessage("Every file needs a name.");
    }
}

/// <summary>Stores each filing in its own transaction, so one bad file never costs the others.</summary>
public sealed class ImportForm4Handler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<ImportForm4, ImportForm4Result>
{
    /// <summary>How the system signs the concerns it files.</summary>
    public const string MonitorLabel = "Form 4 monitor";

    public async ValueTask<ImportForm4Result> Handle(ImportForm4 command, CancellationToken cancellationToken)
    {
        var reporter = actor.Current;
        var options = KnownIssuers.Default.CheckOptions;
        var concerns = new List<Guid>();
        var skipped = new List<string>();
        var errors = new List<Form4ImportError>();
        var review = new List<Form4ReviewItem>();
        var filings = new List<ImportedFiling>();
        var budget = new FilingParseBudget(options.Parser, cancellationToken);
        var read = new List<Form4Checked>();

        foreach (var file in command.Files)
        {
            if (Form4Files.Problem(file) is { } problem)
            {
                errors.Add(new Form4ImportError(file.Name, problem));
                read.Add(new Form4Checked(file.Name, null, problem));
                continue;
            }

            Form4CheckResult result;
            try
            {
                result = Form4Checker.Check(file.Content, file.Name, command.Filed, options, budget);
            }
            catch (FilingParseException e)
            {
                errors.Add(new Form4ImportError(file.Name, e.Message));
                read.Add(new Form4Checked(file.Name, null, e.Message));
                continue;
            }

            read.Add(new Form4Checked(file.Name, result, null));

            var sha = Convert.ToHexStringLower(SHA256.HashData(file.Content));
            var key = result.Filing.AccessionNumber is { Length: > 0 } accession ? $"accession:{accession}" : $"sha256:{sha}";
            var fingerprint = Fingerprint(result.Filing);
            if (await db.OwnershipFilings.AnyAsync(f => f.IdempotencyKey == key || f.Fingerprint == fingerprint, cancellationToken))
            {
                skipped.Add(file.Name);
                continue;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                var imported = await ImportOneAsync(file.Name, key, sha, fingerprint, result, reporter, review, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                filings.Add(imported);
                concerns.AddRange(imported.ConcernsFiled);
            }
            catch (Exception e) when (e is DbUpdateException or RejectedException)
            {
                await transaction.RollbackAsync(cancellationToken);
                errors.Add(new Form4ImportError(file.Name, $"Not stored: {e.GetBaseException().Message}"));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        return new ImportForm4Result(filings.Count, concerns, skipped, errors, review, filings) { Checked = read };
    }

    private async Task<ImportedFiling> ImportOneAsync(string fileName, string key, string sha, string fingerprint, Form4CheckResult result, Person? reporter,
        List<Form4ReviewItem> review, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var filing = result.Filing;
        var record = new OwnershipFilingRecord
        {
            Id = Guid.NewGuid(),
            IdempotencyKey = key,
            AccessionNumber = filing.AccessionNumber,
            ContentSha256 = sha,
            Fingerprint = fingerprint,
            DocumentType = filing.DocumentType,
            SourceFormat = filing.SourceFormat.ToString(),
            IssuerCik = filing.Issuer.Cik,
            IssuerName = filing.Issuer.Name,
            IssuerTicker = filing.Issuer.Ticker,
            IssuerKey = IssuerKey(filing.Issuer),
            SignatureDate = filing.SignatureDate,
            PeriodOfReport = filing.PeriodOfReport,
            DateOfOriginalSubmission = filing.DateOfOriginalSubmission,
            Aff10b5One = filing.Aff10b5One,
            Filed = result.Filed,
            FiledAt = result.FiledAt,
            Due = result.Due,
            Late = result.Late,
            BusinessDaysLate = result.BusinessDaysLate,
            LateTransactions = result.LateTransactions,
            CalendarVersion = result.CalendarVersion,
            SourceFileName = Truncate(Path.GetFileName(fileName), 260),
            ImportedAt = now,
        };
        record.Transactions = filing.Transactions.Select((t, i) => new OwnershipTransactionRecord
        {
            Id = Guid.NewGuid(),
            FilingId = record.Id,
            Ordinal = i,
            Table = t.Table == TransactionTable.Derivative ? "derivative" : "nonDerivative",
            Security = Truncate(t.Security, 300),
            Date = t.Date,
            DeemedExecutionDate = t.DeemedExecutionDate,
            Code = t.Code,
            FormType = t.FormType,
            Timeliness = t.Timeliness,
            Shares = t.Shares,
            Price = t.Price,
            AcquiredDisposed = t.AcquiredDisposed,
            SharesOwnedFollowing = t.SharesOwnedFollowing,
            Ownership = t.Ownership,
            FootnoteIds = t.FootnoteIds.Count == 0 ? null : Truncate(string.Join(' ', t.FootnoteIds), 500),
        }).ToList();

        // Tracked: an exact name match may record the owner's CIK on the person.
        var people = await db.People.ToListAsync(ct);
        var subjects = new List<Person>();
        foreach (var (owner, i) in filing.ReportingOwners.Select((o, i) => (o, i)))
        {
            var outcome = OwnerDirectory.Match(owner, people);
            record.ReportingOwners.Add(new ReportingOwnerRecord
            {
                Id = Guid.NewGuid(),
                FilingId = record.Id,
                Ordinal = i,
                Cik = owner.Cik,
                Name = Truncate(owner.Name, 200),
                NormalisedName = Truncate(ShortSwingAnalyzer.Normalise(owner.Name), 200),
                IsDirector = owner.IsDirector,
                IsOfficer = owner.IsOfficer,
                IsTenPercentOwner = owner.IsTenPercentOwner,
                OfficerTitle = owner.OfficerTitle is null ? null : Truncate(owner.OfficerTitle, 200),
                PersonId = outcome.Person?.Id,
                Match = outcome.Match,
                ReviewNote = outcome.ReviewNote is null ? null : Truncate(outcome.ReviewNote, 1000),
            });
            if (outcome.Person is { } person && subjects.All(s => s.Id != person.Id)) subjects.Add(person);
            if (outcome.Person is null) review.Add(new Form4ReviewItem(fileName, owner.Name, owner.Cik, outcome.Match, outcome.ReviewNote));
            if (outcome.CikRecorded)
            {
                await DirectoryAudit.RecordAsync(db, reporter?.Email ?? MonitorLabel, "PersonCikRecorded", now,
                    JsonSerializer.Serialize(new { personId = outcome.Person!.Id, cik = owner.Cik, source = record.SourceFileName }), ct);
            }
        }

        db.OwnershipFilings.Add(record);
        await db.SaveChangesAsync(ct);

        var filed = new List<Guid>();
        foreach (var finding in result.Findings)
        {
            var findingRecord = new FilingFindingRecord { Id = Guid.NewGuid(), FilingId = record.Id, Code = finding.Code, Message = Truncate(finding.Message, 4000) };
            if (finding.WarrantsConcern)
            {
                var caseId = await FileConcernAsync(Summary(finding, record, result, people), Details(finding.Message, record, result), reporter, subjects, now, ct);
                findingRecord.CaseId = caseId;
                filed.Add(caseId);
            }

            db.Add(findingRecord);
        }

        filed.AddRange(await ReportShortSwingAsync(record, reporter, people, now, ct));

        await DirectoryAudit.RecordAsync(db, reporter?.Email ?? MonitorLabel, "Form4Imported", now, JsonSerializer.Serialize(new
        {
            filingId = record.Id,
            key,
            file = record.SourceFileName,
            documentType = record.DocumentType,
            issuer = record.IssuerName,
            owners = record.ReportingOwners.Select(o => new { o.Name, o.Cik, o.PersonId, match = o.Match.ToString() }),
            concernsFiled = filed,
        }), ct);
        await db.SaveChangesAsync(ct);

        return new ImportedFiling(record.SourceFileName, record.Id, record.DocumentType, record.IssuerName, record.Due, record.Filed, record.Late,
            result.Findings.Select(f => f.Code).ToList(), filed);
    }

    /// <summary>
    /// Section 16(b) across every stored filing of each owner of this filing in the same issuer; pairs reported before
    /// are not reported again. One concern per insider with new pairs.
    /// </summary>
    private async Task<List<Guid>> ReportShortSwingAsync(OwnershipFilingRecord record, Person? reporter, IReadOnlyList<Person> people,
        DateTime now, CancellationToken ct)
    {
        var filed = new List<Guid>();
        foreach (var owner in record.ReportingOwners)
        {
            var insiderKey = OwnerDirectory.InsiderKey(owner);
            var history = await db.OwnershipFilings.AsNoTracking()
                .Where(f => f.IssuerKey == record.IssuerKey)
                .Where(f => f.ReportingOwners.AsQueryable().Any(OwnerDirectory.SameInsider(owner)))
                .Include(f => f.Transactions)
                .ToListAsync(ct);
            var insider = new ReportingOwner { Cik = insiderKey, Name = owner.Name };
            var analysis = ShortSwingAnalyzer.Analyze(history.Select(f => f.ToModel([insider])));
            foreach (var swing in analysis)
            {
                var reported = await db.ShortSwingPairs.AsNoTracking()
                    .Where(p => p.InsiderKey == insiderKey && p.IssuerKey == record.IssuerKey)
                    .ToListAsync(ct);
                var fresh = swing.Matches.Where(m => !reported.Any(r => r.PurchaseDate == m.PurchaseDate && r.PurchasePrice == m.PurchasePrice
                    && r.SaleDate == m.SaleDate && r.SalePrice == m.SalePrice)).ToList();
                if (fresh.Count == 0) continue;

                var freshProfit = fresh.Sum(m => m.Profit);
                var person = owner.PersonId is { } id ? people.FirstOrDefault(p => p.Id == id) : null;
                var summary = string.Create(CultureInfo.InvariantCulture,
                    $"Short-swing trading (Section 16(b)): {DisplayName(owner, people)}, {IssuerLabel(record)}, {fresh.Count} matched pair(s), estimated profit ${freshProfit:#,0.00}");
                var lines = new StringBuilder();
                lines.AppendLine(swing.Finding.Message);
                lines.AppendLine(CultureInfo.InvariantCulture, $"Estimated recoverable profit on the newly matched pairs: ${freshProfit:#,0.00}.");
                lines.AppendLine("Matched pairs (lowest-in, highest-out; purchase and sale less than six months apart):");
                foreach (var m in swing.Matches)
                {
                    var isNew = fresh.Contains(m) ? "new" : "reported before";
                    lines.AppendLine(CultureInfo.InvariantCulture,
                        $"- bought {m.PurchaseDate:yyyy-MM-dd} at ${m.PurchasePrice:#,0.00##}, sold {m.SaleDate:yyyy-MM-dd} at ${m.SalePrice:#,0.00##}, {m.Shares:#,0.####} shares, profit ${m.Profit:#,0.00} ({isNew})");
                }

                var details = Details(lines.ToString().TrimEnd(), record, null, person is null ? owner : null);
                var caseId = await FileConcernAsync(summary, details, reporter, person is null ? [] : [person], now, ct);
                filed.Add(caseId);
                db.Add(new FilingFindingRecord { Id = Guid.NewGuid(), FilingId = record.Id, Code = FindingCodes.ShortSwing, Message = Truncate(swing.Finding.Message, 4000), CaseId = caseId });
                foreach (var m in fresh)
                {
                    db.ShortSwingPairs.Add(new ShortSwingPairRecord
                    {
                        Id = Guid.NewGuid(),
                        InsiderKey = insiderKey,
                        IssuerKey = record.IssuerKey,
                        PurchaseDate = m.PurchaseDate,
                        PurchasePrice = m.PurchasePrice,
                        SaleDate = m.SaleDate,
                        SalePrice = m.SalePrice,
                        Shares = m.Shares,
                        Profit = m.Profit,
                        CaseId = caseId,
                        ReportedAt = now,
                    });
                }

                await db.SaveChangesAsync(ct);
            }
        }

        return filed;
    }

    private async Task<Guid> FileConcernAsync(string summary, string details, Person? reporter, IReadOnlyList<Person> subjects, DateTime now, CancellationToken ct)
    {
        // A subject cannot report on themselves (they are recused): the system files it instead.
        var by = reporter is not null && subjects.All(s => s.Id != reporter.Id) ? reporter : null;
        var ethicsCase = await CaseIntake.FileAsync(db, now, ConcernCategory.SecuritiesLawViolation, Truncate(summary, 500), details,
            by, subjects, ct, by is null ? MonitorLabel : null);
        db.Notifications.AddRange(Notifications.Notifier.CaseRouted(ethicsCase, await Notifications.NotificationPeople.ReviewersAsync(db, ct), now, by));
        return ethicsCase.Id;
    }

    private static string Summary(FilingFinding finding, OwnershipFilingRecord record, Form4CheckResult result, IReadOnlyList<Person> people)
    {
        var owners = string.Join(" and ", record.ReportingOwners.OrderBy(o => o.Ordinal).Select(o => DisplayName(o, people)));
        var issuer = IssuerLabel(record);
        return finding.Code switch
        {
            FindingCodes.LateFiling => string.Create(CultureInfo.InvariantCulture,
                $"Late Form {record.DocumentType}: {owners}, {issuer}, filed {result.Filed:yyyy-MM-dd}, due {result.Due:yyyy-MM-dd} ({result.BusinessDaysLate} business {(result.BusinessDaysLate == 1 ? "day" : "days")} late)"),
            FindingCodes.GiftOnForm5 => $"Gift reported on Form {record.DocumentType} instead of Form 4: {owners}, {issuer}",
            FindingCodes.Rule10b51WithoutAdoptionDate => $"Rule 10b5-1 box ticked without plan adoption date, Form {record.DocumentType}: {owners}, {issuer}",
            FindingCodes.CodeJWithoutFootnote => $"Code J transaction without explanation, Form {record.DocumentType}: {owners}, {issuer}",
            _ => $"{finding.Code}, Form {record.DocumentType}: {owners}, {issuer}",
        };
    }

    private static string Details(string finding, OwnershipFilingRecord record, Form4CheckResult? result, ReportingOwnerRecord? onlyOwner = null)
    {
        var text = new StringBuilder();
        text.AppendLine(finding);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Filing: Form {record.DocumentType}, file {record.SourceFileName}{(record.AccessionNumber is null ? "" : $", accession {record.AccessionNumber}")}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Issuer: {record.IssuerName} ({record.IssuerTicker}), CIK {record.IssuerCik ?? "unknown"}.");
        foreach (var owner in record.ReportingOwners.Where(o => onlyOwner is null || o.Id == onlyOwner.Id))
        {
            var link = owner.PersonId is null
                ? $"not linked to the directory ({owner.Match}: {owner.ReviewNote}); listed for review"
                : $"directory person {owner.PersonId} (matched by {owner.Match})";
            text.AppendLine(CultureInfo.InvariantCulture, $"Reporting owner (insider): {owner.Name}, CIK {owner.Cik ?? "unknown"}{(owner.OfficerTitle is null ? "" : $", {owner.OfficerTitle}")}; {link}.");
        }

        if (result is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Signed {result.SignatureDate:yyyy-MM-dd}; due {result.Due:yyyy-MM-dd}; filed {(result.FiledAt ?? "unknown")}; calendar {result.CalendarVersion}.");
        }

        foreach (var t in record.Transactions.OrderBy(t => t.Ordinal))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Transaction: {t.Security}, {t.Date:yyyy-MM-dd}, code {t.Code}, {t.Shares:#,0.####} shares {t.AcquiredDisposed}, price {(t.Price is { } p ? p.ToString("0.00##", CultureInfo.InvariantCulture) : "n/a")}, owned after {t.SharesOwnedFollowing:#,0.####} ({t.Ownership}).");
        }

        text.Append(CultureInfo.InvariantCulture, $"Raised automatically by the {MonitorLabel} on import.");
        var details = text.ToString();
        return details.Length <= 20_000 ? details : details[..20_000];
    }

    /// <summary>The directory's name when linked (EDGAR XML writes "Last First Middle"), else the name as filed.</summary>
    private static string DisplayName(ReportingOwnerRecord owner, IReadOnlyList<Person> people) =>
        owner.PersonId is { } id && people.FirstOrDefault(p => p.Id == id) is { } person ? person.Name : owner.Name;

    private static string IssuerLabel(OwnershipFilingRecord record) => record.IssuerTicker ?? record.IssuerName ?? record.IssuerCik ?? "unknown issuer";

    private static string IssuerKey(FilingIssuer issuer) =>
        issuer.Cik?.Trim().TrimStart('0') is { Length: > 0 } cik ? $"cik:{cik}"
        : $"name:{ShortSwingAnalyzer.Normalise(issuer.Name ?? issuer.Ticker ?? "unknown")}";

    /// <summary>What the report says, independent of its format: form, issuer, owners by name, signature date, transactions.</summary>
    private static string Fingerprint(OwnershipFiling filing)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{filing.DocumentType}|{IssuerKey(filing.Issuer)}|{filing.SignatureDate:yyyy-MM-dd}|");
        text.AppendJoin(';', filing.ReportingOwners.Select(o => ShortSwingAnalyzer.Normalise(o.Name)).Order(StringComparer.Ordinal));
        foreach (var t in filing.Transactions)
        {
            text.Append(CultureInfo.InvariantCulture, $"|{t.Table}:{t.Date:yyyy-MM-dd}:{t.Code}:{t.Shares?.ToString("0.####", CultureInfo.InvariantCulture)}:{t.Price?.ToString("0.####", CultureInfo.InvariantCulture)}:{t.AcquiredDisposed}");
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];
}
