namespace EthicsCases.Domain;

/// <summary>A directory person named as a subject of a case; recused from it whatever their role.</summary>
public sealed class CaseSubject
{
    private CaseSubject()
    {
    }

    internal CaseSubject(Guid caseId, Guid personId)
    {
        CaseId = caseId;
        PersonId = personId;
    }

    public Guid CaseId { get; private set; }

    /// <summary>The person named.</summary>
    public Guid PersonId { get; private set; }

    /// <summary>The person, when loaded.</summary>
    public Person? Person { get; private set; }
}
