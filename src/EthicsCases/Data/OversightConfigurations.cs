using EthicsCases.Domain;
using EthicsCases.Domain.Oversight;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class MetricsBucketRowConfiguration : IEntityTypeConfiguration<MetricsBucketRow>
{
    public void Configure(EntityTypeBuilder<MetricsBucketRow> builder)
    {
        builder.ToTable("MetricsBuckets");
        builder.HasKey(b => new { b.Quarter, b.Category, b.RoutingClass });
        builder.Property(b => b.Quarter).HasMaxLength(6);
        builder.Property(b => b.RoutingClass).HasConversion<int>();
        builder.Property(b => b.Json).IsRequired();
        builder.Property(b => b.Version).IsConcurrencyToken();
    }
}

internal sealed class MetricsCaseFactRowConfiguration : IEntityTypeConfiguration<MetricsCaseFactRow>
{
    public void Configure(EntityTypeBuilder<MetricsCaseFactRow> builder)
    {
        builder.ToTable("MetricsCaseFacts");
        builder.HasKey(f => f.CaseId);
        builder.HasOne<EthicsCase>().WithOne().HasForeignKey<MetricsCaseFactRow>(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(f => f.RoutingClass).HasConversion<int>();
        builder.Property(f => f.Json).IsRequired();
    }
}
