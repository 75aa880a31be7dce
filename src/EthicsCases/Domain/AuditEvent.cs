using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EthicsCases.Domain;

/// <summary>
/// One entry of the evidence-grade record. Every event has a place in one global, gap-free sequence and in the chain
/// of its case (or of the directory), and is authenticated with HMAC-SHA256 under an audit key held outside the
/// database (docs/adr/ADR-011-evidence-grade-record.md). The event commits to hashes of the content it concerns, never
/// to the content itself, so that content can be purged or redacted and the record still verifies.
/// The place in the sequence, the link and the MAC are given when the event is saved (<c>AuditLedger</c>).
/// </summary>
public sealed class AuditEvent : ISealedContent
{
    private static long _pending;

    private AuditEvent()
    {
    }

    internal AuditEvent(Guid? caseId, DateTime at, Guid? actorId, string actor, string action,
        string? from, string? to, string? reason, string? data)
    {
        CaseId = caseId;
        At = Truncate(at);
        ActorId = actorId;
        Actor = actor;
        Action = action;
        From = from;
        To = to;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason;
        ReasonSha256 = Reason is null ? null : ContentHash.Of(Reason);
        Data = data;
        PendingOrder = Interlocked.Increment(ref _pending);
    }

    /// <summary>Row identity in the table; the order of the record is <see cref="Seq"/>.</summary>
    public long Id { get; private set; }

    /// <summary>Place in the one global, gap-free sequence of every event (1, 2, 3...): a deletion shows as a gap.</summary>
    public long Seq { get; private set; }

    /// <summary>The case the event belongs to; null for directory events.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>When it happened (UTC, microsecond precision so that every provider round-trips it exactly).</summary>
    public DateTime At { get; private set; }

    /// <summary>The directory person who acted, when there is one.</summary>
    public Guid? ActorId { get; private set; }

    /// <summary>Who acted: an e-mail address, "anonymous reporter" or "system".</summary>
    public string Actor { get; private set; } = "";

    /// <summary>Through what the person acted: <c>web</c>, <c>api</c>, <c>cli</c>, or null for the system.</summary>
    public string? Channel { get; private set; }

    /// <summary>The operating-system account that ran the command line.</summary>
    public string? OsUser { get; private set; }

    /// <summary>A trigger name, or an action such as <c>Filed</c> or <c>PersonAdded</c>.</summary>
    public string Action { get; private set; } = "";

    /// <summary>State before, for transitions.</summary>
    public string? From { get; private set; }

    /// <summary>State after, for transitions.</summary>
    public string? To { get; private set; }

    /// <summary>The reason given, when loaded and opened; stored sealed (<see cref="SealedReason"/>).</summary>
    public string? Reason { get; private set; }

    /// <summary>The reason, encrypted with its owner's data key; null once purged.</summary>
    public byte[]? SealedReason { get; internal set; }

    /// <summary>SHA-256 of the reason, which the MAC covers: what remains of the reason after a purge.</summary>
    public string? ReasonSha256 { get; private set; }

    /// <summary>Structured detail as JSON: ids, states, hashes of content; never narrative text.</summary>
    public string? Data { get; private set; }

    /// <summary>Id of the audit key the MAC was made with; null for an event from before keyed sealing.</summary>
    public string? KeyId { get; private set; }

    /// <summary>MAC of the previous event of the same chain (the case, or the directory): "" for the first.</summary>
    public string PreviousHash { get; private set; } = "";

    /// <summary>HMAC-SHA256 over the canonical encoding of this event (hex).</summary>
    public string Hash { get; private set; } = "";

    /// <summary>The order events were created in, before they have a <see cref="Seq"/>.</summary>
    internal long PendingOrder { get; }

    internal void Place(long seq, string previousHash, string? channel, string? osUser)
    {
        Seq = seq;
        PreviousHash = previousHash;
        Channel = channel;
        OsUser = osUser;
    }

    internal void Authenticate(string keyId, ReadOnlySpan<byte> key)
    {
        KeyId = keyId;
        Hash = Mac(key);
    }

    Guid ISealedContent.ContentOwner => CaseId ?? ContentOwners.Directory;

    bool ISealedContent.NeedsSealing => Reason is not null && SealedReason is null && Id == 0;

    void ISealedContent.Seal(IContentSealer sealer)
    {
        if (((ISealedContent)this).NeedsSealing)
        {
            SealedReason = sealer.Seal("event.reason", Reason);
        }
    }

    void ISealedContent.MarkUnsealed()
    {
        // An event's reason is resealed with the event itself (AdoptLegacyReason).
    }

