using EthicsCases.Domain;
using EthicsCases.Domain.Filings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class OwnershipFilingRecordConfiguration : IEntityTypeConfiguration<OwnershipFilingRecord>
{
    public void Configure(EntityTypeBuilder<OwnershipFilingRecord> builder)
    {
        builder.ToTable("OwnershipFilings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.IdempotencyKey).HasMaxLength(80).IsRequired();
        builder.HasIndex(f => f.IdempotencyKey).IsUnique();
        builder.Property(f => f.AccessionNumber).HasMaxLength(30);
        builder.Property(f => f.ContentSha256).HasMaxLength(64).IsRequired();
        builder.Property(f => f.Fingerprint).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => f.Fingerprint);
        builder.Property(f => f.DocumentType).HasMaxLength(10).IsRequired();
        builder.Property(f => f.SourceFormat).HasMaxLength(20).IsRequired();
        builder.Property(f => f.IssuerCik).HasMaxLength(10);
        builder.Property(f => f.IssuerName).HasMaxLength(200);
        builder.Property(f => f.IssuerTicker).HasMaxLength(20);
        builder.Property(f => f.IssuerKey).HasMaxLength(200).IsRequired();
        builder.Property(f => f.FiledAt).HasMaxLength(40);
        builder.Property(f => f.CalendarVersion).HasMaxLength(40).IsRequired();
        builder.Property(f => f.SourceFileName).HasMaxLength(260).IsRequired();
        builder.HasIndex(f => f.Due);
        builder.HasMany(f => f.ReportingOwners).WithOne().HasForeignKey(o => o.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Transactions).WithOne().HasForeignKey(t => t.FilingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Findings).WithOne().HasForeignKey(t => t.FilingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportingOwnerRecordConfiguration : IEntityTypeConfiguration<ReportingOwnerRecord>
{
    public void Configure(EntityTypeBuilder<ReportingOwnerRecord> builder)
    {
        builder.ToTable("OwnershipFilingOwners");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Cik).HasMaxLength(10);
        builder.Property(o => o.Name).HasMaxLength(200).IsRequired();
        builder.Property(o => o.NormalisedName).HasMaxLength(200).IsRequired();
        builder.Property(o => o.OfficerTitle).HasMaxLength(200);
        builder.Property(o => o.Match).HasConversion<string>().HasMaxLength(20);
        builder.Property(o => o.ReviewNote).HasMaxLength(1000);
        builder.HasIndex(o => o.Cik);
        builder.HasIndex(o => o.NormalisedName);
        builder.HasIndex(o => o.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OwnershipTransactionRecordConfiguration : IEntityTypeConfiguration<OwnershipTransactionRecord>
{
    public void Configure(EntityTypeBuilder<OwnershipTransactionRecord> builder)
    {
        builder.ToTable("OwnershipTransactions");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Table).HasMaxLength(20).IsRequired();
        builder.Property(t => t.Security).HasMaxLength(300).IsRequired();
        builder.Property(t => t.Code).HasMaxLength(5).IsRequired();
        builder.Property(t => t.FormType).HasMaxLength(5);
        builder.Property(t => t.Timeliness).HasMaxLength(5);
        builder.Property(t => t.AcquiredDisposed).HasMaxLength(5);
        builder.Property(t => t.Ownership).HasMaxLength(5);
        builder.Property(t => t.FootnoteIds).HasMaxLength(500);
    }
}

internal sealed class FilingFindingRecordConfiguration : IEntityTypeConfiguration<FilingFindingRecord>
{
    public void Configure(EntityTypeBuilder<FilingFindingRecord> builder)
    {
        builder.ToTable("OwnershipFilingFindings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Code).HasMaxLength(60).IsRequired();
        builder.Property(f => f.Message).HasMaxLength(4000).IsRequired();
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ShortSwingPairRecordConfiguration : IEntityTypeConfiguration<ShortSwingPairRecord>
{
    public void Configure(EntityTypeBuilder<ShortSwingPairRecord> builder)
    {
        builder.ToTable("ShortSwingPairs");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.InsiderKey).HasMaxLength(200).IsRequired();
        builder.Property(p => p.IssuerKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(p => new { p.InsiderKey, p.IssuerKey, p.PurchaseDate, p.PurchasePrice, p.SaleDate, p.SalePrice }).IsUnique();
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
