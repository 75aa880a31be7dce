using System.Text.Json.Serialization;

namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// The actions the Board may take for a violation of the Code of Ethics or of SOP II-031 (final paragraph),
/// declared from least to most severe: the declaration order is the severity order.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Sanction>))]
public enum Sanction
{
    /// <summary>A written notice to the individual that the Board has determined that there has been a violation.</summary>
    WrittenNotice,

    /// <summary>Censure by the Board.</summary>
    Censure,

    /// <summary>Demotion or re-assignment of the individual involved.</summary>
    DemotionOrReassignment,

    /// <summary>Suspension with pay or benefits.</summary>
    SuspensionWithPay,

    /// <summary>Suspension without pay or benefits.</summary>
    SuspensionWithoutPay,

    /// <summary>Termination of the individual's employment.</summary>
    Termination,
}

/// <summary>How sanctions read in the SOP's words, and how they compare.</summary>
public static class SanctionWording
{
    /// <summary>The sanction as the SOP words it, for explanations and notices.</summary>
    public static string Describe(Sanction sanction) => sanction switch
    {
        Sanction.WrittenNotice => "a written notice that the Board has determined that there has been a violation",
        Sanction.Censure => "censure by the Board",
        Sanction.DemotionOrReassignment => "demotion or re-assignment of the individual involved",
        Sanction.SuspensionWithPay => "suspension with pay and benefits",
        Sanction.SuspensionWithoutPay => "suspension without pay or benefits",
        Sanction.Termination => "termination of the individual's employment",
        _ => throw new ArgumentOutOfRangeException(nameof(sanction), sanction, "Unknown sanction."),
    };

    /// <summary>A short title for headings and lists ("Suspension without pay").</summary>
    public static string Title(Sanction sanction) => sanction switch
    {
        Sanction.WrittenNotice => "Written notice",
        Sanction.Censure => "Censure",
        Sanction.DemotionOrReassignment => "Demotion or re-assignment",
        Sanction.SuspensionWithPay => "Suspension with pay",
        Sanction.SuspensionWithoutPay => "Suspension without pay",
        Sanction.Termination => "Termination of employment",
        _ => throw new ArgumentOutOfRangeException(nameof(sanction), sanction, "Unknown sanction."),
    };

    /// <summary>
    /// Whether a determination departs from the recommendation: it does when the most severe sanction chosen
    /// differs (lighter or heavier) from the recommended one. Choosing no sanction at all departs too, since the
    /// recommendation always names one. A departure needs a recorded reason.
    /// </summary>
    public static bool DepartsFromRecommendation(Sanction recommended, IEnumerable<Sanction> chosen)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        var list = chosen.ToList();
        return list.Count == 0 || list.Max() != recommended;
    }
}
