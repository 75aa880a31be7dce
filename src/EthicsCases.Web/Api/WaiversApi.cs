using EthicsCases.Domain;
using EthicsCases.Features.Board;
using EthicsCases.Features.Waivers;
using EthicsCases.Web.Auth;
using Mediator;

namespace EthicsCases.Web.Api;

/// <summary>
/// The waiver register, code amendments, implicit-waiver proposals and the Board's designations under <c>/api</c>. Each
/// endpoint Sends the message the matching <c>ethics waiver|board</c> command sends: roles, recusal (404 for the officer's
/// own waiver as a reviewer), designations in force and the Item 5.05 clock live in those handlers; refusals and bad input
/// come back as problem details like every other endpoint.
/// </summary>
public static class WaiversApi
{
    public static RouteGroupBuilder MapWaiversApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").RequireAuthorization(Policies.Api).WithTags("Waivers");
        var waivers = api.MapGroup("/waivers");

        waivers.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListWaivers(), ct))
            .WithName("ListWaivers")
            .WithSummary("The register as `ethics waiver list`: reviewers and designees see every waiver, an officer only their own; with the disclosure clock.");

        waivers.MapPost("/", async (WaiverRequestBody body, IMediator m, CancellationToken ct) =>
            {
                var requested = await m.Send(new RequestWaiver(body.Person ?? "", body.Provision ?? "", body.Reason ?? ""), ct);
                return TypedResults.Created($"/api/waivers/{requested.WaiverId}", requested);
            })
            .WithName("RequestWaiver")
            .WithSummary("Request a waiver: an officer for themselves, the General Counsel on an officer's behalf; answers {waiverId, state: Requested}.");

        waivers.MapPost("/{id:guid}/decision", (Guid id, WaiverDecisionBody body, IMediator m, CancellationToken ct) =>
                m.Send(new DecideWaiver(id,
                    body.Granted ?? throw ValidationFailedException.For("granted", "Say whether the waiver is granted: true or false."),
                    body.Decided, body.Rationale ?? ""), ct))
            .WithName("DecideWaiver")
            .WithSummary("Grant or deny (a Board member, or the Board's designee for waivers on the decision date; never the officer): {waiverId, state, disclosureDue}.");

        waivers.MapPost("/{id:guid}/disclosure", (Guid id, DisclosureBody body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordWaiverDisclosure(id, body.On, body.Channel ?? "", body.Url), ct))
            .WithName("RecordWaiverDisclosure")
            .WithSummary("Record the disclosure (General Counsel, Audit Committee): date and channel 8-K or website (with its address); late or on time.");

        waivers.MapPost("/{id:guid}/posting-removal", (Guid id, RemovalBody body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordWaiverPostingRemoval(id, body.On), ct))
            .WithName("RecordWaiverPostingRemoval")
            .WithSummary("Record that the website posting came down; a removal before twelve months carries a warning.");

        // POST, not GET: every draft generated is audited, as the written notice is.
        waivers.MapPost("/{id:guid}/draft", async (Guid id, string? variant, string? format, IMediator m, CancellationToken ct) =>
            {
                var pdf = string.Equals(format, "pdf", StringComparison.OrdinalIgnoreCase);
                var draft = await m.Send(new GetWaiverDisclosureDraft(id, variant ?? "8-K", pdf), ct);
                return pdf
                    ? (IResult)TypedResults.File(draft.Pdf!, "application/pdf", draft.FileName)
                    : TypedResults.Ok(new { draft.WaiverId, draft.Variant, draft.Title, draft.Text, draft.FileName });
            })
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .WithName("GetWaiverDisclosureDraft")
            .WithSummary("The Item 5.05 draft for counsel (variant 8-K or website; format text or pdf); audited, hence POST.");

        waivers.MapGet("/proposals", (bool? all, IMediator m, CancellationToken ct) => m.Send(new ListImplicitWaiverProposals(all ?? false), ct))
            .WithName("ListImplicitWaiverProposals")
            .WithSummary("Implicit-waiver proposals (General Counsel, Audit Committee); open ones unless all=true.");

        waivers.MapPost("/proposals/scan", (IMediator m, CancellationToken ct) => m.Send(new ProposeImplicitWaivers(), ct))
            .WithName("ProposeImplicitWaivers")
            .WithSummary("Look for new implicit waivers now: violation found without action, or cases about officers left unacted upon.");

        waivers.MapPost("/proposals/{id:guid}/confirm", (Guid id, ProposalDecisionBody body, IMediator m, CancellationToken ct) =>
                m.Send(new ConfirmImplicitWaiver(id, body.Reason ?? "", body.Provision), ct))
            .WithName("ConfirmImplicitWaiver")
            .WithSummary("Record the proposal as an implicit waiver (its clock starts today); a reason is required.");

        waivers.MapPost("/proposals/{id:guid}/dismiss", (Guid id, ProposalDecisionBody body, IMediator m, CancellationToken ct) =>
                m.Send(new DismissImplicitWaiverProposal(id, body.Reason ?? ""), ct))
            .WithName("DismissImplicitWaiverProposal")
            .WithSummary("Dismiss the proposal; a reason is required.");

        var amendments = api.MapGroup("/code-amendments").WithTags("Waivers");
        amendments.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListCodeAmendments(), ct))
            .WithName("ListCodeAmendments").WithSummary("Amendments of the code with their disclosure clock.");
        amendments.MapPost("/", async (AmendmentBody body, IMediator m, CancellationToken ct) =>
            {
                var row = await m.Send(new RecordCodeAmendment(body.Revision ?? "", body.Adopted, body.Summary ?? ""), ct);
                return TypedResults.Created($"/api/code-amendments/{Uri.EscapeDataString(row.Revision)}", row);
            })
            .WithName("RecordCodeAmendment").WithSummary("Record an amendment (a new SOP revision); the four-business-day clock starts on its adoption date.");
        amendments.MapPost("/{revision}/disclosure", (string revision, DisclosureBody body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordAmendmentDisclosure(revision, body.On, body.Channel ?? "", body.Url), ct))
            .WithName("RecordAmendmentDisclosure").WithSummary("Record an amendment's disclosure (General Counsel, Audit Committee).");
        amendments.MapPost("/{revision}/posting-removal", (string revision, RemovalBody body, IMediator m, CancellationToken ct) =>
                m.Send(new RecordAmendmentPostingRemoval(revision, body.On), ct))
            .WithName("RecordAmendmentPostingRemoval").WithSummary("Record that an amendment's website posting came down.");

        var designations = api.MapGroup("/board/designations").WithTags("Board");
        designations.MapGet("/", (IMediator m, CancellationToken ct) => m.Send(new ListDesignations(), ct))
            .WithName("ListDesignations").WithSummary("The Board's designations (Board chair, Board, Audit Committee, General Counsel).");
        designations.MapPost("/", async (DesignationBody body, IMediator m, CancellationToken ct) =>
            {
                var row = await m.Send(new RecordDesignation(body.Person, body.AuditCommittee ?? false, body.Matters ?? [], body.From, body.To, body.Resolution), ct);
                return TypedResults.Created($"/api/board/designations/{row.DesignationId}", row);
            })
            .WithName("RecordDesignation")
            .WithSummary("The Board chair records a designation: a person or the Audit Committee, for determinations and/or waivers, from..to, under a resolution.");
        return api;
    }
}

