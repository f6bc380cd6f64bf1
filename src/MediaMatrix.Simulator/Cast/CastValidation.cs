using System.Text.RegularExpressions;

namespace MediaMatrix.Simulator.Cast;

/// <summary>Fails at start with a message that names the account, rather than with a dictionary exception or a broken URL later.</summary>
internal static partial class CastValidation
{
    public static void ThrowIfInvalid(IReadOnlyList<SimulatedAccount> cast)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cast.Count; i++)
        {
            var id = cast[i].Id;
            if (!IdPattern().IsMatch(id))
            {
                throw new ArgumentException($"cast[{i}].id: '{id}' must be lower-case letters, digits and '-' (it goes into URLs and the config)", nameof(cast));
            }

            if (!seen.Add(id))
            {
                throw new ArgumentException($"cast[{i}].id: '{id}' is already used by another account", nameof(cast));
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();
}
