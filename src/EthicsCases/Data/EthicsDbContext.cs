using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using EthicsCases.Common;
using EthicsCases.Security.Keys;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>The EthicsCases database; one model for SQLite and PostgreSQL, one migrations assembly per provider.</summary>
public class EthicsDbContext : DbContext, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly RecordKeys? _keys;
    private readonly ContentVault? _vault;
    private readonly ActorContext? _actor;

    /// <summary>A context that can read and write the record: keys, the scope's data keys, and who acts.</summary>
    public EthicsDbContext(DbContextOptions<EthicsDbContext> options, RecordKeys keys, ContentVault vault, ActorContext actor)
        : base(options)
    {
        _keys = keys;
        _vault = vault;
        _actor = actor;
    }

    /// <summary>A context for migrations and schema tools: it refuses to save events or sealed content.</summary>
    public EthicsDbContext(DbContextOptions<EthicsDbContext> options)
        : base(options)
    {
    }

    /// <summary>The scope's data keys.</summary>
    public ContentVault Vault => _vault ?? throw new InvalidOperationException("This context has no keys: it was made for schema tools.");

    /// <summary>The record's keys.</summary>
    public RecordKeys Keys => _keys ?? throw new InvalidOperationException("This context has no keys: it was made for schema tools.");

    /// <summary>The company directory.</summary>
    public DbSet<Person> People => Set<Person>();

    public DbSet<EthicsCase> Cases => Set<EthicsCase>();

    /// <summary>Who is named in which case.</summary>
    public DbSet<CaseSubject> CaseSubjects => Set<CaseSubject>();

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The Board's determinations, as recorded by the Audit Committee.</summary>
    public DbSet<Determination> Determinations => Set<Determination>();

    /// <summary>The General Counsel's ledger of advice given.</summary>
    public DbSet<PriorAdvice> PriorAdvice => Set<PriorAdvice>();

    /// <summary>
    /// The web nodes' shared Data Protection key ring (cookies, antiforgery), each key encrypted with the key-encryption
    /// key (<see cref="Security.Keys.KekXmlEncryptor"/>), so every node reads the others' cookies and the database alone cannot.
    /// </summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>The head of the record.</summary>
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>Wrapped data keys, one per owner of sealed content.</summary>
    public DbSet<DataKey> DataKeys => Set<DataKey>();

    /// <summary>Per-year counters behind case references.</summary>
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();

    /// <summary>Case threads: reviewers' notes and messages with the reporter.</summary>
    public DbSet<CaseMessage> CaseMessages => Set<CaseMessage>();

    /// <summary>Documents attached to cases.</summary>
    public DbSet<EvidenceFile> EvidenceFiles => Set<EvidenceFile>();

    /// <summary>Hashed report keys and passwords of anonymous reports.</summary>
    public DbSet<AnonymousCredential> AnonymousCredentials => Set<AnonymousCredential>();

    /// <summary>Imported Section 16 ownership filings (Forms 3, 4, 5).</summary>
    public DbSet<Domain.Filings.OwnershipFilingRecord> OwnershipFilings => Set<Domain.Filings.OwnershipFilingRecord>();

    /// <summary>Reporting owners of imported filings and their directory links.</summary>
    public DbSet<Domain.Filings.ReportingOwnerRecord> OwnershipFilingOwners => Set<Domain.Filings.ReportingOwnerRecord>();

    /// <summary>Transactions of imported filings.</summary>
    public DbSet<Domain.Filings.OwnershipTransactionRecord> OwnershipTransactions => Set<Domain.Filings.OwnershipTransactionRecord>();

    /// <summary>Section 16(b) pairs already reported in a concern.</summary>
    public DbSet<Domain.Filings.ShortSwingPairRecord> ShortSwingPairs => Set<Domain.Filings.ShortSwingPairRecord>();

    /// <summary>The notification outbox: written with the event that causes it, delivered by the dispatcher.</summary>
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    /// <summary>The waiver register: waivers of the code for covered officers and their disclosure.</summary>
    public DbSet<Domain.Waivers.Waiver> Waivers => Set<Domain.Waivers.Waiver>();

    /// <summary>Cases the system suggests the General Counsel record as implicit waivers.</summary>
    public DbSet<Domain.Waivers.ImplicitWaiverProposal> ImplicitWaiverProposals => Set<Domain.Waivers.ImplicitWaiverProposal>();

    /// <summary>Amendments of the code (new SOP revisions) and their disclosure.</summary>
    public DbSet<Domain.Waivers.CodeAmendment> CodeAmendments => Set<Domain.Waivers.CodeAmendment>();

    /// <summary>The Board's designations of persons to decide in its place.</summary>
    public DbSet<Domain.Waivers.BoardDesignation> BoardDesignations => Set<Domain.Waivers.BoardDesignation>();

    /// <summary>Pre-aggregated program metrics, by quarter, category and routing class (ADR-012).</summary>
    public DbSet<Domain.Oversight.MetricsBucketRow> MetricsBuckets => Set<Domain.Oversight.MetricsBucketRow>();

    /// <summary>The fact each case counts with in <see cref="MetricsBuckets"/>.</summary>
    public DbSet<Domain.Oversight.MetricsCaseFactRow> MetricsCaseFacts => Set<Domain.Oversight.MetricsCaseFactRow>();

    /// <summary>Legal holds that keep cases from being purged under the retention policy.</summary>
    public DbSet<Domain.Retention.LegalHold> LegalHolds => Set<Domain.Retention.LegalHold>();

    /// <summary>
    /// Saves as one transaction: seals new and changed content with its owner's data key, appends the unit's audit
    /// events to the record under the head's lock, then writes. Joins the caller's transaction when there is one.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var content = ChangeTracker.Entries<ISealedContent>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged && e.Entity is not AuditEvent && e.Entity.NeedsSealing)
            .Select(e => e.Entity).ToList();
        var events = ChangeTracker.Entries<AuditEvent>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (events.Count == 0 && content.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (_keys is null || _vault is null)
        {
            throw new InvalidOperationException("This context has no keys: it cannot save audit events or sealed content.");
        }

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var now = DateTime.UtcNow;
            await _vault.EnsureAsync(this, content.Select(c => c.ContentOwner), create: true, now, cancellationToken);
            foreach (var item in content)
            {
                item.Seal(_vault.For(item.ContentOwner));
            }

            if (events.Count > 0)
            {
                await AuditLedger.AppendAsync(this, events, _keys, _actor, cancellationToken);
                // Under the head's lock, in this transaction: the buckets move with the events (ADR-012).
                await Features.Oversight.MetricsLedger.ApplyAsync(this, events, cancellationToken);
                var reasons = events.Cast<ISealedContent>().Where(e => e.NeedsSealing).ToList();
                await _vault.EnsureAsync(this, reasons.Select(e => e.ContentOwner), create: true, now, cancellationToken);
                foreach (var evt in reasons)
                {
                    evt.Seal(_vault.For(evt.ContentOwner));
                }
            }

            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>Saving goes through <see cref="SaveChangesAsync(bool, CancellationToken)"/>: it seals content and appends the record.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        // Only libraries that save their own rows synchronously come here (the Data Protection key ring).
        ChangeTracker.DetectChanges();
        if (ChangeTracker.Entries<AuditEvent>().Any(e => e.State == EntityState.Added)
            || ChangeTracker.Entries<ISealedContent>().Any(e => e.State != EntityState.Detached && e.Entity.NeedsSealing))
        {
            throw new NotSupportedException("Save with SaveChangesAsync: it seals content and appends the record.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EthicsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name: the database stays readable and survives reordering.
        configurationBuilder.Properties<ConcernCategory>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<CaseState>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<CaseOutcome>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Sanction>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Intent>().HaveConversion<string>().HaveMaxLength(40);
        // Every instant is UTC; SQLite forgets the kind, so it is restored on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}

/// <summary>Stores instants as UTC and reads them back as <see cref="DateTimeKind.Utc"/>.</summary>
public sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>The last reference number issued in a year.</summary>
public sealed class ReferenceCounter
{
    /// <summary>Calendar year.</summary>
    public int Year { get; set; }

    /// <summary>Last number issued.</summary>
    public int Last { get; set; }
}
