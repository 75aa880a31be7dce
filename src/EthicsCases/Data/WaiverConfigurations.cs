using EthicsCases.Domain;
using EthicsCases.Domain.Waivers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EthicsCases.Data;

/// <summary>The Item 5.05 clock shares its columns' names and rules wherever it is owned.</summary>
internal static class DisclosureTrackMapping
{
    public static void Map<T>(EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, DisclosureTrack?>> navigation)
        where T : class
    {
        builder.OwnsOne(navigation, d =>
        {
            d.Property(x => x.EventDate).HasColumnName("DisclosureEventDate");
            d.Property(x => x.Due).HasColumnName("DisclosureDue");
            d.Property(x => x.CalendarVersion).HasColumnName("DisclosureCalendarVersion").HasMaxLength(40);
            d.Property(x => x.DisclosedOn).HasColumnName("DisclosedOn");
            d.Property(x => x.Channel).HasColumnName("DisclosureChannel").HasConversion<string>().HasMaxLength(20);
            d.Property(x => x.Url).HasColumnName("DisclosureUrl").HasMaxLength(2000);
            d.Property(x => x.PostingRemovedOn).HasColumnName("PostingRemovedOn");
        });
        builder.Navigation(navigation!).IsRequired();
    }
}

internal sealed class WaiverConfiguration : IEntityTypeConfiguration<Waiver>
{
    public void Configure(EntityTypeBuilder<Waiver> builder)
    {
        builder.ToTable("Waivers");
        builder.HasKey(w => w.Id);
        builder.HasOne(w => w.Person).WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(w => w.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<BoardDesignation>().WithMany().HasForeignKey(w => w.DesignationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImplicitWaiverProposal>().WithOne().HasForeignKey<Waiver>(w => w.ProposalId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(w => w.Provision).HasMaxLength(1000).IsRequired();
        // Narrative is sealed (ISealedContent): the columns keep their names and hold the sealed bytes.
        builder.Ignore(w => w.Reason);
        builder.Ignore(w => w.Rationale);
        builder.Property(w => w.SealedReason).HasColumnName("Reason");
        builder.Property(w => w.SealedRationale).HasColumnName("Rationale");
        builder.Property(w => w.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.DecidedAs).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Version).IsConcurrencyToken();
        builder.HasIndex(w => new { w.PersonId, w.RequestedAt });
        builder.HasIndex(w => w.State);
        DisclosureTrackMapping.Map(builder, w => w.Disclosure);
    }
}

internal sealed class BoardDesignationConfiguration : IEntityTypeConfiguration<BoardDesignation>
{
    public void Configure(EntityTypeBuilder<BoardDesignation> builder)
    {
        builder.ToTable("BoardDesignations");
        builder.HasKey(d => d.Id);
        builder.HasOne(d => d.Designee).WithMany().HasForeignKey(d => d.DesigneeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Body).HasConversion<string>().HasMaxLength(40);
        builder.PrimitiveCollection(d => d.Matters).ElementType(e => e.HasConversion<string>());
        builder.HasIndex(d => new { d.From, d.To });
    }
}

internal sealed class ImplicitWaiverProposalConfiguration : IEntityTypeConfiguration<ImplicitWaiverProposal>
{
    public void Configure(EntityTypeBuilder<ImplicitWaiverProposal> builder)
    {
        builder.ToTable("ImplicitWaiverProposals");
        builder.HasKey(p => p.Id);
        builder.HasOne(p => p.Case).WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Person).WithMany().HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(p => p.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Trigger).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(p => p.Reason);
        builder.Property(p => p.SealedReason).HasColumnName("Reason");
        builder.Property(p => p.Version).IsConcurrencyToken();
        // Once per case and officer: a second scan, or two at once, cannot propose the same thing twice.
        builder.HasIndex(p => new { p.CaseId, p.PersonId }).IsUnique();
        builder.HasIndex(p => p.State);
    }
}

internal sealed class CodeAmendmentConfiguration : IEntityTypeConfiguration<CodeAmendment>
{
    public void Configure(EntityTypeBuilder<CodeAmendment> builder)
    {
        builder.ToTable("CodeAmendments");
        builder.HasKey(a => a.Id);
        builder.HasOne<Person>().WithMany().HasForeignKey(a => a.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Revision).HasMaxLength(40).IsRequired();
        builder.HasIndex(a => a.Revision).IsUnique();
        builder.Ignore(a => a.Summary);
        builder.Property(a => a.SealedSummary).HasColumnName("Summary");
        builder.Property(a => a.Version).IsConcurrencyToken();
        DisclosureTrackMapping.Map(builder, a => a.Disclosure);
    }
}
