using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Notifications;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Concerns;

/// <summary>
/// The signed-in person files a concern under SOP II-031, naming any subjects from the directory and, if they know,
/// when it happened (<see cref="IncidentDate"/>: not after the day of filing).
/// </summary>
public sealed record FileConcern(string Category, string Summary, string? Details, IReadOnlyList<string> SubjectEmails, DateOnly? IncidentDate = null)
    : ICommand<FiledConcern>, IActorRequest, IConcernContent;

/// <summary>The filed case and where the SOP sent it.</summary>
public sealed record FiledConcern(Guid CaseId, string Reference, CaseState State, IReadOnlyList<Role> RoutedTo);

/// <summary>Rules for a concern.</summary>
public sealed class FileConcernValidator : AbstractValidator<FileConcern>
{
    public FileConcernValidator() => Include(new ConcernContentRules());
}

/// <summary>
/// Routes the concern by category and recusal, stores it in Intake and audits the filing; the reviewers it is routed
/// to are notified in the same transaction.
/// </summary>
public sealed class FileConcernHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<FileConcern, FiledConcern>
{
    public async ValueTask<FiledConcern> Handle(FileConcern command, CancellationToken cancellationToken)
    {
        var reporter = actor.Current;
        var subjects = await PeopleLookup.ResolveAsync(db, command.SubjectEmails, "subjectEmails", cancellationToken);
        if (subjects.Any(s => s.Id == reporter.Id))
        {
            throw ValidationFailedException.For("subjectEmails", "You cannot name yourself as a subject: a subject is recused and could not follow the report.");
        }

        var category = EnumNames.Parse<ConcernCategory>(command.Category);
        // Reads first: the transaction holds SQLite's one writer, so it keeps only what must be written together.
        var generalCounsels = await CaseIntake.GeneralCounselsAsync(db, cancellationToken);
        var reviewers = await NotificationPeople.ReviewersAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var ethicsCase = await CaseIntake.FileAsync(db, now, category, command.Summary, command.Details, reporter, subjects, cancellationToken,
            incidentDate: command.IncidentDate, generalCounsels: generalCounsels);
        db.Notifications.AddRange(Notifier.CaseRouted(ethicsCase, reviewers, now, reporter));
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new FiledConcern(ethicsCase.Id, ethicsCase.Reference, ethicsCase.State, ethicsCase.RoutedTo);
    }
}
