using System.Globalization;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Data;
using EthicsCases.Domain.Filings;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Form4;

/// <summary>
/// Regulation S-K Item 405 ("Delinquent Section 16(a) Reports") for one fiscal year, over the stored filings: per
/// person, late reports, late transactions and known failures to file.
/// </summary>
/// <param name="Year">The calendar year in which the fiscal year ends.</param>
/// <param name="FiscalYearEnd">"MM-DD" (default "12-31").</param>
public sealed record GetItem405Report(int Year, string? FiscalYearEnd = null) : IQuery<Item405ReportResult>, IRoleRequest
{
    public static IReadOnlyList<Role> AllowedRoles => Form4Files.MonitorRoles;
}

/// <summary>The report.</summary>
/// <param name="FiscalYearStart">First day of the fiscal year.</param>
/// <param name="FiscalYearEnd">Last day of the fiscal year.</param>
/// <param name="Filings">Stored filings that fell in the year.</param>
/// <param name="People">One line per person with something to disclose.</param>
public sealed record Item405ReportResult(DateOnly FiscalYearStart, DateOnly FiscalYearEnd, int Filings, IReadOnlyList<Item405Person> People);

/// <summary>One person's line.</summary>
public sealed record Item405Person(
    string Name, Guid? PersonId, string? Email, string? Cik, int LateReports, int LateTransactions, int KnownFailuresToFile, IReadOnlyList<string> Details);

/// <summary>Rules for the report.</summary>
public sealed class GetItem405ReportValidator : AbstractValidator<GetItem405Report>
{
    public GetItem405ReportValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(2000, 2100);
        RuleFor(q => q.FiscalYearEnd).Must(f => GetItem405ReportHandler.TryFiscalYearEnd(2001, f, out _))
            .When(q => q.FiscalYearEnd is not null).WithMessage("The fiscal year end is MM-DD, e.g. 12-31 or 06-30.");
    }
}

/// <summary>Rebuilds the checked filings from storage and runs <see cref="Item405Report"/>.</summary>
public sealed class GetItem405ReportHandler(EthicsDbContext db) : IQueryHandler<GetItem405Report, Item405ReportResult>
{
    public async ValueTask<Item405ReportResult> Handle(GetItem405Report query, CancellationToken cancellationToken)
    {
        TryFiscalYearEnd(query.Year, query.FiscalYearEnd, out var end);
        var start = end.AddYears(-1).AddDays(1);
        // Forms 3 and 4 count in the year they were due; a Form 5 in the year it reports on (it is due after year end).
        var latest = end.AddDays(120);
        var stored = (await db.OwnershipFilings.AsNoTracking()
            .Include(f => f.ReportingOwners).Include(f => f.Transactions)
            .Where(f => (f.Due >= start && f.Due <= latest) || (f.PeriodOfReport >= start && f.PeriodOfReport <= end))
            .ToListAsync(cancellationToken))
            .Where(f => CountsIn(f, start, end))
            .ToList();

        var owners = stored.SelectMany(f => f.ReportingOwners).ToList();
        var results = stored.Select(f => ToCheckResult(f, f.ReportingOwners.OrderBy(o => o.Ordinal)
            .Select(o => new ReportingOwner { Cik = OwnerDirectory.InsiderKey(o), Name = o.Name }).ToList())).ToList();
        var entries = Item405Report.Build(results);

        var personIds = owners.Where(o => o.PersonId is not null).Select(o => o.PersonId!.Value).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var lines = entries.Select(e =>
        {
            var owner = owners.First(o => OwnerDirectory.InsiderKey(o) == e.InsiderKey);
            var person = owner.PersonId is { } id && people.TryGetValue(id, out var p) ? p : null;
            return new Item405Person(person?.Name ?? e.Name, person?.Id, person?.Email, owner.Cik ?? person?.Cik,
                e.LateReports, e.LateTransactions, e.KnownFailuresToFile, e.Details);
        }).ToList();
        return new Item405ReportResult(start, end, stored.Count, lines);
    }

    private static bool CountsIn(OwnershipFilingRecord f, DateOnly start, DateOnly end)
    {
        var on = f.DocumentType.StartsWith('5') ? f.PeriodOfReport ?? f.SignatureDate : f.Due;
        return on >= start && on <= end;
    }

    internal static bool TryFiscalYearEnd(int year, string? text, out DateOnly end)
    {
        end = new DateOnly(Math.Clamp(year, 1, 9999), 12, 31);
        if (text is null) return true;
        if (!DateOnly.TryParseExact($"{Math.Clamp(year, 1, 9999):D4}-{text.Trim()}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            // 02-29 in a year without it: the last day of February.
            if (text.Trim() == "02-29") { end = new DateOnly(year, 2, 28); return true; }
            return false;
        }

        end = parsed;
        return true;
    }

    private static Form4CheckResult ToCheckResult(OwnershipFilingRecord f, IReadOnlyList<ReportingOwner> owners) => new()
    {
        File = f.SourceFileName,
        DocumentType = f.DocumentType,
        Issuer = new IssuerResult(f.IssuerCik, f.IssuerName, f.IssuerTicker),
        ReportingOwners = [],
        Transactions = [],
        Findings = [],
        SignatureDate = f.SignatureDate,
        Filed = f.Filed,
        Due = f.Due,
        Late = f.Late,
        BusinessDaysLate = f.BusinessDaysLate,
        LateTransactions = f.LateTransactions,
        FiledAt = f.FiledAt,
        AccessionNumber = f.AccessionNumber,
        CalendarVersion = f.CalendarVersion,
        Filing = f.ToModel(owners),
    };
}
