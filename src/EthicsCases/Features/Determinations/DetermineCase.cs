using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Domain.Waivers;
using EthicsCases.Domain.Workflow;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Determinations;

/// <summary>
/// The Board's determination on a case in BoardDetermination, recorded by a Board member, by an Audit Committee member
/// (as the Board's recorder), or by a person the Board designated for determinations by a designation in force on the
/// meeting date (SOP II-031: "determine, or designate appropriate persons to determine"); the determination says
/// which (<see cref="Determination.DecidedAs"/>). When a violation is
/// found the factors and at least one action are required; prior violations come from the records, and
/// <see cref="Advised"/> defaults to what the prior-advice ledger shows (overriding it needs <see cref="AdvisedReason"/>).
/// Choosing a most severe action other than the recommendation needs <see cref="Reason"/>.
/// </summary>
/// <param name="CaseKey">Case id or reference.</param>
/// <param name="ViolationFound">Whether the Board determined that there has been a violation.</param>
/// <param name="Sanctions">The actions, in the Board's order.</param>
/// <param name="Severity">Nature and severity, 1 to 5.</param>
/// <param name="Occurrences">1 for a single occurrence.</param>
/// <param name="Intent">inadvertent or intentional.</param>
/// <param name="Advised">yes or no; null takes the ledger's answer.</param>
/// <param name="AdvisedReason">Why <paramref name="Advised"/> differs from the ledger.</param>
/// <param name="Reason">Why the actions depart from the recommendation.</param>
/// <param name="Rationale">The Board's reasons for the notice; defaults to <paramref name="Reason"/> or a plain statement.</param>
/// <param name="Subject">The individual, when the case names several subjects.</param>
/// <param name="MeetingDate">The Board meeting (the decision date a designation must cover); defaults to today.</param>
/// <param name="NoAction">A violation was found and the Board takes no action: a departure from any recommendation,
/// so it needs <paramref name="Reason"/>; for a covered officer it leads to an implicit-waiver proposal.</param>
public sealed record DetermineCase(
    string CaseKey,
    bool ViolationFound,
    IReadOnlyList<DeterminedSanction> Sanctions,
    int? Severity = null,
    int? Occurrences = null,
    string? Intent = null,
    string? Advised = null,
    string? AdvisedReason = null,
    string? Reason = null,
    string? Rationale = null,
    string? Subject = null,
    DateOnly? MeetingDate = null,
    bool NoAction = false) : ICommand<DeterminedCase>, ICaseRequest;

/// <summary>
/// The contract's <c>{"caseId","state","outcome","sanctions","recommendation","departsFromRecommendation"}</c>, then
/// what the records contributed.
/// </summary>
public sealed record DeterminedCase(
    Guid CaseId,
    CaseState State,
    CaseOutcome? Outcome,
    IReadOnlyList<Sanction> Sanctions,
    Sanction? Recommendation,
    bool DepartsFromRecommendation,
    Guid DeterminationId,
    string Reference,
    string? Subject,
    decimal? Score,
    string? PolicyVersion,
    int? PriorViolations,
    IReadOnlyList<string> PriorViolationReferences,
    bool? Advised,
    bool? AdvisedOnRecord,
    bool NoticeAvailable)
{
    /// <summary>Whether the Board or its designee decided.</summary>
    public DecisionCapacity? DecidedAs { get; init; }

    /// <summary>The designation a designee relied on.</summary>
    public Guid? DesignationId { get; init; }

    /// <summary>"Decided by the Board of Directors" or "Decided by the Board's designee X under the resolution of D".</summary>
    public string? DecidedBy { get; init; }
}

/// <summary>Rules that need no database.</summary>
public sealed class DetermineCaseValidator : AbstractValidator<DetermineCase>
{
    public DetermineCaseValidator()
    {
        RuleFor(c => c.Sanctions).Empty().When(c => !c.ViolationFound)
            .WithMessage("No action can be taken when no violation is found.");
        RuleFor(c => c.NoAction).Must(n => !n).When(c => !c.ViolationFound)
            .WithMessage("'No action' answers a violation found; with no violation there is no action to forgo.");
        RuleFor(c => c.Sanctions).Empty().When(c => c.NoAction)
            .WithMessage("Name no action when the Board takes no action.");
        RuleFor(c => c.Sanctions).Must(s => s.Select(x => x.Sanction).Distinct().Count() == s.Count)
            .WithMessage("Each action may be named once.");
        RuleForEach(c => c.Sanctions).Must(s => Enum.IsDefined(s.Sanction))
            .WithMessage((_, s) => $"'{s.Sanction}' is not a sanction; use one of {string.Join(", ", Enum.GetNames<Sanction>())}.");
        RuleForEach(c => c.Sanctions).Must(s => s.From is null || s.To is null || s.To >= s.From)
            .WithMessage((_, s) => $"{s.Sanction} ends before it starts.");
        RuleForEach(c => c.Sanctions).Must(s => s.To is null || s.Sanction is Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay)
            .WithMessage((_, s) => $"{s.Sanction} has no end date; only a suspension does.");
        RuleForEach(c => c.Sanctions).SetValidator(new DeterminedSanctionValidator());
        RuleFor(c => c.Reason).MaximumLength(4000);
        RuleFor(c => c.AdvisedReason).MaximumLength(4000);
        RuleFor(c => c.Rationale).MaximumLength(4000);
        RuleFor(c => c.Advised).Must(a => a is null || a.Trim().ToLowerInvariant() is "yes" or "no").WithMessage("advised is yes or no.");
    }
}

