using EthicsCases.Domain;
using EthicsCases.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // The dispatcher's PostgreSQL claim names this table and its columns in SQL (NotificationDispatcher.ClaimAsync).
        builder.ToTable("Notifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.CaseReference).HasMaxLength(20);
        builder.Property(n => n.DeadlineKind).HasMaxLength(60);
        builder.Property(n => n.LastError).HasMaxLength(Notification.MaxErrorLength);
        builder.Property(n => n.ClaimedBy).HasMaxLength(200);
        builder.Property(n => n.DedupeKey).HasMaxLength(200).IsRequired();
        builder.HasIndex(n => n.DedupeKey).IsUnique();
        // The claim's scan: due pending rows in order.
        builder.HasIndex(n => new { n.State, n.NextAttemptAt });
        builder.HasIndex(n => new { n.RecipientId, n.State });
        builder.HasIndex(n => n.DigestId);
        builder.HasIndex(n => n.ClaimedBy);
        builder.HasOne<Person>().WithMany().HasForeignKey(n => n.RecipientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EthicsCase>().WithMany().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Notification>().WithMany().HasForeignKey(n => n.DigestId).OnDelete(DeleteBehavior.Restrict);
    }
}
