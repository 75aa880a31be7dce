using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Features.Waivers;

/// <summary>
/// Configuration of the waiver register: <c>Company:Name</c> (the registrant named in disclosures) and
/// <c>Waivers:ImplicitAfterDays</c> (how long a case about a covered officer may sit without any event before it is
/// proposed as an implicit waiver).
/// </summary>
/// <param name="CompanyName">The registrant.</param>
/// <param name="ImplicitAfterDays">Days without an event.</param>
public sealed record WaiverSettings(string CompanyName, int ImplicitAfterDays)
{
    /// <summary>The company SOP II-031 names.</summary>
    public const string DefaultCompanyName = "Alto Ingredients, Inc.";

    /// <summary>
    /// Ninety days: a quarter without any step on a known departure is past any "reasonable period of time"
    /// (Instruction 2 to Item 5.05) for a company that reports quarterly.
    /// </summary>
    public const int DefaultImplicitAfterDays = 90;

    /// <summary>Reads the settings, with the defaults for what is absent.</summary>
    /// <exception cref="Domain.ValidationFailedException">A value is not usable.</exception>
    public static WaiverSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var company = configuration["Company:Name"];
        var days = configuration["Waivers:ImplicitAfterDays"];
        var after = DefaultImplicitAfterDays;
        if (!string.IsNullOrWhiteSpace(days) && (!int.TryParse(days, NumberStyles.None, CultureInfo.InvariantCulture, out after) || after < 1))
        {
            throw Domain.ValidationFailedException.For("Waivers:ImplicitAfterDays", $"'{days}' is not a whole number of days of at least 1.");
        }

        return new WaiverSettings(string.IsNullOrWhiteSpace(company) ? DefaultCompanyName : company.Trim(), after);
    }
}
