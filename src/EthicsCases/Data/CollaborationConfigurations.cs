using EthicsCases.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> builder)
    {
        builder.ToTable("CaseMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.AuthorLabel).HasMaxLength(200).IsRequired();
        builder.Ignore(m => m.Text);
        builder.Property(m => m.SealedText).HasColumnName("Text");
        builder.HasIndex(m => new { m.CaseId, m.At });
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(m => m.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> builder)
    {
        builder.ToTable("EvidenceFiles");
        builder.HasKey(e => e.Id);
        builder.Ignore(e => e.FileName);
        builder.Ignore(e => e.Content);
        builder.Property(e => e.SealedFileName).HasColumnName("FileName");
        builder.Property(e => e.SealedContent).HasColumnName("Content");
        builder.Property(e => e.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(e => e.CaseId);
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(e => e.UploadedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnonymousCredentialConfiguration : IEntityTypeConfiguration<AnonymousCredential>
{
    public void Configure(EntityTypeBuilder<AnonymousCredential> builder)
    {
        builder.ToTable("AnonymousCredentials");
        builder.HasKey(a => a.CaseId);
        builder.Property(a => a.KeyHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(a => a.KeyHash).IsUnique();
        builder.Property(a => a.PasswordHash).HasMaxLength(128).IsRequired();
        builder.Property(a => a.PasswordSalt).HasMaxLength(64).IsRequired();
        // Rows from before ADR-009 are PBKDF2; the default labels them when the column is added.
        builder.Property(a => a.Scheme).HasMaxLength(20).IsRequired().HasDefaultValue(AnonymousCredential.Pbkdf2Scheme);
        builder.HasOne<EthicsCase>().WithOne().HasForeignKey<AnonymousCredential>(a => a.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
