using System.Text.Json.Nodes;
using EthicsCases.Common;
using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using FluentValidation;
using Mediator;

namespace EthicsCases.Features.Form4;

/// <summary>
/// One filing as a host hands it over: the name as given, its length, and its bytes. A host does not read a file
/// longer than <see cref="Form4Files.MaxBytes"/>: it passes the length with no bytes, and the use case says why.
/// </summary>
public sealed record Form4File(string Name, byte[] Content, long Length)
{
    /// <summary>A file read whole.</summary>
    public Form4File(string name, byte[] content)
        : this(name, content, (content ?? throw new ArgumentNullException(nameof(content))).LongLength)
    {
    }
}

/// <summary>The rules every Form 4 use case applies to the files it is given, whichever host gave them.</summary>
public static class Form4Files
{
    /// <summary>Files per request; the request body limit applies to their total.</summary>
    public const int MaxFiles = 50;

    /// <summary>
    /// Who may import filings, read the Item 405 report and the owner review list: the General Counsel and the Audit
    /// Committee, to whom the SOP sends Section 16 matters. Checking a file reads no stored data and is public.
    /// </summary>
    public static IReadOnlyList<Role> MonitorRoles { get; } = [Role.GeneralCounsel, Role.AuditCommittee];

    /// <summary>Largest single filing, as the parser allows it.</summary>
    public static long MaxBytes => FilingParserOptions.Default.MaxBytes;

    /// <summary>Why a file cannot be read at all, or null.</summary>
    public static string? Problem(Form4File file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Length == 0 ? "Empty file."
            : file.Length > MaxBytes || file.Content.LongLength != file.Length
                ? $"Too large: {file.Length} bytes exceeds the {MaxBytes}-byte limit per filing."
                : null;
    }

    /// <summary>The rule on how many files one request may carry.</summary>
    public static void AddCountRule<T>(AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, IReadOnlyList<Form4File>>> files)
    {
        ArgumentNullException.ThrowIfNull(validator);
        validator.RuleFor(files)
            .Must(f => f.Count > 0).WithMessage("Choose at least one filing (EDGAR XML, full submission .txt, or PDF-extracted text).")
            .Must(f => f.Count <= MaxFiles).WithMessage($"At most {MaxFiles} files at a time.");
    }
}

/// <summary>
/// Parses and checks filings against Section 16 without storing anything (<c>ethics form4 check</c>, the upload page's
/// "check only", <c>POST /api/form4/check</c>). A file that cannot be read is reported with its reason; the others go on.
/// </summary>
/// <param name="Files">The filings.</param>
/// <param name="Filed">Transmission time to assume for files without a submission header.</param>
public sealed record CheckForm4(IReadOnlyList<Form4File> Files, FilingTime? Filed = null) : IQuery<IReadOnlyList<Form4Checked>>, IPublicRequest;

/// <summary>One file after the check: its result, or why it could not be read.</summary>
public sealed record Form4Checked(string File, Form4CheckResult? Result, string? Error)
{
    /// <summary>The contract's array: one object per file, an unreadable file as its name, empty fields and the reason.</summary>
    public static JsonArray ToJson(IEnumerable<Form4Checked> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var output = new JsonArray();
        foreach (var f in files)
        {
            output.Add(f.Result is { } result ? JsonNode.Parse(result.ToJson()) : Form4CheckResult.Unreadable(f.File, f.Error!));
        }

        return output;
    }
}

public sealed class CheckForm4Validator : AbstractValidator<CheckForm4>
{
    public CheckForm4Validator() => Form4Files.AddCountRule(this, c => c.Files);
}

/// <summary>The pure checker over each file; no database.</summary>
public sealed class CheckForm4Handler : IQueryHandler<CheckForm4, IReadOnlyList<Form4Checked>>
{
    public ValueTask<IReadOnlyList<Form4Checked>> Handle(CheckForm4 query, CancellationToken cancellationToken)
    {
        var options = KnownIssuers.Default.CheckOptions;
        // One budget for the request: its caps on files and bytes, and its cancellation, so a client that leaves
        // stops the parse of a hostile file instead of leaving the server to burn on it.
        var budget = new FilingParseBudget(options.Parser, cancellationToken);
        IReadOnlyList<Form4Checked> results = query.Files.Select(f =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Form4Files.Problem(f) is { } problem)
            {
                return new Form4Checked(f.Name, null, problem);
            }

            try
            {
                return new Form4Checked(f.Name, Form4Checker.Check(f.Content, f.Name, query.Filed, options, budget), null);
            }
            catch (FilingParseException e)
            {
                return new Form4Checked(f.Name, null, e.Message);
            }
        }).ToList();
        return ValueTask.FromResult(results);
    }
}