    void ISealedContent.Open(IContentSealer sealer) => Reason ??= sealer.OpenText("event.reason", SealedReason);

    internal void PurgeReason()
    {
        SealedReason = null;
        Reason = null;
    }

    /// <summary>The MAC of this event under <paramref name="key"/>.</summary>
    public string Mac(ReadOnlySpan<byte> key)
    {
        var writer = new CanonicalWriter(stackalloc byte[1024]);
        try
        {
            Write(ref writer, Seq, CaseId, PreviousHash, At.Ticks, ActorId, Actor, Channel, OsUser, Action, From, To, ReasonSha256, Data, KeyId);
            Span<byte> mac = stackalloc byte[32];
            HMACSHA256.HashData(key, writer.Written, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>
    /// The canonical encoding: a version tag, then every field length-prefixed (4-byte big-endian length, or
    /// 0xFFFFFFFF for null), numbers as 8-byte big-endian, ids as their 16 bytes. No separator can be forged.
    /// </summary>
    internal static void Write(ref CanonicalWriter w, long seq, Guid? caseId, string previousHash, long atTicks, Guid? actorId, string actor,
        string? channel, string? osUser, string action, string? from, string? to, string? reasonSha256, string? data, string? keyId)
    {
        w.Text("ec-audit-v2");
        w.Int64(seq);
        w.Guid(caseId);
        w.Text(previousHash);
        w.Int64(atTicks);
        w.Guid(actorId);
        w.Text(actor);
        w.Text(channel);
        w.Text(osUser);
        w.Text(action);
        w.Text(from);
        w.Text(to);
        w.Text(reasonSha256);
        w.Text(data);
        w.Text(keyId);
    }

    /// <summary>The unkeyed SHA-256 chain hash of events sealed before this record became keyed (for <c>ethics audit reseal</c>).</summary>
    public static string LegacyHash(string previousHash, Guid? caseId, DateTime at, Guid? actorId, string actor, string action,
        string? from, string? to, string? reason, string? data)
    {
        var canonical = string.Join('\u001f',
            previousHash,
            caseId?.ToString("N") ?? "",
            at.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture),
            actorId?.ToString("N") ?? "",
            actor, action, from ?? "", to ?? "", reason ?? "", data ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Brings an event written before the record was keyed into the keyed record: its reason (stored in clear then) gets
    /// a hash and is sealed; the caller relinks and authenticates it.
    /// </summary>
    internal void AdoptLegacyReason(string? reason, Func<string, byte[]> seal)
    {
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason;
        ReasonSha256 = Reason is null ? null : ContentHash.Of(Reason);
        SealedReason = Reason is null ? null : seal(Reason);
    }

    internal void Relink(string previousHash) => PreviousHash = previousHash;

    private static DateTime Truncate(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Utc ? at : at.ToUniversalTime();
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }
}

/// <summary>SHA-256 of content, as events record it (hex, lower case).</summary>
public static class ContentHash
{
    /// <summary>Of text (UTF-8).</summary>
    public static string Of(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Of bytes.</summary>
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

/// <summary>Writes the canonical, length-prefixed encoding into a stack buffer, growing into a pooled one if needed.</summary>
internal ref struct CanonicalWriter
{
    private Span<byte> _buffer;
    private byte[]? _rented;
    private int _length;

    public CanonicalWriter(Span<byte> initial)
    {
        _buffer = initial;
        _rented = null;
        _length = 0;
    }

    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    public void Text(string? value)
    {
        if (value is null)
        {
            Int32(-1);
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        Int32(count);
        Ensure(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer[_length..]);
    }

    public void Raw(ReadOnlySpan<byte> utf8)
    {
        Int32(utf8.Length);
        Ensure(utf8.Length);
        utf8.CopyTo(_buffer[_length..]);
        _length += utf8.Length;
    }

    public void Int64(long value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer[_length..], value);
        _length += 8;
    }

    public void Guid(Guid? value)
    {
        if (value is not { } id)
        {
            Int32(-1);
            return;
        }

        Int32(16);
        Ensure(16);
        id.TryWriteBytes(_buffer[_length..], bigEndian: true, out _);
        _length += 16;
    }

    public void Dispose()
    {
        if (_rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Int32(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer[_length..], value);
        _length += 4;
    }

    private void Ensure(int more)
    {
        if (_length + more <= _buffer.Length)
        {
            return;
        }

        var bigger = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + more));
        _buffer[.._length].CopyTo(bigger);
        if (_rented is not null)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_rented);
        }

        _rented = bigger;
        _buffer = bigger;
    }
}
