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
        Name = name.Trim();
        Title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        Roles = roles.Distinct().Order().ToList();
    }

    /// <summary>Stable identifier.</summary>
    public Guid Id { get; private set; }

    /// <summary>Lower-case e-mail address; the sign-in name.</summary>
    public string Email { get; private set; } = "";

    /// <summary>Display name.</summary>
    public string Name { get; private set; } = "";

    /// <summary>Job title, e.g. "Chief Financial Officer".</summary>
    public string? Title { get; private set; }

    /// <summary>SEC Central Index Key of the person as a reporting owner, when known.</summary>
    public string? Cik { get; set; }

    /// <summary>The roles this person holds.</summary>
    public List<Role> Roles { get; private set; } = [];

    /// <summary>Immediate mail or a daily digest; immediate unless the person chose otherwise.</summary>
    public NotificationPreference NotificationPreference { get; set; }

    /// <summary>Whether the person holds a role.</summary>
    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>E-mail addresses compare case-insensitively; they are stored lower-case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();
}
