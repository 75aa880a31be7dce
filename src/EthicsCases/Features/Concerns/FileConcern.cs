using System.Text.Json;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Concerns;

/// <summary>The signed-in person files a concern under SOP II-031, naming any subjects from the directory.</summary>
public sealed record FileConcern(string Category, string Summary, string? Details, IReadOnlyList<string> SubjectEmails)
    : ICommand<FiledConcern>, IActorRequest, IConcernContent;

/// <summary>The filed case and where the SOP sent it.</summary>
public sealed record FiledConcern(Guid CaseId, string Reference, CaseState State, IReadOnlyList<Role> RoutedTo);

/// <summary>What every concern carries, signed in or anonymous.</summary>
public interface IConcernContent
{
    /// <summary>SOP category name.</summary>
    string Category { get; }

    /// <summary>One line.</summary>
    string Summary { get; }

    /// <summary>The account.</summary>
    string? Details { get; }

    /// <summary>Directory e-mails of the people the concern is about.</summary>
    IReadOnlyList<string> SubjectEmails { get; }
}

/// <summary>Rules for a concern's content, whoever files it.</summary>
public sealed class ConcernContentRules : AbstractValidator<IConcernContent>
{
    /// <summary>Declares the rules.</summary>
    public ConcernContentRules()
    {
        RuleFor(c => c.Category).Must(c => Enum.TryParse<ConcernCategory>(c, ignoreCase: false, out _))
            .WithMessage(c => $"'{c.Category}' is not a category; use one of {string.Join(", ", Enum.GetNames<ConcernCategory>())}.");
        RuleFor(c => c.Summary).NotEmpty().MaximumLength(500);
        RuleFor(c => c.Details).MaximumLength(20_000);
        RuleFor(c => c.SubjectEmails).Must(s => s.Count <= 20).WithMessage("Name at most 20 subjects.");
    }
}

/// <summary>Rules for a concern.</summary>
public sealed class FileConcernValidator : AbstractValidator<FileConcern>
{
    /// <summary>Declares the rules.</summary>
    public FileConcernValidator() => Include(new ConcernContentRules());
}

/// <summary>Routes the concern by category and recusal, stores it in Intake and audits the filing.</summary>
public sealed class FileConcernHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<FileConcern, FiledConcern>
{
    /// <inheritdoc />
    public async ValueTask<FiledConcern> Handle(FileConcern command, CancellationToken cancellationToken)
    {
        var reporter = actor.Current;
        var subjects = await PeopleLookup.ResolveAsync(db, command.SubjectEmails, "subjectEmails", cancellationToken);
        if (subjects.Any(s => s.Id == reporter.Id))
        {
            throw ValidationFailedException.For("subjectEmails", "You cannot name yourself as a subject: a subject is recused and could not follow the report.");
        }

        var category = Enum.Parse<ConcernCategory>(command.Category);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ethicsCase = await FileAsync(db, clock.GetUtcNow().UtcDateTime, category, command.Summary, command.Details, reporter, subjects, cancellationToken);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FiledConcern(ethicsCase.Id, ethicsCase.Reference, ethicsCase.State, ethicsCase.RoutedTo);
    }

    /// <summary>
    /// Creates the case and its first audit event in the pending unit of work (shared with automatic filers). Call it
    /// inside a transaction: the reference number is taken there.
    /// </summary>
    internal static async Task<EthicsCase> FileAsync(EthicsDbContext db, DateTime now, ConcernCategory category, string summary,
        string? details, Person? reporter, IReadOnlyList<Person> subjects, CancellationToken ct, string? reporterLabel = null)
    {
        var generalCounsels = await db.People.AsNoTracking().Where(p => p.Roles.Contains(Role.GeneralCounsel)).ToListAsync(ct);
        var reference = await ReferenceNumbers.NextAsync(db, now.Year, ct);
        var ethicsCase = Create(reference, now, category, summary, details, reporter, subjects, generalCounsels, reporterLabel);
        db.Cases.Add(ethicsCase);
        return ethicsCase;
    }

    /// <summary>Builds a case in Intake with its "Filed" audit event; no database access (the demo seeder uses it in bulk).</summary>
    internal static EthicsCase Create(string reference, DateTime now, ConcernCategory category, string summary, string? details,
        Person? reporter, IReadOnlyList<Person> subjects, IReadOnlyList<Person> generalCounsels, string? reporterLabel = null)
    {
        var ethicsCase = new EthicsCase(Guid.NewGuid(), reference, category, summary, details, reporter, subjects, generalCounsels, now);
        ethicsCase.Record(reporter, "Filed", now, to: nameof(CaseState.Intake), actorLabel: reporterLabel,
            data: JsonSerializer.Serialize(new
            {
                category = category.ToString(),
                routedTo = ethicsCase.RoutedTo.Select(r => r.ToString()),
                generalCounselRecused = ethicsCase.GeneralCounselRecused,
                subjects = subjects.Select(s => s.Email),
            }));
        return ethicsCase;
    }
}
