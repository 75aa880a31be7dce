using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Security.Keys;

/// <summary>
/// Named 256-bit keys with one current key: the audit MAC keys (<c>Audit</c>) and the key-encryption keys that wrap the
/// per-case data keys (<c>Encryption</c>). Keys live outside the database: in configuration (an environment variable, or
/// Azure Key Vault through its configuration provider: secret <c>Audit--Key</c> is <c>Audit:Key</c>), in a key file, or,
/// in Development only, in a 0600 file created in the data folder on first use. Retired keys stay in the ring so that
/// what they sealed can still be verified or unwrapped.
/// </summary>
public sealed class KeyRing
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private readonly Dictionary<string, byte[]> _keys;

    private KeyRing(string name, string currentId, Dictionary<string, byte[]> keys, string? file)
    {
        Name = name;
        CurrentId = currentId;
        _keys = keys;
        File = file;
    }

    /// <summary>The configuration section the ring comes from (<c>Audit</c>, <c>Encryption</c>).</summary>
    public string Name { get; }

    /// <summary>The id of the key that seals from now on.</summary>
    public string CurrentId { get; private set; }

    /// <summary>The key file when the ring came from one (rotation writes it); null when it came from configuration.</summary>
    public string? File { get; }

    /// <summary>The key that seals from now on.</summary>
    public ReadOnlySpan<byte> Current => _keys[CurrentId];

    /// <summary>Every key id the ring holds.</summary>
    public IReadOnlyCollection<string> Ids => _keys.Keys;

    /// <summary>A key by id, or null when the ring does not hold it.</summary>
    public byte[]? Find(string id) => _keys.GetValueOrDefault(id);

    /// <summary>
    /// Loads the ring of <paramref name="section"/>: <c>{section}:Key</c> (base64, with <c>{section}:KeyId</c> or an id
    /// derived from the key) plus <c>{section}:RetiredKeys</c>; else <c>{section}:KeyFile</c>; else the file
    /// <c>keys/{file name}</c> in the data folder, created when <paramref name="createMissing"/>.
    /// </summary>
    public static KeyRing Load(IConfiguration configuration, string section, string dataDirectory, bool createMissing)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var inline = configuration[$"{section}:Key"];
        if (!string.IsNullOrWhiteSpace(inline))
        {
            var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            var current = Decode(inline, $"{section}:Key");
            var currentId = configuration[$"{section}:KeyId"] is { Length: > 0 } id ? id : IdOf(current);
            keys[currentId] = current;
            foreach (var retired in configuration.GetSection($"{section}:RetiredKeys").GetChildren())
            {
                var key = Decode(retired.Value ?? "", $"{section}:RetiredKeys:{retired.Key}");

                // A retired key named by its id (RetiredKeys:<id>) keeps the id it was used under (its KeyId when it was
                // current); a listed one (RetiredKeys:0) is found by the id derived from it.
                if (!int.TryParse(retired.Key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    keys.TryAdd(retired.Key, key);
                }

                keys.TryAdd(IdOf(key), key);
            }

            return new KeyRing(section, currentId, keys, null);
        }

        var path = configuration[$"{section}:KeyFile"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(dataDirectory, "keys", $"{section.ToLowerInvariant()}-keys.json");
            if (!System.IO.File.Exists(path))
            {
                if (!createMissing)
                {
                    throw new InvalidOperationException(
                        $"{section}:Key is not configured and there is no key file at {path}. Configure {section}:Key (an environment " +
                        $"variable {section}__Key, or Azure Key Vault secret {section}--Key) or {section}:KeyFile; see docs/adr/ADR-011-evidence-grade-record.md.");
                }

                Create(path);
            }
        }

        return Read(section, path);
    }

    /// <summary>A ring holding one fresh key; for tests and for new key files.</summary>
    public static KeyRing Generate(string section) =>
        new(section, "k1", new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["k1"] = RandomNumberGenerator.GetBytes(32) }, null);

    /// <summary>
    /// Adds a fresh key and makes it current; when the ring came from a key file, the file is rewritten (atomically,
    /// 0600). A ring from configuration cannot rotate itself: the operator puts the new key in configuration and the old
    /// one under <c>RetiredKeys</c>.
    /// </summary>
    public string Rotate()
    {
        if (File is null)
        {
            throw new InvalidOperationException(
                $"The {Name} keys come from configuration: put a new key in {Name}:Key and the old one in {Name}:RetiredKeys, then run the command again.");
        }

        var id = $"k{_keys.Count + 1}";
        while (_keys.ContainsKey(id))
        {
            id += "x";
        }

        _keys[id] = RandomNumberGenerator.GetBytes(32);
        CurrentId = id;
        Write(File, new KeyFile { Current = id, Keys = _keys.ToDictionary(k => k.Key, k => Convert.ToBase64String(k.Value)) });
        return id;
    }

    /// <summary>An id for a key given without one: not secret, stable, short.</summary>
    public static string IdOf(ReadOnlySpan<byte> key) => Convert.ToHexStringLower(SHA256.HashData(key))[..8];

    private static KeyRing Read(string section, string path)
    {
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(System.IO.File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The {section} key file {path} is not valid: {e.Message}", e);
        }

        if (file?.Keys is not { Count: > 0 } || file.Current is null || !file.Keys.ContainsKey(file.Current))
        {
            throw new InvalidOperationException($"The {section} key file {path} names no current key.");
        }

        var keys = file.Keys.ToDictionary(k => k.Key, k => Decode(k.Value, $"{path}: {k.Key}"), StringComparer.Ordinal);
        return new KeyRing(section, file.Current, keys, path);
    }

    private static void Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                System.IO.File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            Write(path, new KeyFile { Current = "k1", Keys = new() { ["k1"] = Convert.ToBase64String(key) } }, createNew: true);
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            // Another process created it first; theirs is the key.
        }
    }

    private static void Write(string path, KeyFile file, bool createNew = false)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(file, Indented);
        var target = createNew ? path : path + ".tmp";
        var options = new FileStreamOptions { Mode = createNew ? FileMode.CreateNew : FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(target, options))
        {
            stream.Write(json);
            stream.Flush(flushToDisk: true);
        }

        if (!createNew)
        {
            System.IO.File.Move(target, path, overwrite: true);
        }
    }

    private static byte[] Decode(string base64, string what)
    {
        try
        {
            var key = Convert.FromBase64String(base64.Trim());
            return key.Length == 32 ? key : throw new InvalidOperationException($"{what} must be 32 bytes (base64), not {key.Length}.");
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{what} is not base64.");
        }
    }

    private sealed class KeyFile
    {
        [JsonPropertyName("current")]
        public string? Current { get; set; }

        [JsonPropertyName("keys")]
        public Dictionary<string, string> Keys { get; set; } = [];
    }
}
