using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MediaMatrix.Monitoring.Alerts;
using MediaMatrix.Monitoring.Matrix;
using MimeKit;

namespace MediaMatrix.Notifications;

/// <summary>
/// Reads and validates the <c>Notifications</c> section of the host settings (appsettings.json, or environment variables
/// such as <c>Notifications__Routes__0__Kind=dingtalk</c>: routes hold secrets, so they live beside the other secrets,
/// not in the matrix YAML). Every problem is reported at once, each naming its key (style habit 5).
/// </summary>
internal static class NotificationSettings
{
    public const string Section = "Notifications";

    private static readonly string[] TopKeys = ["Routes", "BaseUrl", "SweepInterval", "CatchUpWindow", "MaxAttempts", "RetryDelay", "MaxRetryDelay", "RequestTimeout", "QueueCapacity"];
    private static readonly string[] RouteKeys = ["Name", "Kind", "Url", "Recipients", "Secret", "MinSeverity", "Departments", "ReminderInterval"];
    private static readonly Dictionary<string, RouteKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["wecom"] = RouteKind.WeCom,
        ["dingtalk"] = RouteKind.DingTalk,
        ["feishu"] = RouteKind.Feishu,
        ["webhook"] = RouteKind.Webhook,
        ["email"] = RouteKind.Email,
    };

    private static readonly Dictionary<string, AlertSeverity> Severities = new(StringComparer.OrdinalIgnoreCase)
    {
        ["info"] = AlertSeverity.Info,
        ["warning"] = AlertSeverity.Warning,
        ["critical"] = AlertSeverity.Critical,
    };

    /// <summary>The validated options; throws <see cref="Hosting.SettingsException"/> listing every problem, one a line.</summary>
    public static NotificationOptions Read(IConfiguration settings, MatrixConfig matrix)
    {
        var (options, errors) = TryRead(settings, matrix);
        return errors.Count == 0 ? options! : throw new Hosting.SettingsException(errors);
    }

    /// <summary>The options, or every problem as <c>Notifications:Routes:1:Url: message</c>.</summary>
    public static (NotificationOptions? Options, IReadOnlyList<string> Errors) TryRead(IConfiguration settings, MatrixConfig matrix)
    {
        var section = settings.GetSection(Section);
        var errors = new List<string>();
        UnknownKeys(section, TopKeys, errors);

        var defaults = new NotificationOptions();
        var options = new NotificationOptions
        {
            BaseUrl = HttpUrl(section, "BaseUrl", errors, required: false),
            SweepInterval = Duration(section, "SweepInterval", defaults.SweepInterval, errors, allowZero: false),
            CatchUpWindow = Duration(section, "CatchUpWindow", defaults.CatchUpWindow, errors, allowZero: true),
            MaxAttempts = Whole(section, "MaxAttempts", defaults.MaxAttempts, 1, 20, errors),
            RetryDelay = Duration(section, "RetryDelay", defaults.RetryDelay, errors, allowZero: false),
            MaxRetryDelay = Duration(section, "MaxRetryDelay", defaults.MaxRetryDelay, errors, allowZero: false),
            RequestTimeout = Duration(section, "RequestTimeout", defaults.RequestTimeout, errors, allowZero: false),
            QueueCapacity = Whole(section, "QueueCapacity", defaults.QueueCapacity, 1, 1_000_000, errors),
        };
        if (options.MaxRetryDelay < options.RetryDelay)
            errors.Add($"{Path(section, "MaxRetryDelay")}: {options.MaxRetryDelay} is shorter than RetryDelay {options.RetryDelay}");

        var departments = matrix.Accounts.Select(a => a.Department).ToHashSet(StringComparer.Ordinal);
        var routes = new List<NoticeRoute>();
        foreach (var child in section.GetSection("Routes").GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            if (ReadRoute(child, departments, options, errors) is { } route)
                routes.Add(route);
        }

        foreach (var duplicate in routes.GroupBy(r => r.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"{Section}:Routes: {duplicate.Count()} routes are named '{duplicate.Key}'; give each a different Name (or a different destination)");

        return errors.Count == 0 ? (options with { Routes = routes }, errors) : (null, errors);
    }

    private static NoticeRoute? ReadRoute(IConfigurationSection route, HashSet<string> matrixDepartments, NotificationOptions options, List<string> errors)
    {
        var before = errors.Count;
        UnknownKeys(route, RouteKeys, errors);

        RouteKind? kind = null;
        var kindText = route["Kind"];
        if (string.IsNullOrWhiteSpace(kindText))
            errors.Add($"{Path(route, "Kind")}: required; one of {string.Join(", ", Kinds.Keys)}");
        else if (Kinds.TryGetValue(kindText.Trim(), out var known))
            kind = known;
        else
            errors.Add($"{Path(route, "Kind")}: unknown kind '{kindText}' (expected one of: {string.Join(", ", Kinds.Keys)})");

        var url = kind is RouteKind.Email ? null : HttpUrl(route, "Url", errors, required: kind is not null);
        if (kind is RouteKind.Email && route["Url"] is not null)
            errors.Add($"{Path(route, "Url")}: not used by kind email; list the addresses under Recipients");

        var recipients = List(route, "Recipients");
        if (kind is RouteKind.Email)
        {
            if (recipients.Count == 0)
                errors.Add($"{Path(route, "Recipients")}: an email route needs at least one address");
            recipients = [.. recipients.Select(r => Address(route, r, errors)).OfType<string>().Distinct(StringComparer.Ordinal)];
        }
        else if (kind is not null && recipients.Count > 0)
        {
            errors.Add($"{Path(route, "Recipients")}: only an email route has recipients");
        }

        var secret = route["Secret"];
        if (!string.IsNullOrEmpty(secret) && kind is RouteKind.WeCom or RouteKind.Webhook or RouteKind.Email)
            errors.Add($"{Path(route, "Secret")}: only dingtalk and feishu routes sign their requests (a wecom robot's key is part of its Url)");

        var severity = AlertSeverity.Warning;
        if (route["MinSeverity"] is { } severityText && !Severities.TryGetValue(severityText.Trim(), out severity))
            errors.Add($"{Path(route, "MinSeverity")}: unknown severity '{severityText}' (expected one of: info, warning, critical)");

        var departments = List(route, "Departments");
        foreach (var department in departments.Where(d => !matrixDepartments.Contains(d)))
        {
            var known = string.Join("、", matrixDepartments.Order(StringComparer.Ordinal));
            errors.Add($"{Path(route, "Departments")}: no account of the matrix belongs to department '{department}' (departments: {known})");
        }

        var reminder = Duration(route, "ReminderInterval", NotificationOptions.DefaultReminderInterval, errors, allowZero: true);
        if (reminder > TimeSpan.Zero && reminder < options.SweepInterval)
            errors.Add($"{Path(route, "ReminderInterval")}: {reminder} is shorter than the sweep interval {options.SweepInterval}; use 0 to switch reminders off");

        var name = route["Name"];
        if (name is not null && !ValidName(name))
            errors.Add($"{Path(route, "Name")}: '{name}' is not a valid route name: use 1-64 characters a-z, 0-9 and '-'");

        if (errors.Count > before || kind is not { } routeKind)
            return null;

        var destination = routeKind == RouteKind.Email ? string.Join(',', recipients) : url!.AbsoluteUri;
        return new NoticeRoute
        {
            Id = name ?? $"{routeKind.ToString().ToLowerInvariant()}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(destination)))[..10]}",
            Kind = routeKind,
            Url = url,
            Recipients = recipients,
            Secret = string.IsNullOrEmpty(secret) ? null : secret,
            MinSeverity = severity,
            Departments = departments,
            ReminderInterval = reminder,
        };
    }

    private static void UnknownKeys(IConfigurationSection section, string[] known, List<string> errors)
    {
        foreach (var child in section.GetChildren().Where(c => !known.Contains(c.Key, StringComparer.OrdinalIgnoreCase)))
            errors.Add($"{child.Path}: unknown key (expected one of: {string.Join(", ", known)})");
    }

    private static Uri? HttpUrl(IConfigurationSection section, string key, List<string> errors, bool required)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
                errors.Add($"{Path(section, key)}: required");
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return uri;
        errors.Add($"{Path(section, key)}: '{Redacted(text)}' is not an absolute http(s) URL");
        return null;
    }

    private static string? Address(IConfigurationSection route, string text, List<string> errors)
    {
        if (MailboxAddress.TryParse(text, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal))
            return mailbox.Address.ToLowerInvariant();
        errors.Add($"{Path(route, "Recipients")}: '{text}' is not an e-mail address");
        return null;
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback, List<string> errors, bool allowZero)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        var trimmed = text.Trim();
        if (trimmed == "0")
            trimmed = "0s";
        if (DurationFormat.TryParse(trimmed, out var duration) && (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero)))
            return duration;
        errors.Add($"{Path(section, key)}: '{text}' is not a {(allowZero ? "duration (0 = off)" : "positive duration")}; write e.g. {DurationFormat.Examples}");
        return fallback;
    }

    private static int Whole(IConfigurationSection section, string key, int fallback, int min, int max, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors.Add($"{Path(section, key)}: '{text}' is not a whole number from {min} to {max}");
        return fallback;
    }

    /// <summary>A list as the configuration binder spells it (<c>Departments:0</c>, <c>Departments:1</c>), or one
    /// comma-separated value, which is easier in an environment variable.</summary>
    private static List<string> List(IConfigurationSection section, string key)
    {
        var list = section.GetSection(key);
        var items = list.Value is { } single ? single.Split([',', '，', '、'], StringSplitOptions.None) : list.GetChildren().Select(c => c.Value ?? string.Empty);
        return [.. items.Select(i => i.Trim()).Where(i => i.Length > 0)];
    }

    private static bool ValidName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    private static string Path(IConfigurationSection section, string key) => $"{section.Path}:{key}";

    // A robot URL carries its access token: never print the query.
    private static string Redacted(string text)
    {
        var query = text.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? text : text[..query] + "?…";
    }
}
