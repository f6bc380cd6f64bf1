using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace MediaMatrix.Monitoring.Matrix;

/// <summary>
/// Turns config text into YamlDotNet's representation model, whose nodes keep their line and
/// column. YamlStream stops at the first duplicate key, which would hide every other mistake, so
/// duplicate keys are renamed to a marker first; <see cref="ConfigReader"/> reports the marker
/// with the field path it knows and carries on.
/// </summary>
internal static partial class ConfigYaml
{
    private const string DuplicateMarker = "\0duplicate:";

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex LocationPrefix();

    /// <summary>The root node of the single document, or null after reporting why there is none.</summary>
    public static YamlNode? Parse(string yaml, ConfigReader reader)
    {
        var events = ReadEvents(yaml, reader);
        if (events is null)
            return null;

        MarkDuplicateKeys(events);
        var stream = new YamlStream();
        try
        {
            stream.Load(new EventListParser(events));
        }
        catch (AnchorNotFoundException) when (FirstUndefinedAlias(events) is { } alias)
        {
            // YamlDotNet gives this error no position; the alias event has one.
            reader.Report(alias.Start, "", $"YAML syntax error: *{alias.Value} refers to no anchor &{alias.Value} defined before it");
            return null;
        }
        catch (YamlException e)
        {
            ReportSyntaxError(e, reader);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            reader.Report(new Mark(0, 1, 1), "", "the file is empty");
            return null;
        }

        if (stream.Documents.Count > 1)
            reader.Report(stream.Documents[1].RootNode.Start, "", "only one YAML document is expected; remove the '---' separator");

        return stream.Documents[0].RootNode;
    }

    /// <summary>The original key when <paramref name="key"/> is a renamed duplicate.</summary>
    public static bool IsDuplicate(string key, out string originalKey)
    {
        originalKey = key;
        if (!key.StartsWith(DuplicateMarker, StringComparison.Ordinal))
            return false;

        var rest = key[DuplicateMarker.Length..];
        originalKey = rest[(rest.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return true;
    }

    private static List<ParsingEvent>? ReadEvents(string yaml, ConfigReader reader)
    {
        var events = new List<ParsingEvent>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
                events.Add(parser.Current!);
            return events;
        }
        catch (YamlException e)
        {
            ReportSyntaxError(e, reader);
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this on some malformed input (an unclosed flow mapping,
            // "matrix: {name: a"), without a position: point at the last place it understood.
            var lastGood = events.Count > 0 ? events[^1].End : new Mark(0, 1, 1);
            reader.Report(lastGood, "", "YAML syntax error: the file cannot be read past this point (an unclosed '{', '[' or quote?)");
            return null;
        }
    }

    private static AnchorAlias? FirstUndefinedAlias(List<ParsingEvent> events)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (e is NodeEvent { Anchor.IsEmpty: false } node)
                defined.Add(node.Anchor.Value);
            else if (e is AnchorAlias alias && !defined.Contains(alias.Value.Value))
                return alias;
        }

        return null;
    }

    private static void ReportSyntaxError(YamlException e, ConfigReader reader)
    {
        // The scanner reports where the construct began (Start) and where it broke (End); both help.
        var message = LocationPrefix().Replace(e.Message, "").TrimEnd('.');
        var brokeAt = e.End.Line != e.Start.Line ? $" (at line {e.End.Line}, column {e.End.Column})" : "";
        reader.Report(e.Start, "", $"YAML syntax error: {message}{brokeAt}");
    }

    private static void MarkDuplicateKeys(List<ParsingEvent> events)
    {
        // One frame per open collection; for a mapping, whether the next node is a key and the keys seen so far.
        var frames = new Stack<(bool IsMapping, bool NextIsKey, HashSet<string> Keys)>();
        var duplicates = 0;

        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e is MappingEnd or SequenceEnd)
            {
                frames.Pop();
                continue;
            }

            if (e is not (Scalar or AnchorAlias or MappingStart or SequenceStart))
                continue;

            if (frames.Count > 0 && frames.Peek().IsMapping)
            {
                var frame = frames.Pop();
                if (frame.NextIsKey && e is Scalar key && !frame.Keys.Add(key.Value))
                {
                    duplicates++;
                    events[i] = new Scalar(key.Anchor, key.Tag, $"{DuplicateMarker}{duplicates}:{key.Value}", key.Style,
                        key.IsPlainImplicit, key.IsQuotedImplicit, key.Start, key.End, key.IsKey);
                }

                frames.Push(frame with { NextIsKey = !frame.NextIsKey });
            }

            if (e is MappingStart)
                frames.Push((true, true, new HashSet<string>(StringComparer.Ordinal)));
            else if (e is SequenceStart)
                frames.Push((false, false, []));
        }
    }

    private sealed class EventListParser(List<ParsingEvent> events) : IParser
    {
        private int _index = -1;

        public ParsingEvent? Current => _index >= 0 && _index < events.Count ? events[_index] : null;

        public bool MoveNext() => ++_index < events.Count;
    }
}
