using EthicsCases.Notifications;

namespace EthicsCases.Domain;

/// <summary>Someone in the company directory: a reporter, a subject, a reviewer, or all three over time.</summary>
public sealed class Person
{
    private Person()
    {
    }

    /// <summary>Creates a directory entry.</summary>
    public Person(Guid id, string email, string name, string? title, IEnumerable<Role> roles)
    {
        Id = id;
        Email = NormalizeEmail(email);
        Describe(name, title);
        Grant(roles);
    }

    public Guid Id { get; private set; }

    /// <summary>Lower-case e-mail address: the sign-in name in local mode, and how an Entra ID account is first linked.</summary>
    public string Email { get; private set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Job title, e.g. "Chief Financial Officer".</summary>
    public string? Title { get; private set; }

    /// <summary>SEC Central Index Key of the person as a reporting owner, when known.</summary>
    public string? Cik { get; set; }

    /// <summary>The roles this person holds.</summary>
    public List<Role> Roles { get; private set; } = [];

    /// <summary>
    /// The Microsoft Entra ID tenant (<c>tid</c>) of the account this person signs in with; set together with
    /// <see cref="ObjectId"/>, on the first sign-in by a verified UPN or by an administrator. Once set, Entra sign-in
    /// finds the person by these two and never by e-mail.
    /// </summary>
    public Guid? TenantId { get; private set; }

    /// <summary>The account's immutable object id (<c>oid</c>) in <see cref="TenantId"/>.</summary>
    public Guid? ObjectId { get; private set; }

    /// <summary>When the person left the directory; a deactivated person signs in to nothing and acts on nothing.</summary>
    public DateTime? DeactivatedAt { get; private set; }

    /// <summary>Why the person was deactivated (its SHA-256 is on the directory's audit chain).</summary>
    public string? DeactivationReason { get; private set; }

    /// <summary>Whether the person is in the directory (not deactivated).</summary>
    public bool Active => DeactivatedAt is null;

    /// <summary>Whether an Entra ID account is linked.</summary>
    public bool Linked => TenantId is not null && ObjectId is not null;
    /// <summary>Immediate mail or a daily digest; immediate unless the person chose otherwise.</summary>
    public NotificationPreference NotificationPreference { get; set; }

    /// <summary>Whether the person holds a role.</summary>
    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>Sets the display name and title.</summary>
    public void Describe(string name, string? title)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
    }

    /// <summary>Replaces the roles.</summary>
    public void Grant(IEnumerable<Role> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        Roles = roles.Distinct().Order().ToList();
    }

    /// <summary>Binds the person to one Entra ID account (tenant and object id), replacing an earlier binding.</summary>
    public void LinkTo(Guid tenantId, Guid objectId)
    {
        if (tenantId == Guid.Empty || objectId == Guid.Empty)
        {
            throw new ArgumentException("Tenant and object ids must not be empty.");
        }

        TenantId = tenantId;
        ObjectId = objectId;
    }

    /// <summary>Takes the person out of the directory; the row stays, since cases and the audit trail name it.</summary>
    public void Deactivate(DateTime at, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (!Active)
        {
            throw new InvalidOperationException($"{Email} is already deactivated.");
        }

        DeactivatedAt = at;
        DeactivationReason = reason.Trim();
    }

    /// <summary>E-mail addresses compare case-insensitively; they are stored lower-case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
