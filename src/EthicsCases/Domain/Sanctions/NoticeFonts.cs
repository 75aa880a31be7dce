using PdfSharp.Fonts;

namespace EthicsCases.Domain.Sanctions;

/// <summary>
/// Gives PDFsharp a TrueType font found on the machine. PDFsharp's cross-platform build brings no fonts, and on
/// Linux it cannot find any by itself, so notices would fail without this. Debian and Ubuntu ship DejaVu Sans in
/// <c>fonts-dejavu-core</c>; Liberation Sans and Arial are accepted where DejaVu is absent.
/// </summary>
public sealed class NoticeFontResolver : IFontResolver
{
    /// <summary>The family name notices ask for; it resolves to whichever font was found.</summary>
    public const string Family = "EthicsCases Notice";

    private const string RegularFace = "EthicsCasesNotice#Regular";
    private const string BoldFace = "EthicsCasesNotice#Bold";

    private static readonly string[] Directories =
    [
        "/usr/share/fonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts",
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".fonts"),
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "fonts"),
        Environment.GetFolderPath(Environment.SpecialFolder.Fonts),
    ];

    // Preferred first; each pair is (regular, bold) file names.
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
        ("Arial.ttf", "Arial Bold.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static NoticeFontResolver? _installed;

    private readonly byte[] _regular;
    private readonly byte[] _bold;

    private NoticeFontResolver(string regularPath, string boldPath)
    {
        RegularPath = regularPath;
        BoldPath = boldPath;
        _regular = File.ReadAllBytes(regularPath);
        _bold = File.ReadAllBytes(boldPath);
    }

    /// <summary>The regular face's file.</summary>
    public string RegularPath { get; }

    /// <summary>The bold face's file.</summary>
    public string BoldPath { get; }

    /// <summary>
    /// Finds a font and installs this resolver as PDFsharp's (once per process; PDFsharp wants the same instance
    /// every time).
    /// </summary>
    /// <exception cref="InvalidOperationException">No usable font on the machine; the message says what to install.</exception>
    public static NoticeFontResolver EnsureInstalled()
    {
        lock (Gate)
        {
            if (_installed is not null)
            {
                return _installed;
            }

            var found = Find() ?? throw new InvalidOperationException(
                "Cannot produce the written notice PDF: no TrueType font was found. Looked for " +
                string.Join(", ", Candidates.Select(c => c.Regular)) + " under " + string.Join(", ", Directories.Where(d => d.Length > 0)) +
                ". On Debian or Ubuntu install one with: apt-get install -y fonts-dejavu-core");

            var resolver = new NoticeFontResolver(found.Regular, found.Bold);
            if (GlobalFontSettings.FontResolver is not null)
            {
                throw new InvalidOperationException(
                    $"Another PDFsharp font resolver ({GlobalFontSettings.FontResolver.GetType().Name}) is already installed; notices need {nameof(NoticeFontResolver)}.");
            }

            GlobalFontSettings.FontResolver = resolver;
            _installed = resolver;
            return resolver;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        string.Equals(familyName, Family, StringComparison.Ordinal)
            ? new FontResolverInfo(bold ? BoldFace : RegularFace)
            : null;

    public byte[]? GetFont(string faceName) => faceName switch
    {
        RegularFace => _regular,
        BoldFace => _bold,
        _ => null,
    };

    private static (string Regular, string Bold)? Find()
    {
        foreach (var (regular, bold) in Candidates)
        {
            foreach (var directory in Directories.Where(d => d.Length > 0 && Directory.Exists(d)))
            {
                var regularPath = FindFile(directory, regular);
                var boldPath = regularPath is null ? null : FindFile(Path.GetDirectoryName(regularPath)!, bold) ?? FindFile(directory, bold);
                if (regularPath is not null && boldPath is not null)
                {
                    return (regularPath, boldPath);
                }
            }
        }

        return null;
    }

    private static string? FindFile(string directory, string fileName)
    {
        try
        {
            return Directory.EnumerateFiles(directory, fileName, new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = true,
                MatchCasing = MatchCasing.CaseSensitive,
            }).FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
