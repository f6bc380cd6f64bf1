using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace MediaMatrix.Access;

/// <summary>The people who may log in, with salted password hashes, lockout after repeated failures and a security
/// stamp that changes whenever a password changes or a user is disabled, so other open sessions die (reliability A5).</summary>
internal sealed class UserDirectory
{
    // PasswordHasher's V3 format (PBKDF2, per-password salt) ignores the user object; a string stands in for it.
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DecoyHash = Hasher.HashPassword("decoy", "decoy-" + Guid.NewGuid());

    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;

    public UserDirectory(AuthOptions options, TimeProvider time, ILogger<UserDirectory> log)
    {
        _options = options;
        _time = time;
        for (var i = 0; i < options.Users.Count; i++)
        {
            var configured = options.Users[i];
            if (string.IsNullOrWhiteSpace(configured.Name) || !Roles.TryParse(configured.Role, out var role))
            {
                throw new Hosting.SettingsException($"Auth:Users:{i}: a user needs a name and a role (viewer, operator or admin)");
            }

            _users[configured.Name] = new User(configured.Name, role, configured.PasswordHash, configured.Disabled, NewStamp());
        }

        if (!_users.Values.Any(u => u.Role == Role.Admin && !u.Disabled))
        {
            if (!string.IsNullOrEmpty(options.AdminPassword))
            {
                _users["admin"] = new User("admin", Role.Admin, Hash(options.AdminPassword), false, NewStamp());
            }
            else
            {
                log.LogWarning("No admin user: set Auth__AdminPassword to bootstrap user 'admin'");
            }
        }
    }

    public static string Hash(string password) => Hasher.HashPassword("user", password);

    public User? Find(string name) => _users.GetValueOrDefault(name);

    public IReadOnlyList<User> All => [.. _users.Values.OrderBy(u => u.Name, StringComparer.Ordinal)];

    public LoginOutcome SignIn(string name, string password)
    {
        var now = _time.GetUtcNow();
        var failures = _failures.GetValueOrDefault(name);
        if (failures is { LockedUntil: { } until } && until > now)
        {
            return LoginOutcome.Locked;
        }

        var user = Find(name);
        // Verify against a decoy for unknown users, so the answer's timing does not say which names exist.
        var verified = Hasher.VerifyHashedPassword("user", user?.PasswordHash is { Length: > 0 } h ? h : DecoyHash, password);
        if (user is not null && !user.Disabled && verified != PasswordVerificationResult.Failed)
        {
            _failures.TryRemove(name, out _);
            return LoginOutcome.Success;
        }

        _failures.AddOrUpdate(name,
            _ => new Failures(1, null),
            (_, f) =>
            {
                var count = f.LockedUntil is { } past && past <= now ? 1 : f.Count + 1;
                return new Failures(count, count >= _options.LockoutFailures ? now + _options.LockoutDuration : null);
            });
        return _failures[name].LockedUntil is not null ? LoginOutcome.Locked : LoginOutcome.Invalid;
    }

    public bool IsCurrent(string name, string stamp) => Find(name) is { Disabled: false } user && user.Stamp == stamp;

    /// <summary>Adds a person at run time (kept in this process; lasting users belong in config).</summary>
    public bool Add(string name, Role role, string password) => _users.TryAdd(name, new User(name, role, Hash(password), false, NewStamp()));

    public bool SetPassword(string name, string password) => Update(name, u => u with { PasswordHash = Hash(password) });

    public bool Disable(string name) => Update(name, u => u with { Disabled = true });

    private bool Update(string name, Func<User, User> change)
    {
        if (Find(name) is not { } user)
        {
            return false;
        }

        _users[user.Name] = change(user) with { Stamp = NewStamp() };
        return true;
    }

    private static string NewStamp() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);
}

internal sealed record User(string Name, Role Role, string PasswordHash, bool Disabled, string Stamp);

internal enum LoginOutcome { Success, Invalid, Locked }
