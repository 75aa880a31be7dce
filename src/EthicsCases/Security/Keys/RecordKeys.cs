using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace EthicsCases.Security.Keys;

/// <summary>
/// Where the record's keys come from: the audit MAC keys (<c>Audit</c>), the key-encryption keys (<c>Encryption</c>) and
/// the checkpoint signing key (<c>Audit:CheckpointKeyFile</c>). Loaded on first use, so a command that touches neither
/// the record nor content (<c>ethics form4 check</c>) never needs them.
/// </summary>
public sealed class RecordKeys
{
    private readonly Lazy<KeyRing> _audit;
    private readonly Lazy<KeyRing> _encryption;
    private readonly Lazy<ContentCrypto> _crypto;
    private readonly IConfiguration _configuration;
    private readonly string _dataDirectory;
    private readonly bool _createMissing;

    /// <summary>Reads the key sources from configuration; <paramref name="createMissing"/> is Development's "create on first run".</summary>
    public RecordKeys(IConfiguration configuration, string dataDirectory, bool createMissing)
    {
        _configuration = configuration;
        _dataDirectory = dataDirectory;
        _createMissing = createMissing;
        _audit = new(() => KeyRing.Load(configuration, "Audit", dataDirectory, createMissing));
        _encryption = new(() => KeyRing.Load(configuration, "Encryption", dataDirectory, createMissing));
        _crypto = new(() => new ContentCrypto(_encryption.Value));
    }

    /// <summary>Keys from given rings (tests, tools).</summary>
    public RecordKeys(KeyRing audit, KeyRing encryption)
    {
        _configuration = new ConfigurationBuilder().Build();
        _dataDirectory = Path.GetTempPath();
        _audit = new(audit);
        _encryption = new(encryption);
        _crypto = new(() => new ContentCrypto(encryption));
    }

    /// <summary>The audit MAC keys.</summary>
    public KeyRing Audit => _audit.Value;

    /// <summary>The key-encryption keys and the envelope encryption built on them.</summary>
    public ContentCrypto Content => _crypto.Value;

    /// <summary>
    /// The checkpoint signing key (ECDSA P-256, PEM): <c>Audit:CheckpointKeyFile</c>, else <c>keys/checkpoint-signing.pem</c>
    /// in the data folder, created in Development.
    /// </summary>
    public ECDsa CheckpointSigningKey()
    {
        var path = _configuration["Audit:CheckpointKeyFile"];
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(_dataDirectory, "keys", "checkpoint-signing.pem");
            if (!File.Exists(path))
            {
                if (!_createMissing)
                {
                    throw new InvalidOperationException(
                        $"Audit:CheckpointKeyFile is not configured and there is no key at {path}: checkpoints are signed with a private key kept outside the database.");
                }

                using var created = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                try
                {
                    using var writer = new StreamWriter(new FileStream(path, options));
                    writer.Write(created.ExportPkcs8PrivateKeyPem());
                }
                catch (IOException) when (File.Exists(path))
                {
                    // Created by another process first.
                }
            }
        }

        var key = ECDsa.Create();
        key.ImportFromPem(File.ReadAllText(path));
        return key;
    }
}
