using System.Text.Json;
using System.Threading.Channels;
using Bogus;
using EthicsCases.Common;
using EthicsCases.Data;
using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Domain.Workflow;
using FluentValidation;
using Mediator;
using Person = EthicsCases.Domain.Person;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Features.Demo;

/// <summary>
/// Loads a realistic demo: a directory (officers, a General Counsel, Audit Committee and Board members, an
/// administrator) and <see cref="Cases"/> cases spread over categories, states and outcomes, every one moved by the
/// real workflow with its audit trail. The same <see cref="Seed"/> gives the same data.
/// </summary>
public sealed record SeedDemo(int Cases, int? Seed = null, IProgress<int>? Progress = null) : ICommand<SeedDemoResult>, IBootstrapRequest
{
    /// <summary>An Administrator, or anyone before the directory has one (the demo brings its own).</summary>
    public static IReadOnlyList<Role> AllowedRoles { get; } = [Role.Administrator];
}

/// <summary>How many cases were added, and how many people the directory holds.</summary>
public sealed record SeedDemoResult(int Cases, int People);

/// <summary>Rules for a demo load.</summary>
public sealed class SeedDemoValidator : AbstractValidator<SeedDemo>
{
    public SeedDemoValidator() => RuleFor(c => c.Cases).InclusiveBetween(0, 10_000_000);
}

/// <summary>
/// Builds cases in memory through the workflow and writes them in batches inside one transaction: generation, sealing
/// and the record's chain on the calling thread, inserts on another, through a bounded channel.
/// </summary>
public sealed class SeedDemoHandler(EthicsDbContext db, ActorContext actor, TimeProvider clock) : ICommandHandler<SeedDemo, SeedDemoResult>
{
    /// <summary>The demo domain; README names these addresses.</summary>
    public const string Domain = "alto.example";

    private const int BatchSize = 1_000;

    private static readonly (string Local, string Title, Role[] Roles)[] Roster =
    [
        ("ceo", "Chief Executive Officer", [Role.Officer]),
        ("cfo", "Chief Financial Officer", [Role.Officer]),
        ("controller", "Corporate Controller", [Role.Officer]),
        ("cao", "Chief Accounting Officer", [Role.Officer]),
        ("treasurer", "Treasurer", [Role.Officer]),
        ("coo", "Chief Operating Officer", [Role.Officer]),
        ("vp.finance", "Vice President, Finance", [Role.Officer]),
        ("gc", "General Counsel", [Role.GeneralCounsel]),
        ("ac.chair", "Audit Committee Chair", [Role.AuditCommittee, Role.Board]),
        ("ac.member1", "Audit Committee Member", [Role.AuditCommittee, Role.Board]),
        ("ac.member2", "Audit Committee Member", [Role.AuditCommittee, Role.Board]),
        ("board.chair", "Chair of the Board", [Role.Board]),
        ("board.member1", "Director", [Role.Board]),
        ("admin", "Compliance Systems Administrator", [Role.Administrator]),
    ];

    private static readonly Dictionary<ConcernCategory, string[]> Summaries = new()
    {
        [ConcernCategory.DisclosureMatter] = ["Customer concentration not disclosed in the 10-Q", "Pending litigation omitted from risk factors", "Guidance call figures differ from the filed 8-K", "Impairment indicator not reflected in MD&A"],
        [ConcernCategory.BooksAndRecords] = ["Quarter-end accrual moved to the next period", "Rebate liability booked to the wrong account", "Invoices without purchase orders in the plant ledger", "Side letter changes payment terms not in the contract file", "Petty-cash fund kept outside the general ledger"],
        [ConcernCategory.InternalControlDeficiency] = ["Journal entries posted and approved by the same user", "No review of manual revenue adjustments", "Access to the ERP vendor master not restricted", "Inventory count reconciliation skipped at year end"],
        [ConcernCategory.Fraud] = ["Expense reports with duplicated receipts", "Vendor bank details changed before payment run", "Fictitious freight vendor paid monthly", "Scrap sales proceeds not deposited"],
        [ConcernCategory.CodeOfEthicsViolation] = ["Officer's relative owns a key ethanol supplier", "Gifts from a grain merchant above policy limits", "Undisclosed board seat at a customer", "Use of company aircraft for personal travel"],
        [ConcernCategory.SecuritiesLawViolation] = ["Shares sold during the blackout window", "Form 4 filed after the two-business-day deadline", "Material information shared with an analyst before release", "Purchase and sale within six months by an officer"],
    };

