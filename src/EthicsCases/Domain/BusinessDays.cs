namespace EthicsCases.Domain;

/// <summary>Counts working days (Monday to Friday) for service-level checks such as triage deadlines.</summary>
public static class BusinessDays
{
    /// <summary>Whole business days elapsed after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (d.DayOfWeek is not DayOfWeek.Saturday and not DayOfWeek.Sunday)
            {
                count++;
            }
        }

        return count;
    }
}
