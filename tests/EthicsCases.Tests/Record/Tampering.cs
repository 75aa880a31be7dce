using System.Security.Cryptography;
using System.Text;
using EthicsCases.Domain;
using EthicsCases.Security.Keys;

namespace EthicsCases.Tests.Record;

/// <summary>
/// One kind of edit an insider with database write access would make, the problem kind <c>audit verify</c> must name
/// for it, and how to make it on the <paramref name="Apply"/>'s n-th target (so the same kind can be tried on many rows).
/// </summary>
internal sealed record Tamper(string Name, string Kind, Func<RecordCopy, int, Task> Apply)
{
    public override string ToString() => Name;
}

/// <summary>Every tampering kind of issue 8, as direct SQL on a copy of the seeded record.</summary>
internal static class Tampering
{
    public static readonly IReadOnlyList<Tamper> All =
    [
        // A case's row.
        new("case summary rewritten with the content key", "CaseContent", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""UPDATE "Cases" SET "Summary" = {await db.SealAsync(id, EthicsCase.SummaryPurpose, "Nothing to report")} WHERE "Id" = {id}""");
        }),
        new("case summary written in clear", "Unencrypted", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""UPDATE "Cases" SET "Summary" = {"Nothing to report"u8.ToArray()} WHERE "Id" = {id}""");
        }),
        new("case details rewritten with the content key", "CaseContent", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""UPDATE "Cases" SET "Details" = {await db.SealAsync(id, "case.details", "A harmless misunderstanding.")} WHERE "Id" = {id}""");
        }),
        new("case category changed", "CaseState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "Category" = CASE WHEN "Category" = 'Fraud' THEN 'DisclosureMatter' ELSE 'Fraud' END WHERE "Id" = {await CaseAsync(db, n)}""")),
        new("case state changed", "CaseState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "State" = CASE WHEN "State" = 'Closed' THEN 'AuditCommitteeReview' ELSE 'Closed' END WHERE "Id" = {await CaseAsync(db, n)}""")),
        new("case outcome changed", "CaseState", async (db, n) =>
        {
            var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "Cases" WHERE "Outcome" IS NOT NULL ORDER BY "Reference" """);
            await db.ExecAsync($"""UPDATE "Cases" SET "Outcome" = CASE WHEN "Outcome" = 'ViolationFound' THEN 'Dismissed' ELSE 'ViolationFound' END WHERE "Id" = {ids[n % ids.Count]}""");
        }),
        new("case reporter changed", "CaseState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "ReporterId" = (SELECT "Id" FROM "People" WHERE "Email" = {Infrastructure.Cast.Director}) WHERE "Id" = {await CaseAsync(db, n)}""")),
        new("anonymous report given a reporter", "CaseState", async (db, _) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "ReporterId" = (SELECT "Id" FROM "People" WHERE "Email" = {Infrastructure.Cast.Cfo}) WHERE "Id" = {db.Facts.AnonymousCase}""")),
        new("case routing changed", "CaseState", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""UPDATE "Cases" SET "RoutedToAuditCommittee" = NOT "RoutedToAuditCommittee" WHERE "Id" = {id}""");
        }),
        new("case recusal flag flipped", "CaseState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "GeneralCounselRecused" = NOT "GeneralCounselRecused" WHERE "Id" = {(n == 0 ? db.Facts.RecusedCase : await CaseAsync(db, n))}""")),
        new("case filing date moved", "CaseState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Cases" SET "FiledAt" = {new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc)} WHERE "Id" = {await CaseAsync(db, n)}""")),
        new("case closing date moved", "CaseState", async (db, n) =>
        {
            var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "Cases" WHERE "ClosedAt" IS NOT NULL ORDER BY "Reference" """);
            await db.ExecAsync($"""UPDATE "Cases" SET "ClosedAt" = {new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc)} WHERE "Id" = {ids[n % ids.Count]}""");
        }),
        new("case added outside the application", "CaseUnrecorded", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""
                INSERT INTO "Cases" ("Id", "Reference", "Category", "State", "Outcome", "RoutedToGeneralCounsel", "RoutedToAuditCommittee", "GeneralCounselRecused", "ReporterId", "FiledAt", "UpdatedAt",
                    "ClosedAt", "ReferredToBoard", "LastAuditHash", "Summary", "Details", "Version")
                SELECT {Guid.NewGuid()}, {"EC-1999-" + (900 + n)}, "Category", "State", "Outcome", "RoutedToGeneralCounsel", "RoutedToAuditCommittee", "GeneralCounselRecused", "ReporterId", "FiledAt", "UpdatedAt",
                    "ClosedAt", "ReferredToBoard", "LastAuditHash", "Summary", "Details", "Version" FROM "Cases" WHERE "Id" = {id}
                """);
        }),
        new("whole case deleted with its events", "SequenceGap", async (db, n) => await DeleteCaseAsync(db, await CaseAsync(db, n), withEvents: true)),
        new("whole case deleted, events kept", "CaseMissing", async (db, n) => await DeleteCaseAsync(db, await CaseAsync(db, n), withEvents: false)),

        // Messages and notes.
        new("message rewritten with the content key", "MessageContent", async (db, n) =>
        {
            var (id, caseId) = await MessageAsync(db, n, "");
            await db.ExecAsync($"""UPDATE "CaseMessages" SET "Text" = {await db.SealAsync(caseId, $"message:{id:N}", "Nothing was attached.")} WHERE "Id" = {id}""");
        }),
        new("message deleted", "MessageMissing", async (db, n) =>
            await db.ExecAsync($"""DELETE FROM "CaseMessages" WHERE "Id" = {(await MessageAsync(db, n, "")).Id}""")),
        new("private note flipped to shared", "MessageContent", async (db, n) =>
            await db.ExecAsync($"""UPDATE "CaseMessages" SET "SharedWithReporter" = {true} WHERE "Id" = {(await MessageAsync(db, n, "notes")).Id}""")),
        new("message added outside the application", "MessageUnrecorded", async (db, n) =>
        {
            var (id, _) = await MessageAsync(db, n, "");
            await db.ExecAsync($"""
                INSERT INTO "CaseMessages" ("Id", "At", "AuthorId", "AuthorLabel", "CaseId", "FromReporter", "Text", "SharedWithReporter")
                SELECT {Guid.NewGuid()}, "At", "AuthorId", "AuthorLabel", "CaseId", "FromReporter", "Text", "SharedWithReporter" FROM "CaseMessages" WHERE "Id" = {id}
                """);
        }),
        new("ciphertexts of two messages swapped", "SealedContent", async (db, n) =>
        {
            var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "CaseMessages" WHERE "CaseId" = {db.Facts.BoardCase} ORDER BY "At" """);
            var (a, b) = (ids[n % ids.Count], ids[(n + 1) % ids.Count]);
            var texts = await db.QueryAsync($"""SELECT "Id", "Text" FROM "CaseMessages" WHERE "Id" IN ({a}, {b})""");
            foreach (var row in texts)
            {
                var other = RecordCopy.As<Guid>(row[0]) == a ? b : a;
                await db.ExecAsync($"""UPDATE "CaseMessages" SET "Text" = {(byte[])row[1]!} WHERE "Id" = {other}""");
            }
        }),

        // Subjects.
        new("subject removed", "Subjects", async (db, n) =>
        {
            var ids = await db.ColumnAsync<Guid>($"""SELECT DISTINCT "CaseId" FROM "CaseSubjects" ORDER BY "CaseId" """);
            var id = n == 0 ? db.Facts.RecusedCase : ids[n % ids.Count];
            var person = (await db.ColumnAsync<Guid>($"""SELECT "PersonId" FROM "CaseSubjects" WHERE "CaseId" = {id} ORDER BY "PersonId" """))[0];
            await db.ExecAsync($"""DELETE FROM "CaseSubjects" WHERE "CaseId" = {id} AND "PersonId" = {person}""");
        }),
        new("subject added", "Subjects", async (db, n) =>
        {
            var id = await CaseAsync(db, n);
            await db.ExecAsync($"""
                INSERT INTO "CaseSubjects" ("CaseId", "PersonId")
                SELECT {id}, p."Id" FROM "People" p WHERE NOT EXISTS (SELECT 1 FROM "CaseSubjects" s WHERE s."CaseId" = {id} AND s."PersonId" = p."Id")
                ORDER BY p."Email" LIMIT 1
                """);
        }),

        // Documents.
        new("document bytes rewritten with the content key", "EvidenceContent", async (db, n) =>
        {
            var (id, caseId) = await EvidenceAsync(db, n);
            await db.ExecAsync($"""UPDATE "EvidenceFiles" SET "Content" = {await db.SealAsync(caseId, $"evidence:{id:N}:content", "nothing unusual here"u8.ToArray())} WHERE "Id" = {id}""");
        }),
        new("document bytes and their recorded hash rewritten", "EvidenceContent", async (db, n) =>
        {
            var (id, caseId) = await EvidenceAsync(db, n);
            var content = "nothing unusual here"u8.ToArray();
            await db.ExecAsync($"""
                UPDATE "EvidenceFiles" SET "Content" = {await db.SealAsync(caseId, $"evidence:{id:N}:content", content)}, "Sha256" = {ContentHash.Of(content)}, "Length" = {(long)content.Length}
                WHERE "Id" = {id}
                """);
        }),
        new("document bytes flipped in the ciphertext", "SealedContent", async (db, n) =>
        {
            var (id, _) = await EvidenceAsync(db, n);
            var bytes = await db.ScalarAsync<byte[]>($"""SELECT "Content" FROM "EvidenceFiles" WHERE "Id" = {id}""");
            bytes[^5] ^= 0x20;
            await db.ExecAsync($"""UPDATE "EvidenceFiles" SET "Content" = {bytes} WHERE "Id" = {id}""");
        }),
        new("document renamed", "EvidenceContent", async (db, n) =>
        {
            var (id, caseId) = await EvidenceAsync(db, n);
            await db.ExecAsync($"""UPDATE "EvidenceFiles" SET "FileName" = {await db.SealAsync(caseId, $"evidence:{id:N}:name", "holiday-photos.txt")} WHERE "Id" = {id}""");
        }),
        new("document deleted", "EvidenceMissing", async (db, n) =>
            await db.ExecAsync($"""DELETE FROM "EvidenceFiles" WHERE "Id" = {(await EvidenceAsync(db, n)).Id}""")),

        // Determinations.
        new("determination sanctions rewritten", "DeterminationContent", async (db, n) =>
        {
            // A determination with sanctions: emptying the sanctions of one that had none would change nothing.
            var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "Determinations" WHERE "Sanctions" <> '[]' ORDER BY "RecordedAt", "Id" """);
            var id = n == 0 ? db.Facts.Determination : ids[n % ids.Count];
            await db.ExecAsync($"""UPDATE "Determinations" SET "Sanctions" = '[]' WHERE "Id" = {id}""");
        }),
        new("determination action details rewritten with the content key", "DeterminationContent", async (db, n) =>
        {
            var (id, caseId) = await DeterminationWithDetailsAsync(db, n);
            await db.ExecAsync($"""UPDATE "Determinations" SET "SanctionDetails" = {await db.SealAsync(caseId, $"determination:{id:N}:sanctions", "[null,\"to the head office\"]")} WHERE "Id" = {id}""");
        }),
        new("determination action details removed", "DeterminationContent", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Determinations" SET "SanctionDetails" = NULL WHERE "Id" = {(await DeterminationWithDetailsAsync(db, n)).Id}""")),
        new("determination action details written in clear", "DeterminationContent", async (db, n) =>
        {
            var id = (await DeterminationWithDetailsAsync(db, n)).Id;
            await db.ExecAsync($"""UPDATE "Determinations" SET "Sanctions" = REPLACE("Sanctions", '[sealed]', 'to the head office') WHERE "Id" = {id}""");
        }),
        new("determination violation finding flipped", "DeterminationContent", async (db, n) =>
            await db.ExecAsync($"""UPDATE "Determinations" SET "ViolationFound" = NOT "ViolationFound" WHERE "Id" = {await DeterminationAsync(db, n)}""")),
        new("determination rationale rewritten with the content key", "DeterminationContent", async (db, n) =>
        {
            var id = await DeterminationAsync(db, n);
            var caseId = await db.ScalarAsync<Guid>($"""SELECT "CaseId" FROM "Determinations" WHERE "Id" = {id}""");
            await db.ExecAsync($"""UPDATE "Determinations" SET "Rationale" = {await db.SealAsync(caseId, $"determination:{id:N}:rationale", "No reasons were given.")} WHERE "Id" = {id}""");
        }),
        new("determination deleted", "DeterminationMissing", async (db, n) =>
            await db.ExecAsync($"""DELETE FROM "Determinations" WHERE "Id" = {await DeterminationAsync(db, n)}""")),

        // Prior advice.
        new("prior advice date moved", "AdviceContent", async (db, _) =>
            await db.ExecAsync($"""UPDATE "PriorAdvice" SET "GivenOn" = {new DateOnly(2020, 1, 1)} WHERE "Id" = {db.Facts.Advice}""")),
        new("prior advice given to someone else", "AdviceContent", async (db, _) =>
            await db.ExecAsync($"""UPDATE "PriorAdvice" SET "PersonId" = (SELECT "Id" FROM "People" WHERE "Email" = {Infrastructure.Cast.Controller}) WHERE "Id" = {db.Facts.Advice}""")),
        new("prior advice summary rewritten with the content key", "AdviceContent", async (db, _) =>
            await db.ExecAsync($"""UPDATE "PriorAdvice" SET "Summary" = {await db.SealAsync(db.Facts.Advice, "advice.summary", "No advice was given.")} WHERE "Id" = {db.Facts.Advice}""")),
        new("prior advice deleted", "AdviceMissing", async (db, _) =>
            await db.ExecAsync($"""DELETE FROM "PriorAdvice" WHERE "Id" = {db.Facts.Advice}""")),

        // The directory.
        new("person's roles changed", "PersonState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "People" SET "Roles" = {db.Raw("'[\"Administrator\",\"AuditCommittee\"]'", "ARRAY['Administrator','AuditCommittee']")} WHERE "Email" = {Person(n)}""")),
        new("person bound to another Entra ID account", "PersonState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "People" SET "TenantId" = {Guid.NewGuid()}, "ObjectId" = {Guid.NewGuid()} WHERE "Email" = {Person(n)}""")),
        new("deactivated person reactivated", "PersonState", async (db, _) =>
            await db.ExecAsync($"""UPDATE "People" SET "DeactivatedAt" = NULL WHERE "Email" = {Infrastructure.Cast.AuditMember}""")),
        new("person deactivated by hand", "PersonState", async (db, n) =>
            await db.ExecAsync($"""UPDATE "People" SET "DeactivatedAt" = {new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc)} WHERE "Email" = {Person(n)}""")),

        // The record itself.
        new("event data edited", "EventMac", async (db, n) =>
            await db.ExecAsync($"""UPDATE "AuditEvents" SET "Data" = {"{}"} WHERE "Seq" = {await EventSeqAsync(db, n)}""")),
        new("event reason swapped with another event's", "SealedContent", async (db, n) =>
        {
            var seqs = await db.ColumnAsync<long>($"""SELECT "Seq" FROM "AuditEvents" WHERE "Reason" IS NOT NULL ORDER BY "Seq" """);
            var (a, b) = (seqs[n % seqs.Count], seqs[(n + 1) % seqs.Count]);
            var reason = await db.ScalarAsync<byte[]>($"""SELECT "Reason" FROM "AuditEvents" WHERE "Seq" = {b}""");
            await db.ExecAsync($"""UPDATE "AuditEvents" SET "Reason" = {reason} WHERE "Seq" = {a}""");
        }),
        new("event deleted from the middle", "SequenceGap", async (db, n) =>
            await db.ExecAsync($"""DELETE FROM "AuditEvents" WHERE "Seq" = {await EventSeqAsync(db, n)}""")),
        new("two events' sequence numbers swapped", "EventMac", async (db, n) =>
        {
            var a = await EventSeqAsync(db, n);
            await db.ExecAsync($"""UPDATE "AuditEvents" SET "Seq" = -1 WHERE "Seq" = {a}""");
            await db.ExecAsync($"""UPDATE "AuditEvents" SET "Seq" = {a} WHERE "Seq" = {a + 1}""");
            await db.ExecAsync($"""UPDATE "AuditEvents" SET "Seq" = {a + 1} WHERE "Seq" = -1""");
        }),
        new("forged event appended", "EventMac", async (db, n) =>
        {
            var last = await db.ScalarAsync<long>($"""SELECT MAX("Seq") FROM "AuditEvents" """);
            var caseId = await CaseAsync(db, n);
            var previous = await db.ScalarAsync<string>($"""SELECT "LastAuditHash" FROM "Cases" WHERE "Id" = {caseId}""");
            var forged = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
            await db.ExecAsync($"""
                INSERT INTO "AuditEvents" ("Seq", "CaseId", "PreviousHash", "At", "ActorId", "Actor", "Action", "From", "To", "Data", "KeyId", "Hash")
                SELECT {last + 1}, {caseId}, {previous}, "At", "ActorId", "Actor", 'Reopen', 'Closed', 'AuditCommitteeReview', NULL, "KeyId", {forged}
                FROM "AuditEvents" WHERE "Seq" = {last}
                """);
            await db.ExecAsync($"""UPDATE "Cases" SET "LastAuditHash" = {forged} WHERE "Id" = {caseId}""");
            await db.ExecAsync($"""UPDATE "AuditHeads" SET "Seq" = {last + 1}, "LastHash" = {forged}""");
        }),
        new("event rewritten and the chain recomputed without a key", "EventMac", async (db, n) =>
            await RewriteAndRecomputeAsync(db, await EventSeqAsync(db, n), key: null)),
        new("event rewritten and the chain recomputed with a wrong key", "EventMac", async (db, n) =>
            await RewriteAndRecomputeAsync(db, await EventSeqAsync(db, n), key: RandomNumberGenerator.GetBytes(32))),
        new("case's newest event deleted and its head reset", "Head", async (db, _) => await TruncateAsync(db, 1 + 0)),
        new("newest directory event deleted and the directory head reset", "SequenceGap", async (db, _) =>
        {
            var row = (await db.QueryAsync($"""SELECT "Seq", "PreviousHash" FROM "AuditEvents" WHERE "CaseId" IS NULL ORDER BY "Seq" DESC LIMIT 1""")).Single();
            await db.ExecAsync($"""DELETE FROM "AuditEvents" WHERE "Seq" = {RecordCopy.As<long>(row[0])}""");
            await db.ExecAsync($"""UPDATE "AuditHeads" SET "DirectoryHead" = {(string)row[1]!}""");
        }),
        new("record truncated by two events and the head reset", "Head", async (db, _) => await TruncateAsync(db, 2)),
        new("head row's sequence number reset", "Head", async (db, _) =>
            await db.ExecAsync($"""UPDATE "AuditHeads" SET "Seq" = "Seq" - 1""")),
        new("head row deleted", "Head", async (db, _) =>
            await db.ExecAsync($"""DELETE FROM "AuditHeads" """)),
    ];

    // Demo cases are numbered by reference; the n-th target cycles through them, the hand-made ones first.
    private static async Task<Guid> CaseAsync(RecordCopy db, int n)
    {
        if (n == 0)
        {
            return db.Facts.BoardCase;
        }

        if (n == 1)
        {
            return db.Facts.AnonymousCase;
        }

        var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "Cases" ORDER BY "Reference" """);
        return ids[(n * 7) % ids.Count];
    }

    private static async Task<(Guid Id, Guid CaseId)> MessageAsync(RecordCopy db, int n, string which)
    {
        var rows = which == "notes"
            ? await db.QueryAsync($"""SELECT "Id", "CaseId" FROM "CaseMessages" WHERE "SharedWithReporter" = {false} AND "FromReporter" = {false} ORDER BY "At", "Id" """)
            : await db.QueryAsync($"""SELECT "Id", "CaseId" FROM "CaseMessages" ORDER BY "At", "Id" """);
        var row = rows[(((rows.Count - 1 - n) % rows.Count) + rows.Count) % rows.Count];
        return (RecordCopy.As<Guid>(row[0]), RecordCopy.As<Guid>(row[1]));
    }

    private static async Task<(Guid Id, Guid CaseId)> EvidenceAsync(RecordCopy db, int n)
    {
        var rows = await db.QueryAsync($"""SELECT "Id", "CaseId" FROM "EvidenceFiles" ORDER BY "UploadedAt", "Id" """);
        var row = n < db.Facts.Evidence.Count ? rows.Single(r => RecordCopy.As<Guid>(r[0]) == db.Facts.Evidence[n]) : rows[n % rows.Count];
        return (RecordCopy.As<Guid>(row[0]), RecordCopy.As<Guid>(row[1]));
    }

    private static async Task<Guid> DeterminationAsync(RecordCopy db, int n)
    {
        if (n == 0)
        {
            return db.Facts.Determination;
        }

        var ids = await db.ColumnAsync<Guid>($"""SELECT "Id" FROM "Determinations" ORDER BY "RecordedAt", "Id" """);
        return ids[n % ids.Count];
    }

    // Determinations whose actions have details (sealed apart): the board case's, then the demo's re-assignments.
    private static async Task<(Guid Id, Guid CaseId)> DeterminationWithDetailsAsync(RecordCopy db, int n)
    {
        var rows = await db.QueryAsync($"""SELECT "Id", "CaseId" FROM "Determinations" WHERE "SanctionDetails" IS NOT NULL ORDER BY "RecordedAt", "Id" """);
        var row = n == 0 ? rows.Single(r => RecordCopy.As<Guid>(r[0]) == db.Facts.Determination) : rows[n % rows.Count];
        return (RecordCopy.As<Guid>(row[0]), RecordCopy.As<Guid>(row[1]));
    }

    private static string Person(int n) =>
        new[] { Infrastructure.Cast.Controller, Infrastructure.Cast.Director, Infrastructure.Cast.GeneralCounsel, Infrastructure.Cast.Cfo }[n % 4];

    // Events of all kinds, spread over the record (never the newest: that one is the truncation kinds' job).
    private static async Task<long> EventSeqAsync(RecordCopy db, int n)
    {
        var last = await db.ScalarAsync<long>($"""SELECT MAX("Seq") FROM "AuditEvents" """);
        return 1 + ((n * 37 + 5) % (last - 2));
    }

    private static async Task DeleteCaseAsync(RecordCopy db, Guid id, bool withEvents)
    {
        foreach (var table in new[] { "CaseSubjects", "CaseMessages", "EvidenceFiles", "Determinations", "AnonymousCredentials" })
        {
            await db.ExecAsync($"""DELETE FROM {new RawSql($"\"{table}\"")} WHERE "CaseId" = {id}""", foreignKeys: false);
        }

        if (withEvents)
        {
            await db.ExecAsync($"""DELETE FROM "AuditEvents" WHERE "CaseId" = {id}""");
        }

        await db.ExecAsync($"""DELETE FROM "Cases" WHERE "Id" = {id}""", foreignKeys: false);
    }

    // Removes the newest events (all of one case: the seed ends with a case's events) and resets every head to what it was
    // before them, forging the head's MAC with a key of the attacker's own.
    public static async Task TruncateAsync(RecordCopy db, int events)
    {
        var last = await db.ScalarAsync<long>($"""SELECT MAX("Seq") FROM "AuditEvents" """);
        for (var i = 0; i < events; i++)
        {
            var row = (await db.QueryAsync($"""SELECT "CaseId", "PreviousHash" FROM "AuditEvents" WHERE "Seq" = {last - i}""")).Single();
            await db.ExecAsync($"""DELETE FROM "AuditEvents" WHERE "Seq" = {last - i}""");
            if (row[0] is not null)
            {
                await db.ExecAsync($"""UPDATE "Cases" SET "LastAuditHash" = {(string)row[1]!} WHERE "Id" = {RecordCopy.As<Guid>(row[0])}""");
            }
        }

        var head = (await db.QueryAsync($"""SELECT "Seq", "Hash" FROM "AuditEvents" WHERE "Seq" = {last - events}""")).Single();
        var directory = await db.ScalarAsync<string>($"""SELECT "Hash" FROM "AuditEvents" WHERE "CaseId" IS NULL ORDER BY "Seq" DESC LIMIT 1""");
        var keyId = await db.ScalarAsync<string>($"""SELECT "KeyId" FROM "AuditHeads" """);
        var forged = new EthicsCases.Data.AuditHead { Seq = RecordCopy.As<long>(head[0]), LastHash = (string)head[1]!, DirectoryHead = directory, KeyId = keyId };
        forged.Mac = forged.ComputeMac(RandomNumberGenerator.GetBytes(32));
        await db.ExecAsync($"""UPDATE "AuditHeads" SET "Seq" = {forged.Seq}, "LastHash" = {forged.LastHash}, "DirectoryHead" = {forged.DirectoryHead}, "Mac" = {forged.Mac}""");
    }

    /// <summary>
    /// Rewrites the event at <paramref name="seq"/> (its data) and recomputes it and every later event: each gets its chain's
    /// new predecessor and a new hash (plain SHA-256 of the canonical encoding, or an HMAC under <paramref name="key"/>), the
    /// cases' and the record's heads follow. What an insider without the audit key can do at best.
    /// </summary>
    public static async Task RewriteAndRecomputeAsync(RecordCopy db, long seq, byte[]? key)
    {
        var rows = await db.QueryAsync($"""
            SELECT "Seq", "CaseId", "PreviousHash", "At", "ActorId", "Actor", "Channel", "OsUser", "Action", "From", "To", "ReasonSha256", "Data", "KeyId", "Hash"
            FROM "AuditEvents" ORDER BY "Seq"
            """);
        var heads = new Dictionary<Guid, string>();
        var directory = "";
        var lastHash = "";
        foreach (var r in rows)
        {
            var s = RecordCopy.As<long>(r[0]);
            Guid? caseId = r[1] is null ? null : RecordCopy.As<Guid>(r[1]);
            var hash = (string)r[14]!;
            if (s >= seq)
            {
                var previous = caseId is { } c ? heads.GetValueOrDefault(c, (string)r[2]!) : directory;
                var data = s == seq ? "{}" : (string?)r[12];
                var at = r[3] is DateTime d ? d : DateTime.Parse((string)r[3]!, System.Globalization.CultureInfo.InvariantCulture);
                Guid? actorId = r[4] is null ? null : RecordCopy.As<Guid>(r[4]);
                var w = new CanonicalWriter(new byte[1024]);
                AuditEvent.Write(ref w, s, caseId, previous, DateTime.SpecifyKind(at, DateTimeKind.Utc).Ticks, actorId, (string)r[5]!, (string?)r[6], (string?)r[7],
                    (string)r[8]!, (string?)r[9], (string?)r[10], (string?)r[11], data, (string?)r[13]);
                hash = Convert.ToHexStringLower(key is null ? SHA256.HashData(w.Written) : HMACSHA256.HashData(key, w.Written));
                w.Dispose();
                await db.ExecAsync($"""UPDATE "AuditEvents" SET "PreviousHash" = {previous}, "Data" = {data}, "Hash" = {hash} WHERE "Seq" = {s}""");
            }

            if (caseId is { } id)
            {
                heads[id] = hash;
            }
            else
            {
                directory = hash;
            }

            lastHash = hash;
        }

        foreach (var (id, hash) in heads)
        {
            await db.ExecAsync($"""UPDATE "Cases" SET "LastAuditHash" = {hash} WHERE "Id" = {id}""");
        }

        var keyId = await db.ScalarAsync<string>($"""SELECT "KeyId" FROM "AuditHeads" """);
        var head = new EthicsCases.Data.AuditHead { Seq = RecordCopy.As<long>(rows[^1][0]), LastHash = lastHash, DirectoryHead = directory, KeyId = keyId };
        head.Mac = head.ComputeMac(key ?? SHA256.HashData(Encoding.UTF8.GetBytes("no key")));
        await db.ExecAsync($"""UPDATE "AuditHeads" SET "LastHash" = {head.LastHash}, "DirectoryHead" = {head.DirectoryHead}, "Mac" = {head.Mac}""");
    }
}
