using EthicsCases.Domain;
using EthicsCases.Domain.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.HasKey(h => h.Id);
        builder.Ignore(h => h.Reason);
        builder.Ignore(h => h.ReleaseReason);
        builder.Ignore(h => h.IsActive);
        builder.Property(h => h.SealedReason).HasColumnName("Reason");
        builder.Property(h => h.SealedReleaseReason).HasColumnName("ReleaseReason");
        builder.Property(h => h.PlacedBy).HasMaxLength(320).IsRequired();
        builder.Property(h => h.ReleasedBy).HasMaxLength(320);
        // The purge asks "which cases have an active hold": released is null.
        builder.HasIndex(h => new { h.CaseId, h.ReleasedAt });
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.PlacedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(h => h.ReleasedById).OnDelete(DeleteBehavior.Restrict);
    }
}
