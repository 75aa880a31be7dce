namespace EthicsCases.Domain;

/// <summary>Top-level states of a case (docs/contract.md).</summary>
public enum CaseState
{
    /// <summary>Filed, awaiting triage.</summary>
    Intake,

    /// <summary>Under review by the General Counsel.</summary>
    GeneralCounselReview,

    /// <summary>Under review by the Audit Committee.</summary>
    AuditCommitteeReview,

    /// <summary>Awaiting the Board's determination, which the Audit Committee records.</summary>
    BoardDetermination,

    /// <summary>Finished, with an outcome.</summary>
    Closed,
}

/// <summary>How a closed case ended.</summary>
public enum CaseOutcome
{
    /// <summary>The Board determined there was a violation.</summary>
    ViolationFound,

    /// <summary>Reviewed and no violation found.</summary>
    NoViolationFound,

    /// <summary>Dismissed at intake.</summary>
    Dismissed,
}

/// <summary>Workflow triggers (docs/contract.md); the names are used by the CLI and the API.</summary>
public enum CaseTrigger
{
    /// <summary>Intake to General Counsel or Audit Committee review.</summary>
    Accept,

    /// <summary>Intake to Closed (Dismissed); reason required.</summary>
    Dismiss,

    /// <summary>General Counsel review to Audit Committee review; reason required.</summary>
    ReferToAuditCommittee,

    /// <summary>Audit Committee review to Closed (NoViolationFound); reason required.</summary>
    CloseNoViolation,

    /// <summary>Audit Committee review to Board determination.</summary>
    RequestBoardDetermination,

    /// <summary>Board determination to Closed, recording the Board's decision.</summary>
    RecordDetermination,

    /// <summary>Closed back to Audit Committee review; reason required.</summary>
    Reopen,
}