/// <summary>Body of <c>POST /api/waivers</c>.</summary>
public sealed record WaiverRequestBody(string? Person, string? Provision, string? Reason);

/// <summary>Body of <c>POST /api/waivers/{id}/decision</c>.</summary>
public sealed record WaiverDecisionBody(bool? Granted, DateOnly? Decided, string? Rationale);

/// <summary>Body of the disclosure endpoints: channel <c>8-K</c> or <c>website</c>.</summary>
public sealed record DisclosureBody(DateOnly? On, string? Channel, string? Url);

/// <summary>Body of the posting-removal endpoints.</summary>
public sealed record RemovalBody(DateOnly? On);

/// <summary>Body of the proposal confirm/dismiss endpoints.</summary>
public sealed record ProposalDecisionBody(string? Reason, string? Provision);

/// <summary>Body of <c>POST /api/code-amendments</c>.</summary>
public sealed record AmendmentBody(string? Revision, DateOnly? Adopted, string? Summary);

/// <summary>Body of <c>POST /api/board/designations</c>: matters <c>determinations</c>, <c>waivers</c> or <c>both</c>.</summary>
public sealed record DesignationBody(string? Person, bool? AuditCommittee, IReadOnlyList<string>? Matters, DateOnly? From, DateOnly? To, DateOnly? Resolution);