/// <summary>What the Board may specify about one action.</summary>
public sealed class DeterminedSanctionValidator : AbstractValidator<DeterminedSanction>
{
    public DeterminedSanctionValidator() => RuleFor(s => s.Details).MaximumLength(1000);
}

/// <summary>
/// Reads the individual's history, computes the recommendation, checks a departure has its reason, fires
/// RecordDetermination with the whole determination in the audit event, and stores the determination and its
/// written notice: one SaveChanges, so a rejection leaves nothing behind.
/// </summary>
public sealed class DetermineCaseHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<DetermineCase, DeterminedCase>
{
    public async ValueTask<DeterminedCase> Handle(DetermineCase command, CancellationToken cancellationToken)
    {
        var me = actor.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var ethicsCase = await CaseLookup.LoadVisibleAsync(db, command.CaseKey, me, cancellationToken);
        if (ethicsCase.State != CaseState.BoardDetermination)
        {
            // The workflow would refuse too; saying so first spares the recorder a list of factor errors.
            throw new TriggerNotPermittedException(CaseTrigger.RecordDetermination, ethicsCase.State,
                await new CaseWorkflow(ethicsCase, me).PermittedTriggersAsync(), definedInState: false);
        }

        var meeting = command.MeetingDate ?? DateOnly.FromDateTime(now);
        var authority = await DeterminationAuthority.OfAsync(db, me, meeting, cancellationToken)
            ?? throw new ForbiddenException(
                $"Only a Board member, the Audit Committee, or someone the Board designated for determinations by a designation in force on {meeting:yyyy-MM-dd} records the Board's determination.");
        var person = await IndividualAsync(ethicsCase, command.Subject, command.ViolationFound, cancellationToken);

        SanctionFactors? factors = null;
        SanctionRecommendation? recommendation = null;
        IReadOnlyList<PriorViolation> priors = [];
        bool? advisedOnRecord = null;
        string? advisedReason = null;
        var departs = false;
        var sanctions = command.Sanctions;
        if (command.ViolationFound)
        {
            priors = await DeterminationHistory.PriorViolationsAsync(db, person!.Id, ethicsCase.Id, now, cancellationToken);
            advisedOnRecord = (await DeterminationHistory.AdviceBeforeAsync(db, person.Id, ethicsCase.Category,
                DateOnly.FromDateTime(ethicsCase.FiledAt), cancellationToken)).Count > 0;
            var advised = command.Advised?.Trim().ToLowerInvariant() ?? SanctionFactors.YesNo(advisedOnRecord.Value);
            if (advised != SanctionFactors.YesNo(advisedOnRecord.Value))
            {
                advisedReason = string.IsNullOrWhiteSpace(command.AdvisedReason)
                    ? throw ValidationFailedException.For("advisedReason",
                        $"The prior-advice ledger shows advised={SanctionFactors.YesNo(advisedOnRecord.Value)}; give a reason to record advised={advised}.")
                    : command.AdvisedReason.Trim();
            }

            factors = SanctionFactors.From(command.Severity, command.Occurrences, command.Intent, advised, priors.Count, ethicsCase.Category);
            recommendation = new SanctionCalculator(SanctionPolicy.Current).Recommend(factors);
            // No action named: the Board adopts the recommendation, which is then no departure. Taking no action at all
            // departs from every recommendation.
            sanctions = command.NoAction ? [] : sanctions.Count == 0 ? [new DeterminedSanction(recommendation.Recommendation)] : sanctions;
            departs = command.NoAction || SanctionWording.DepartsFromRecommendation(recommendation.Recommendation, sanctions.Select(s => s.Sanction));
            if (command.NoAction && string.IsNullOrWhiteSpace(command.Reason))
            {
                throw ValidationFailedException.For("reason",
                    $"The policy recommends {recommendation.Recommendation} (score {recommendation.Score:0.##}, policy {recommendation.PolicyVersion}): taking no action departs from it and needs a reason.");
            }

            if (departs && string.IsNullOrWhiteSpace(command.Reason))
            {
                throw ValidationFailedException.For("reason",
                    $"The policy recommends {recommendation.Recommendation} (score {recommendation.Score:0.##}, policy {recommendation.PolicyVersion}) " +
                    $"and the most severe action chosen is {sanctions.Max(s => s.Sanction)}: a departure from the recommendation needs a reason.");
            }
        }

        var departureRationale = departs ? command.Reason!.Trim() : null;
        var rationale = FirstText(command.Rationale, command.Reason) ?? (command.ViolationFound
            ? "The Board of Directors determined that there has been a violation."
            : "The Board of Directors determined that there has been no violation.");
        var determination = new Determination(Guid.NewGuid(), ethicsCase.Id, person?.Id, command.ViolationFound, meeting, rationale,
            factors, advisedReason, recommendation, sanctions, departs, departureRationale, me.Id, now, authority);
        var decidedBy = await DeterminationAuthority.DescribeAsync(db, determination, cancellationToken);

        if (command.ViolationFound)
        {
            determination.AttachNotice(WrittenNoticeGenerator.Generate(DeterminationNotice.Content(determination, ethicsCase, person!, me, now, decidedBy)));
        }

        var data = DeterminationRecord.EventData(determination, person?.Email, advisedOnRecord, priors.Select(p => p.Reference).ToList(), ethicsCase.Category);
        await new CaseWorkflow(ethicsCase, me, decidesForBoard: true).RecordDeterminationAsync(new BoardDecision(command.ViolationFound, rationale), now, data);

        db.Determinations.Add(determination);
        await db.SaveOrConflictAsync($"Case {ethicsCase.Reference}", cancellationToken);

        // The record above names every earlier case; the recorder is told only of those they may see.
        var shown = await DeterminationHistory.VisibleToAsync(db, priors, me, cancellationToken);
        return new DeterminedCase(ethicsCase.Id, ethicsCase.State, ethicsCase.Outcome, sanctions.Select(s => s.Sanction).ToList(),
            recommendation?.Recommendation, departs, determination.Id, ethicsCase.Reference, person?.Email, recommendation?.Score,
            recommendation?.PolicyVersion, factors?.PriorViolations, shown.Select(p => p.Reference).ToList(), factors?.Advised,
            advisedOnRecord, determination.NoticePdf is not null)
        {
            DecidedAs = determination.DecidedAs,
            DesignationId = determination.DesignationId,
            DecidedBy = decidedBy?.Statement,
        };
    }