    public async ValueTask<SeedDemoResult> Handle(SeedDemo command, CancellationToken cancellationToken)
    {
        var seed = command.Seed ?? 2026;
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        var now = clock.GetUtcNow().UtcDateTime;

        await using var bulkSettings = await SqliteBulkSettings.ApplyAsync(db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var people = await EnsureDirectoryAsync(faker, now, cancellationToken);
        var officers = people.Where(p => p.Has(Role.Officer)).ToList();
        var generalCounsel = people.Single(p => p.Email == $"gc@{Domain}");
        var auditCommittee = people.Where(p => p.Has(Role.AuditCommittee)).ToList();
        var generalCounsels = people.Where(p => p.Has(Role.GeneralCounsel)).ToList();
        var counters = await db.ReferenceCounters.ToDictionaryAsync(r => r.Year, cancellationToken);
        var sealer = await DemoRecordSealer.BeginAsync(db, actor.Channel, actor.OsUser, cancellationToken);

        // Filing dates in order, so references run with time as they would in real life.
        var filingDates = Enumerable.Range(0, command.Cases).Select(_ => now.AddDays(-faker.Random.Double(1, 730))).Order().ToList();
        var usedYears = filingDates.Select(d => d.Year).Distinct().ToList();
        foreach (var year in usedYears)
        {
            if (!counters.TryGetValue(year, out var counter))
            {
                counter = new ReferenceCounter { Year = year };
                counters[year] = counter;
                db.ReferenceCounters.Add(counter);
            }

            // On PostgreSQL live filings number from a sequence, not the counter: continue after both.
            counter.Last = Math.Max(counter.Last, await ReferenceNumbers.LastIssuedAsync(db, year, cancellationToken));
        }

        // Bulk inserts bypass SaveChangesAsync, which maintains the metrics (ADR-012): counted from memory on a database
        // that had no cases (SQLite), else recounted from the rows at the end in the same transaction.
        var metrics = db.Database.IsSqlite() && !await db.Cases.AnyAsync(cancellationToken) ? new DemoMetrics() : null;

        // Generating, sealing and chaining run here on one core; the writer inserts on the other. The bound keeps a few
        // batches in memory however large the load.
        var channel = Channel.CreateBounded<DemoRows>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var written = 0;
        var writer = Task.Run(async () =>
        {
            try
            {
                await using var rows = new DemoRowWriter(db);
                await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
                {
                    await rows.WriteAsync(batch, cancellationToken);
                    written += batch.Cases.Count;
                    command.Progress?.Report(written);
                }

                if (metrics is not null)
                {
                    await rows.InsertAsync(metrics.Buckets(), cancellationToken);
                }
            }
            catch (Exception e)
            {
                // Stops the generator at its next batch instead of leaving it waiting on a full channel.
                channel.Writer.TryComplete(e);
                throw;
            }
        }, cancellationToken);

        try
        {
            var batch = new DemoRows();
            var records = new DemoRecords();
            for (var i = 0; i < command.Cases; i++)
            {
                var category = faker.PickRandom<ConcernCategory>();
                var filedAt = filingDates[i];
                var reporter = faker.PickRandom(officers);
                var subjects = PickSubjects(faker, category, reporter, officers, generalCounsel);
                var counter = counters[filedAt.Year];
                counter.Last++;
                var ethicsCase = EthicsCase.File(ReferenceNumbers.Format(filedAt.Year, counter.Last), filedAt, category,
                    faker.PickRandom(Summaries[category]), faker.Lorem.Paragraph(3), reporter, subjects, generalCounsels);
                await ProgressAsync(faker, ethicsCase, generalCounsel, faker.PickRandom(auditCommittee), filedAt, now, batch, records);
                batch.Cases.Add(ethicsCase);
                if (batch.Cases.Count == BatchSize || i == command.Cases - 1)
                {
                    // ~8 rows per case (data key, case, subjects, audit events, determinations, metrics fact).
                    sealer.Seal(batch, records.AdviceEvents, now);
                    metrics?.Add(batch);
                    records.AdviceEvents.Clear();
                    await channel.Writer.WriteAsync(batch, cancellationToken);
                    batch = new DemoRows();
                }
            }
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        await writer;
        foreach (var year in usedYears)
        {
            await ReferenceNumbers.AdvanceAsync(db, year, counters[year].Last, cancellationToken);
        }

        if (metrics is null)
        {
            await Oversight.MetricsLedger.RebuildAsync(db, cancellationToken);
        }

        await DirectoryAudit.RecordAsync(db, null, "DemoSeeded", now, $$"""{"cases":{{written}},"seed":{{seed}}}""", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new SeedDemoResult(written, people.Count);
    }

    private async Task<List<Person>> EnsureDirectoryAsync(Faker faker, DateTime now, CancellationToken ct)
    {
        var existing = await db.People.AsNoTracking().ToDictionaryAsync(p => p.Email, ct);
        var people = new List<Person>();
        foreach (var (local, title, roles) in Roster)
        {
            var email = $"{local}@{Domain}";
            var name = faker.Name.FullName();
            if (existing.TryGetValue(email, out var person))
            {
                people.Add(person);
                continue;
            }

            person = new Person(Guid.NewGuid(), email, name, title, roles);
            db.People.Add(person);
            await DirectoryAudit.RecordAsync(db, null, "PersonAdded", now, JsonSerializer.Serialize(new
            {
                personId = person.Id, email, roles = person.Roles.Select(r => r.ToString()), source = "demo",
            }), ct);
            people.Add(person);
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return people;
    }

    private static List<Person> PickSubjects(Faker faker, ConcernCategory category, Person reporter, List<Person> officers, Person generalCounsel)
    {
        // About one case in twelve that the General Counsel would review names the General Counsel: the recusal path.
        if (CategoryRouting.RoutedTo(category).Contains(Role.GeneralCounsel) && faker.Random.Double() < 0.08)
        {
            return [generalCounsel];
        }

        var others = officers.Where(o => o.Id != reporter.Id).ToList();
        return faker.Random.ListItems(others, faker.Random.WeightedRandom([0, 1, 2], [0.2f, 0.65f, 0.15f])).ToList();
    }

    // Moves a case by the real workflow, as the right people would, to a spread of states and outcomes.
    private static async Task ProgressAsync(Faker faker, EthicsCase c, Person generalCounsel, Person auditMember, DateTime filedAt, DateTime now, DemoRows batch, DemoRecords records)
    {
        var at = filedAt;
        DateTime Next() => at = at.AddDays(faker.Random.Double(0.5, 12)) is var t && t < now ? t : now;
        var triage = c.IsRoutedToGeneralCounsel ? generalCounsel : auditMember;
        var roll = faker.Random.Double();
        if (roll < 0.12)
        {
            return;
        }

        if (roll < 0.22)
        {
            await new CaseWorkflow(c, triage).FireAsync(CaseTrigger.Dismiss, faker.PickRandom("Outside the scope of SOP II-031; referred to HR.", "Duplicate of an earlier report.", "No specific facts to investigate."), Next());
            return;
        }

        await new CaseWorkflow(c, triage).FireAsync(CaseTrigger.Accept, null, Next());
        if (c.State == CaseState.GeneralCounselReview)
        {
            if (roll < 0.38)
            {
                return;
            }

            await new CaseWorkflow(c, generalCounsel).FireAsync(CaseTrigger.ReferToAuditCommittee, "Facts substantiated; the Audit Committee should review.", Next());
        }

        if (roll < 0.55)
        {
            return;
        }

        if (roll < 0.72)
        {
            await new CaseWorkflow(c, auditMember).FireAsync(CaseTrigger.CloseNoViolation, "Review found the transactions properly recorded and disclosed.", Next());
            return;
        }

        await new CaseWorkflow(c, auditMember).FireAsync(CaseTrigger.RequestBoardDetermination, null, Next());
        if (roll < 0.80)
        {
            return;
        }

        // A violation needs an individual to determine it against; a case that names nobody ends without one.
        var violation = faker.Random.Double() < 0.7 && c.Subjects.Count > 0;
        if (!violation)
        {
            var when = Next();
            var noViolation = new Determination(Guid.NewGuid(), c.Id, null, false, DateOnly.FromDateTime(when), "The Board found no violation.",
                null, null, null, [], false, null, auditMember.Id, when);
            await new CaseWorkflow(c, auditMember).RecordDeterminationAsync(new BoardDecision(false, noViolation.Rationale), when,
                DeterminationRecord.EventData(noViolation, null, null, [], c.Category));
            batch.Determinations.Add(noViolation);
            return;
        }

        var personId = faker.PickRandom(c.Subjects).PersonId;
        var advised = faker.Random.Double() < 0.3;
        if (advised)
        {
            // Advice given before the case was filed, as the General Counsel's ledger would show it.
            var advice = new PriorAdvice(Guid.NewGuid(), personId, c.Category, DateOnly.FromDateTime(filedAt.AddDays(-faker.Random.Int(10, 200))),
                "Advised in writing on the proper course of action before the events of this case.", generalCounsel.Id, filedAt);
            batch.Advice.Add(advice);
            records.AdviceEvents.Add(DirectoryAudit.Event(generalCounsel.Email, generalCounsel.Id, "AdviceRecorded", filedAt, JsonSerializer.Serialize(new
            {
                adviceId = advice.Id, personId, category = advice.Category.ToString(), date = advice.GivenOn,
                summarySha256 = ContentHash.Of(advice.Summary), recordedById = generalCounsel.Id, source = "demo",
            })));
        }

        var (priors, last) = records.Violations.TryGetValue(personId, out var p) ? p : (0, DateTime.MinValue);
        var factors = new SanctionFactors(faker.Random.WeightedRandom([1, 2, 3, 4, 5], [0.2f, 0.3f, 0.25f, 0.15f, 0.1f]),
            faker.Random.WeightedRandom([1, 2, 3, 5], [0.6f, 0.2f, 0.15f, 0.05f]),
            faker.Random.Double() < 0.35 ? Intent.Intentional : Intent.Inadvertent, advised, priors, c.Category);
        var recommendation = new SanctionCalculator(SanctionPolicy.Current).Recommend(factors);
        // Cases are generated in filing order but reach the Board at varying speeds; keeping each person's
        // determinations in order makes the prior-violation counts exactly what the records would give.
        var meeting = Next() is var m && m > last ? m : last.AddMinutes(1);
        // The Board mostly follows the recommendation; now and then it chooses one step lighter, with its reason.
        var chosen = recommendation.Recommendation;
        string? departure = null;
        if (chosen > Sanction.WrittenNotice && faker.Random.Double() < 0.15)
        {
            chosen--;
            departure = "Mitigating circumstances: the individual reported the matter and cooperated fully.";
        }

        var day = DateOnly.FromDateTime(meeting);
        var sanctions = new List<DeterminedSanction>
        {
            chosen is Sanction.SuspensionWithPay or Sanction.SuspensionWithoutPay
                ? new DeterminedSanction(chosen, day.AddDays(14), day.AddDays(27))
                : chosen is Sanction.DemotionOrReassignment
                    ? new DeterminedSanction(chosen, day.AddDays(14), null, "Re-assigned to a role without financial reporting duties")
                    : new DeterminedSanction(chosen),
        };
        if (chosen > Sanction.Censure && chosen < Sanction.Termination && faker.Random.Double() < 0.5)
        {
            sanctions.Insert(0, new DeterminedSanction(Sanction.Censure));
        }

        var rationale = departure ?? "The Board determined that there has been a violation and followed the recommended action.";
        var determination = new Determination(Guid.NewGuid(), c.Id, personId, true, day, rationale, factors, null, recommendation,
            sanctions, departure is not null, departure, auditMember.Id, meeting);
        await new CaseWorkflow(c, auditMember).RecordDeterminationAsync(new BoardDecision(true, rationale), meeting,
            DeterminationRecord.EventData(determination, null, advised, [], c.Category));
        batch.Determinations.Add(determination);
        records.Violations[personId] = (priors + 1, meeting);
    }

    // The directory's advice events written with each batch, and each person's violations so far (cases run in filing order).
    private sealed class DemoRecords
    {
        public List<AuditEvent> AdviceEvents { get; } = [];

        public Dictionary<Guid, (int Count, DateTime Last)> Violations { get; } = [];
    }
}
