using EthicsCases.Domain;
using EthicsCases.Domain.Determinations;
using EthicsCases.Domain.Sanctions;
using Microsoft.EntityFrameworkCore;

namespace EthicsCases.Data;

/// <summary>The EthicsCases database; one model for SQLite and PostgreSQL, one migrations assembly per provider.</summary>
public class EthicsDbContext(DbContextOptions<EthicsDbContext> options) : DbContext(options)
{
    /// <summary>The company directory.</summary>
    public DbSet<Person> People => Set<Person>();

    /// <summary>Cases.</summary>
    public DbSet<EthicsCase> Cases => Set<EthicsCase>();

    /// <summary>Who is named in which case.</summary>
    public DbSet<CaseSubject> CaseSubjects => Set<CaseSubject>();

    /// <summary>The audit trail.</summary>
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    /// <summary>The Board's determinations, as recorded by the Audit Committee.</summary>
    public DbSet<Determination> Determinations => Set<Determination>();

    /// <summary>The General Counsel's ledger of advice given.</summary>
    public DbSet<PriorAdvice> PriorAdvice => Set<PriorAdvice>();

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

    /// <summary>The waiver register: waivers of the code for covered officers and their disclosure.</summary>
    public DbSet<Domain.Waivers.Waiver> Waivers => Set<Domain.Waivers.Waiver>();

    /// <summary>Cases the system suggests the General Counsel record as implicit waivers.</summary>
    public DbSet<Domain.Waivers.ImplicitWaiverProposal> ImplicitWaiverProposals => Set<Domain.Waivers.ImplicitWaiverProposal>();

    /// <summary>Amendments of the code (new SOP revisions) and their disclosure.</summary>
    public DbSet<Domain.Waivers.CodeAmendment> CodeAmendments => Set<Domain.Waivers.CodeAmendment>();

    /// <summary>The Board's designations of persons to decide in its place.</summary>
    public DbSet<Domain.Waivers.BoardDesignation> BoardDesignations => Set<Domain.Waivers.BoardDesignation>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EthicsDbContext).Assembly);
    }

    /// <inheritdoc />
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