    // The individual is a subject of the case: the only one, or the one named among several.
    private async Task<Person?> IndividualAsync(EthicsCase ethicsCase, string? subject, bool violation, CancellationToken ct)
    {
        var subjectIds = ethicsCase.Subjects.Select(s => s.PersonId).ToList();
        var subjects = await db.People.AsNoTracking().Where(p => subjectIds.Contains(p.Id)).ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(subject))
        {
            var email = Person.NormalizeEmail(subject);
            return subjects.SingleOrDefault(p => p.Email == email)
                ?? throw ValidationFailedException.For("subject", $"'{email}' is not a subject of case {ethicsCase.Reference}; subjects: " +
                    (subjects.Count == 0 ? "none." : string.Join(", ", subjects.Select(p => p.Email).Order()) + "."));
        }

        return subjects.Count switch
        {
            1 => subjects[0],
            0 when !violation => null,
            0 => throw ValidationFailedException.For("subject", $"Case {ethicsCase.Reference} names no subject, so there is nobody to determine a violation against."),
            _ when !violation => null,
            _ => throw ValidationFailedException.For("subject",
                $"Case {ethicsCase.Reference} names several subjects; name the individual among them: {string.Join(", ", subjects.Select(p => p.Email).Order())}."),
        };
    }

    private static string? FirstText(params string?[] texts) =>
        texts.FirstOrDefault(t => !string.IsNullOrWhiteSpace(t))?.Trim();
}

/// <summary>Builds the written notice for a determination.</summary>
public static class DeterminationNotice
{
    /// <summary>
    /// The notice's content: addressed to the individual, signed by whoever recorded it; a designee's determination says
    /// so, with the resolution it relied on.
    /// </summary>
    public static NoticeContent Content(Determination determination, EthicsCase ethicsCase, Person individual, Person signatory, DateTime date,
        DecidedBy? decidedBy = null)
    {
        ArgumentNullException.ThrowIfNull(determination);
        ArgumentNullException.ThrowIfNull(ethicsCase);
        ArgumentNullException.ThrowIfNull(individual);
        ArgumentNullException.ThrowIfNull(signatory);
        return new NoticeContent(
            DateOnly.FromDateTime(date),
            individual.Name,
            // The directory may not hold a title; the SOP addresses senior financial officers.
            individual.Title ?? "Senior Financial Officer",
            ethicsCase.Reference,
            determination.ViolationFound,
            determination.Sanctions.Select(s => new NoticeSanction(s.Sanction, s.From, s.To, s.Details)).ToList(),
            determination.FactorsFor(ethicsCase.Category),
            determination.Rationale,
            determination.BoardMeetingDate,
            signatory.Name)
        {
            DecidedByStatement = decidedBy?.Capacity == DecisionCapacity.Designee ? decidedBy.Statement : null,
            NoAction = determination.ViolationFound && determination.Sanctions.Count == 0,
            SignatoryTitle = decidedBy?.Capacity == DecisionCapacity.Designee && decidedBy.DesigneeName is not null
                ? "Designee of the Board of Directors"
                : "Chair of the Audit Committee",
        };
    }
}
