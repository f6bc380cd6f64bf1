using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace MediaMatrix.Access;

/// <summary>
/// Bearer tokens for automation (reliability A6): the token is shown once when issued; only its SHA-256 is kept, so a
/// leaked store or config leaks no token. A revoked token fails on the very next request. Tokens issued at run time
/// live in this process; lasting ones go in config (<c>Auth:Tokens</c>) by hash.
/// </summary>
internal sealed class ApiTokens
{
    private readonly ConcurrentDictionary<string, ApiToken> _byHash = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ApiTokens(AuthOptions options, TimeProvider time)
    {
        _time = time;
        foreach (var configured in options.Tokens)
        {
            var hash = configured.Sha256.ToLowerInvariant();
            _byHash[hash] = new ApiToken(hash[..12], configured.Name, configured.User, hash, null);
        }
    }

    /// <summary>A label for a list of tokens, not a document: it is listed on every GET and written to the log.</summary>
    public const int MaxNameLength = 100;

    public IReadOnlyList<ApiToken> All => [.. _byHash.Values.OrderBy(t => t.Id, StringComparer.Ordinal)];

    /// <summary>Returns the token text, which is never seen again.</summary>
    public (ApiToken Token, string Secret) Issue(string user, string name)
    {
        var secret = "mmt_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var hash = Sha256(secret);
        var token = new ApiToken(hash[..12], name, user, hash, _time.GetUtcNow());
        _byHash[hash] = token;
        return (token, secret);
    }

    public bool Revoke(string id)
    {
        var match = _byHash.Values.FirstOrDefault(t => t.Id == id);
        return match is not null && _byHash.TryRemove(match.Hash, out _);
    }

    public ApiToken? Find(string secret) => _byHash.GetValueOrDefault(Sha256(secret));

    /// <summary>Empty is allowed (the token is then known by its id); otherwise printable text, at most <see cref="MaxNameLength"/>.</summary>
    public static string? NameProblem(string name) =>
        name.Length > MaxNameLength ? $"at most {MaxNameLength} characters ({name.Length} given)"
        : name.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            ? "printable characters only (no control, line-break or invisible format characters)"
        : null;

    public static string Sha256(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret))).ToLowerInvariant();
}

/// <summary>A token as kept: its id (the first characters of its hash), label, owner and hash.</summary>
internal sealed record ApiToken(string Id, string Name, string User, string Hash, DateTimeOffset? CreatedAt);
