using System.Security.Claims;

namespace MediaMatrix.Access;

/// <summary>viewer reads; operator also acknowledges, decides and runs tasks; admin does everything (tokens, users, poll-now).</summary>
internal enum Role { Viewer, Operator, Admin }

internal static class Roles
{
    public const string Operate = "operate";
    public const string Administer = "administer";

    public static bool TryParse(string? text, out Role role) => Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role);

    public static string Name(Role role) => role.ToString().ToLowerInvariant();

    public static bool CanOperate(this ClaimsPrincipal user) => user.IsInRole(Name(Role.Operator)) || user.IsInRole(Name(Role.Admin));

    public static bool CanAdminister(this ClaimsPrincipal user) => user.IsInRole(Name(Role.Admin));
}
