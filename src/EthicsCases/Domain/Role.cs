namespace EthicsCases.Domain;

/// <summary>Roles named in docs/contract.md; Entra ID app roles carry the same names.</summary>
public enum Role
{
    /// <summary>A senior financial officer (CEO, CFO, controller...) who files concerns.</summary>
    Officer,

    /// <summary>Triages and reviews concerns routed to the General Counsel.</summary>
    GeneralCounsel,

    /// <summary>Reviews every concern and records the Board's determination.</summary>
    AuditCommittee,

    /// <summary>The Board of Directors, which determines the action for a violation.</summary>
    Board,

    /// <summary>Maintains the directory; sees no case content.</summary>
    Administrator,

    /// <summary>
    /// The chair of the Board of Directors, who records the Board's designations (SOP II-031: the Board may "designate
    /// appropriate persons to determine"). Held alongside <see cref="Board"/>; it grants no sight of cases by itself.
    /// </summary>
    BoardChair,
}
