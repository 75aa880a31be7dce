using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Email).HasMaxLength(320).IsRequired();
        builder.HasIndex(p => p.Email).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Title).HasMaxLength(200);
        builder.Property(p => p.Cik).HasMaxLength(10);
        builder.HasIndex(p => p.Cik);
        builder.PrimitiveCollection(p => p.Roles).ElementType(e => e.HasConversion<string>());
        // NULLs are distinct in both providers' unique indexes, so unlinked people do not clash.
        builder.HasIndex(p => new { p.TenantId, p.ObjectId }).IsUnique();
        builder.Property(p => p.DeactivationReason).HasMaxLength(1000);
        // Existing people get the default in the database; the sentinel is a value never stored, so EF always writes
        // the chosen preference rather than leaving Immediate to the column default.
        builder.Property(p => p.NotificationPreference).HasConversion<string>().HasMaxLength(20)
            .HasDefaultValue(Notifications.NotificationPreference.Immediate).HasSentinel((Notifications.NotificationPreference)(-1));
    }
}

internal sealed class EthicsCaseConfiguration : IEntityTypeConfiguration<EthicsCase>
{
    public void Configure(EntityTypeBuilder<EthicsCase> builder)
    {
        builder.ToTable("Cases");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Reference).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Reference).IsUnique();
        builder.Ignore(c => c.Summary);
        builder.Ignore(c => c.Details);
        builder.Property(c => c.SealedSummary).HasColumnName("Summary");
        builder.Property(c => c.SealedDetails).HasColumnName("Details");
        builder.Property(c => c.LastAuditHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.RoutedTo);
        // Keyset pages: every list is ordered by (FiledAt, Reference) and the queues by state first; the General
        // Counsel's by routing too, so that each page is one index range read in order. The state index also carries
        // what visibility checks (routing, reporter, id for the subjects): counting a state (up to CaseRows.CountLimit)
        // then reads no table row, which at a million cases was 0.2-0.6 s of random reads per count (docs/performance.md).
        builder.HasIndex(c => new { c.State, c.FiledAt, c.Reference, c.RoutedToGeneralCounsel, c.ReporterId, c.Id });
        builder.HasIndex(c => new { c.State, c.RoutedToGeneralCounsel, c.FiledAt, c.Reference });
        builder.HasIndex(c => new { c.FiledAt, c.Reference });
        builder.HasIndex(c => new { c.ReporterId, c.FiledAt });
        builder.HasOne(c => c.Reporter).WithMany().HasForeignKey(c => c.ReporterId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Subjects).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(c => c.Subjects).AutoInclude();
    }
}

internal sealed class CaseSubjectConfiguration : IEntityTypeConfiguration<CaseSubject>
{
    public void Configure(EntityTypeBuilder<CaseSubject> builder)
    {
        builder.HasKey(s => new { s.CaseId, s.PersonId });
        builder.HasIndex(s => s.PersonId);
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(320).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(60).IsRequired();
        builder.Property(e => e.From).HasMaxLength(40);
        builder.Property(e => e.To).HasMaxLength(40);
        builder.Ignore(e => e.Reason);
        builder.Property(e => e.SealedReason).HasColumnName("Reason");
        builder.Property(e => e.ReasonSha256).HasMaxLength(64);
        builder.Property(e => e.Channel).HasMaxLength(20);
        builder.Property(e => e.OsUser).HasMaxLength(100);
        builder.Property(e => e.KeyId).HasMaxLength(40);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.Seq).IsUnique();
        builder.HasIndex(e => new { e.CaseId, e.Id });
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> builder)
    {
        builder.HasKey(r => r.Year);
        builder.Property(r => r.Year).ValueGeneratedNever();
        builder.Property(r => r.Last).IsConcurrencyToken();
    }
}

