using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Reads the <c>profiles:</c> section. Each key of a profile is the camelCase name of a
/// <see cref="Profile"/> constructor parameter (<c>dateFormats</c> → <c>DateFormats</c>). Profile
/// gains a field whenever a site needs one, so the keys are taken from the record itself rather
/// than from a second list that would fall out of step.
/// </summary>
internal static class ProfileReader
{
    private static readonly ConstructorInfo Constructor =
        typeof(Profile).GetConstructors().MaxBy(c => c.GetParameters().Length)!;

    private static readonly ParameterInfo[] Fields =
        Constructor.GetParameters().Where(p => p.Name != nameof(Profile.Name)).ToArray();

    private static readonly string[] Keys = Fields.Select(p => KeyOf(p)).ToArray();

    /// <summary>
    /// Keys the JSON extraction will read (a response's success flag, e.g. <c>code: 0</c>) before
    /// <see cref="Profile"/> has them. Accepted now so configs written for them already validate;
    /// once Profile declares them they are read like any other field.
    /// </summary>
    private static readonly string[] Upcoming = new[] { "successPath", "successValue" }.Except(Keys).ToArray();

    /// <summary>Every profile that reads cleanly, by name; <paramref name="declared"/> also gets the names of broken ones.</summary>
    public static Dictionary<string, Profile> Read(YamlNode? node, ConfigReader reader, ISet<string> declared)
    {
        var profiles = new Dictionary<string, Profile>(StringComparer.Ordinal);
        // "profiles:" with nothing under it is a file that has no profiles yet, not a mistake.
        if (node is null || ConfigReader.IsNull(node))
            return profiles;

        foreach (var entry in reader.Entries(node, "profiles") ?? [])
        {
            declared.Add(entry.Key);
            var section = reader.Section(entry.Value, ConfigReader.Join("profiles", entry.Key), Keys, Upcoming);
            if (section is not null && ReadOne(entry.Key, section, reader) is { } profile)
                profiles[entry.Key] = profile;
        }

        return profiles;
    }

    private static Profile? ReadOne(string name, ConfigSection section, ConfigReader reader)
    {
        var errorsBefore = reader.Errors.Count;
        var complete = true;
        var arguments = new object?[Fields.Length + 1];
        arguments[0] = name;

        for (var i = 0; i < Fields.Length; i++)
        {
            var required = !Fields[i].HasDefaultValue;
            if (required && section.Find(Keys[i]) is null)
            {
                reader.ReportMissing(section, Keys[i]);
                complete = false;
                continue;
            }

            var value = ReadField(Fields[i].ParameterType, section, Keys[i], required, reader);
            arguments[i + 1] = value ?? (required ? null : Fields[i].DefaultValue);
        }

        if (!complete || reader.Errors.Count != errorsBefore)
            return null;

        var profile = (Profile)Constructor.Invoke(arguments);
        // A bad filter would otherwise surface only at the first poll, as that account's error.
        try
        {
            Extraction.FieldFilters.Of(profile);
        }
        catch (Extraction.ExtractionException ex)
        {
            reader.Report(section.Node("replace").Start, section.Field("replace"), ex.Message.Replace($"profile '{name}': ", string.Empty, StringComparison.Ordinal));
            return null;
        }

        return profile;
    }

    private static object? ReadField(Type type, ConfigSection section, string key, bool required, ConfigReader reader)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
            return reader.Text(section, key, required);
        if (type == typeof(bool))
            return reader.Flag(section, key);
        if (type == typeof(int))
            return reader.Integer(section, key);
        if (type == typeof(TimeSpan))
            return reader.Duration(section, key);
        if (type.IsAssignableFrom(typeof(List<string>)))
            return reader.TextList(section, key);

        // A Profile field of a shape config cannot express yet: say so rather than silently dropping it.
        if (section.Has(key))
            reader.Report(section.Node(key).Start, section.Field(key), $"cannot be set from config yet (type {type.Name})");
        return null;
    }

    private static string KeyOf(ParameterInfo parameter) =>
        char.ToLowerInvariant(parameter.Name![0]) + parameter.Name[1..];
}
