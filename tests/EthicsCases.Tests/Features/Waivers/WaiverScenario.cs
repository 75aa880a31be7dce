using EthicsCases.Domain;
using EthicsCases.Features.People;
using EthicsCases.Features.Waivers;
using EthicsCases.Tests.Infrastructure;

namespace EthicsCases.Tests.Features.Waivers;

/// <summary>The people of the waiver tests beyond the usual cast, and a request the tests decide.</summary>
internal static class WaiverScenario
{
    /// <summary>Chairs the Board: Board and BoardChair.</summary>
    public const string Chair = "board.chair@test.example";

    /// <summary>The CEO, an officer who also sits on the Board.</summary>
    public const string Ceo = "ceo@test.example";

    /// <summary>An outside person the Board may designate by name; no role.</summary>
    public const string OutsideCounsel = "outside.counsel@test.example";

    /// <summary>The officer most waivers are for, with a name and title for the drafts.</summary>
    public const string Whitaker = "jordan.whitaker@test.example";

    public static async Task AddPeople(TestDatabase db)
    {
        await db.AddPerson(Chair, Role.Board, Role.BoardChair);
        await db.AddPerson(Ceo, Role.Officer, Role.Board);
        await db.AddPerson(OutsideCounsel);
        await db.SendAs(Cast.Admin, new AddPerson(Whitaker, "Jordan Whitaker", ["Officer"], "Chief Financial Officer"));
    }

    /// <summary>Whitaker asks for a waiver of the outside-directorship rule.</summary>
    public static async Task<Guid> Requested(TestDatabase db, string person = Whitaker, string? asker = null) =>
        (await db.SendAs(asker ?? person, new RequestWaiver(person, "Code of Ethics II-030, conflicts of interest: outside directorships",
            "Permission to serve on the board of Pacific Grain Cooperative, a supplier, with recusal from its dealings with the Company."))).WaiverId;
}
