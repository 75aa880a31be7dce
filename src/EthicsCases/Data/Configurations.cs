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
        builder.Property(c => c.Summary).HasMaxLength(500).IsRequired();
        builder.Property(c => c.Details).HasMaxLength(20_000);
        builder.Property(c => c.Substate).HasMaxLength(60);
        builder.Property(c => c.LastAuditHash).HasMaxLength(64).IsRequired();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.PrimitiveCollection(c => c.RoutedTo).ElementType(e => e.HasConversion<string>());
        builder.HasIndex(c => new { c.State, c.FiledAt });
        builder.HasIndex(c => c.ReporterId);
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
        builder.Property(e => e.Reason).HasMaxLength(4000);
        builder.Property(e => e.PreviousHash).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Hash).HasMaxLength(64).IsRequired();
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
