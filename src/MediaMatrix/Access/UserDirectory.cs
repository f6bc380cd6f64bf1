using System.Collections.Concurrent;
using MediaMatrix.Monitoring.Storage;
using Microsoft.AspNetCore.Identity;

namespace MediaMatrix.Access;

/// <summary>The people who may log in, with salted password hashes and lockout after repeated failures. Changing a
/// password or disabling a user ends every session of that user in the session store, so other open sessions die on
/// their next request, on every replica (reliability A5).</summary>
internal sealed class UserDirectory
{
    // PasswordHasher's V3 format (PBKDF2, per-password salt) ignores the user object; a string stands in for it.
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DecoyHash = Hasher.HashPassword("decoy", "decoy-" + Guid.NewGuid());

    private readonly ConcurrentDictionary<string, User> _users = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.OrdinalIgnoreCase);
    private readonly AuthOptions _options;
    private readonly TimeProvider _time;
    private readonly ISessionStore _sessions;

    public UserDirectory(AuthOptions options, TimeProvider time, ISessionStore sessions, ILogger<UserDirectory> log)
    {
        _options = options;
        _time = time;
        _sessions = sessions;
        for (var i = 0; i < options.Users.Count; i++)
        {
            var configured = options.Users[i];
            if (string.IsNullOrWhiteSpace(configured.Name) || !Roles.TryParse(configured.Role, out var role))
            {
                throw new Hosting.SettingsException($"Auth:Users:{i}: a user needs a name and a role (viewer, operator or admin)");
            }

            _users[configured.Name] = new User(configured.Name, role, configured.PasswordHash, configured.Disabled);
        }

        if (!_users.Values.Any(u => u.Role == Role.Admin && !u.Disabled))
        {
            if (!string.IsNullOrEmpty(options.AdminPassword))
            {
                _users["admin"] = new User("admin", Role.Admin, Hash(options.AdminPassword), false);
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

    /// <summary>True when the user exists here and is not disabled (a session's second check, after the store's).</summary>
    public bool IsEnabled(string name) => Find(name) is { Disabled: false };

    /// <summary>Adds a person at run time (kept in this process; lasting users belong in config).</summary>
    public bool Add(string name, Role role, string password) => _users.TryAdd(name, new User(name, role, Hash(password), false));

    public Task<bool> SetPasswordAsync(string name, string password, CancellationToken cancellationToken) =>
        UpdateAsync(name, u => u with { PasswordHash = Hash(password) }, cancellationToken);

    public Task<bool> DisableAsync(string name, CancellationToken cancellationToken) => UpdateAsync(name, u => u with { Disabled = true }, cancellationToken);

    /// <summary>Changes the user here, then ends all their sessions in the store before answering: once the admin call
    /// returns, no replica accepts an old session (the change itself lives in this process; lasting users belong in config).</summary>
    private async Task<bool> UpdateAsync(string name, Func<User, User> change, CancellationToken cancellationToken)
    {
        if (Find(name) is not { } user)
        {
            return false;
        }

        _users[user.Name] = change(user);
        await _sessions.EndAllAsync(user.Name, cancellationToken);
        return true;
    }

    private sealed record Failures(int Count, DateTimeOffset? LockedUntil);
}

internal sealed record User(string Name, Role Role, string PasswordHash, bool Disabled);

internal enum LoginOutcome { Success, Invalid, Locked }