internal sealed class DeterminationConfiguration : IEntityTypeConfiguration<Domain.Determinations.Determination>
{
    public void Configure(EntityTypeBuilder<Domain.Determinations.Determination> builder)
    {
        builder.HasKey(d => d.Id);
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(d => d.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(d => d.Person).WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Waivers.BoardDesignation>().WithMany().HasForeignKey(d => d.DesignationId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.DecidedAs).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(d => d.Rationale);
        builder.Ignore(d => d.AdvisedOverrideReason);
        builder.Ignore(d => d.DepartureRationale);
        builder.Ignore(d => d.NoticePdf);
        builder.Property(d => d.SealedRationale).HasColumnName("Rationale");
        builder.Property(d => d.SealedAdvisedOverrideReason).HasColumnName("AdvisedOverrideReason");
        builder.Property(d => d.SealedDepartureRationale).HasColumnName("DepartureRationale");
        builder.Property(d => d.SealedNoticePdf).HasColumnName("NoticePdf");
        builder.Property(d => d.PolicyVersion).HasMaxLength(40);
        builder.Property(d => d.Score).HasPrecision(9, 2);
        builder.HasIndex(d => new { d.CaseId, d.RecordedAt });
        builder.HasIndex(d => new { d.PersonId, d.ViolationFound });
        // The Board's actions are read and written with their determination only, in the Board's order: one JSON
        // column keeps that order without a child table (both providers store it as text). Their details, the Board's
        // words, are sealed in a column of their own; the JSON holds a marker in their place.
        builder.Ignore(d => d.Sanctions);
        builder.Property(d => d.SealedSanctionDetails).HasColumnName("SanctionDetails");
        builder.Property(d => d.SanctionsAsStored)
            .HasColumnName("Sanctions")
            .HasConversion(new DeterminedSanctionsConverter(), new DeterminedSanctionsComparer())
            .HasMaxLength(8000)
            .IsRequired();
    }
}

internal sealed class PriorAdviceConfiguration : IEntityTypeConfiguration<Domain.Determinations.PriorAdvice>
{
    public void Configure(EntityTypeBuilder<Domain.Determinations.PriorAdvice> builder)
    {
        builder.ToTable("PriorAdvice");
        builder.HasKey(a => a.Id);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.Summary);
        builder.Property(a => a.SealedSummary).HasColumnName("Summary");
        builder.HasIndex(a => new { a.PersonId, a.Category, a.GivenOn });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64).IsRequired();
        builder.Property(h => h.DirectoryHead).HasMaxLength(64).IsRequired();
        builder.Property(h => h.KeyId).HasMaxLength(40);
        builder.Property(h => h.Mac).HasMaxLength(64).IsRequired();
    }
}

internal sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>
{
    public void Configure(EntityTypeBuilder<DataKey> builder)
    {
        builder.HasKey(k => k.OwnerId);
        builder.Property(k => k.KekId).HasMaxLength(40).IsRequired();
        builder.Property(k => k.Wrapped).IsRequired();
    }
}

/// <summary>The Board's actions as one JSON text (enums by name); named, so that the compiled model can create it.</summary>
public sealed class DeterminedSanctionsConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<List<Domain.Determinations.DeterminedSanction>, string>(
    v => System.Text.Json.JsonSerializer.Serialize(v, DeterminedSanctionsJson.Options),
    v => System.Text.Json.JsonSerializer.Deserialize<List<Domain.Determinations.DeterminedSanction>>(v, DeterminedSanctionsJson.Options) ?? new List<Domain.Determinations.DeterminedSanction>());

/// <summary>Compares the Board's actions by value, in order.</summary>
public sealed class DeterminedSanctionsComparer() : Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<Domain.Determinations.DeterminedSanction>>(
    (a, b) => a!.SequenceEqual(b!),
    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x.GetHashCode())),
    v => v.ToList());

/// <summary>The JSON options of the actions' column.</summary>
public static class DeterminedSanctionsJson
{
    /// <summary>Web defaults, enums by name.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
