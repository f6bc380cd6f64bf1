using MediaMatrix.Monitoring.Assessment;
using MediaMatrix.Monitoring.Matrix;
using MediaMatrix.Monitoring.Tests.Matrix;
using static MediaMatrix.Monitoring.Tests.Assessment.Cast;

namespace MediaMatrix.Monitoring.Tests.Rules;

/// <summary>Rule packs (config/rules): the shipped ones, a matrix naming one and overriding numbers, and what a stricter pack does.</summary>
public sealed class RulePackTests
{
    // MatrixYaml.Valid has 20 lines: the rules section starts on line 21.
    private static MatrixConfig Load(string rules)
    {
        var result = MatrixConfigLoader.LoadFromText(MatrixYaml.Valid + "\n" + rules, MatrixYaml.FileName);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        return result.Config!;
    }

    private static IReadOnlyList<ConfigError> Errors(string rules) =>
        MatrixConfigLoader.LoadFromText(MatrixYaml.Valid + "\n" + rules, MatrixYaml.FileName).Errors;

    [Fact]
    public void NoRulesSection_IsTheNationalPack()
    {
        var config = Load("");

        Assert.Equal("national", config.Pack.Id.Name);
        Assert.Equal("2026.1", config.Pack.Id.Version);
        Assert.Equal(TimeSpan.FromDays(14), config.Pack.Options.VetoWindow);
        Assert.Equal(4, config.Pack.Options.EarlyWarningWorkingDays);
        Assert.Equal(new DormancyTiers(), config.Pack.Options.Dormancy);
    }

    [Theory]
    [InlineData("national", 14, 14)]
    [InlineData("weekly-floor", 7, 7)]
    [InlineData("ten-day-floor", 10, 10)]
    public void ShippedPacks_LoadWithTheirNumbers(string pack, int vetoDays, int warningTierDays)
    {
        var config = Load($"rules: {pack}");

        Assert.Equal(pack, config.Pack.Id.Name);
        Assert.Equal(TimeSpan.FromDays(vetoDays), config.Pack.Options.VetoWindow);
        Assert.Equal(TimeSpan.FromDays(warningTierDays), config.Pack.Options.Dormancy.Warning);
        Assert.Equal(config.Pack.Id, config.Pack.Options.Pack);
        // What the stricter packs do not say comes from the national one.
        Assert.Equal(40, config.Pack.Options.Weights.Diligence);
    }

    [Theory]
    [InlineData("national", 11, Verdict.Qualified)]
    [InlineData("ten-day-floor", 11, Verdict.Unqualified)]
    [InlineData("ten-day-floor", 9, Verdict.Qualified)]
    [InlineData("weekly-floor", 8, Verdict.Unqualified)]
    [InlineData("weekly-floor", 6, Verdict.Qualified)]
    public void AStricterPack_ChangesVerdictsAsItsNumbersSay(string pack, double lastPostDaysAgo, Verdict expected)
    {
        var options = Load($"rules: {{ pack: {pack} }}").Pack.Options;

        var e = AccountAssessor.Evaluate(Input(Education, PostsDaysAgo(lastPostDaysAgo)), T, options);

        Assert.Equal(expected, e.Verdict);
        if (expected == Verdict.Unqualified)
            Assert.Contains(e.Reasons, r => r.Code == "veto-no-update" && r.Zh.Contains($"前{options.VetoWindow.TotalDays:0}天内无更新", StringComparison.Ordinal));
    }

    [Fact]
    public void Overrides_ChangeSingleNumbersAndAreNamed()
    {
        var config = Load("""
            rules:
              pack: national
              overrides: { vetoWindow: 10d, dormancy: { zombie: 120d } }
            """);

        Assert.Equal(TimeSpan.FromDays(10), config.Pack.Options.VetoWindow);
        Assert.Equal(TimeSpan.FromDays(6), config.Pack.Options.EarlyWarningAfter); // still warns 4 days before the veto
        Assert.Equal(TimeSpan.FromDays(120), config.Pack.Options.Dormancy.Zombie);
        Assert.Equal(TimeSpan.FromDays(60), config.Pack.Options.Dormancy.Dormant);
        Assert.Equal("national 2026.1 + vetoWindow, dormancy", config.Pack.Id.Label);
        // The shared national pack is untouched.
        Assert.Equal(TimeSpan.FromDays(14), RulePack.National.Options.VetoWindow);
    }

    [Fact]
    public void APackFileOfTheMatrix_ExtendsAShippedOne()
    {
        var dir = Directory.CreateTempSubdirectory("mm-rules-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "county.yaml"), """
                pack: dinghai
                version: "2027.1"
                title: 定海区政务新媒体管理规定
                extends: ten-day-floor
                rules:
                  rectifyWithin: 15d
                """);
            var matrix = Path.Combine(dir.FullName, "matrix.yaml");
            File.WriteAllText(matrix, MatrixYaml.Valid + "\nrules: { pack: county.yaml }\n");

            var result = MatrixConfigLoader.Load(matrix);

            Assert.True(result.IsValid, string.Join('\n', result.Errors));
            Assert.Equal("dinghai 2027.1", result.Config!.Pack.Id.Label);
            Assert.Equal(TimeSpan.FromDays(10), result.Config.Pack.Options.VetoWindow);
            Assert.Equal(TimeSpan.FromDays(15), result.Config.Pack.Options.RectifyWithin);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("unknown-key", "rules:\n  overrides: { vetoWindw: 10d }", 22, "rules.overrides.vetoWindw", "did you mean 'vetoWindow'?")]
    [InlineData("popularity", "rules:\n  overrides: { followers: 1000 }", 22, "rules.overrides.followers", "must not be a basis of assessment")]
    [InlineData("reach-weight", "rules:\n  overrides:\n    weights: { diligence: 40, reach: 30 }", 23, "rules.overrides.weights.reach", "must not be a basis of assessment")]
    [InlineData("negative-duration", "rules:\n  overrides: { vetoWindow: -3d }", 22, "rules.overrides.vetoWindow", "is not a duration")]
    [InlineData("zero-duration", "rules:\n  overrides: { rectifyWithin: 0d }", 22, "rules.overrides.rectifyWithin", "must be longer than zero")]
    [InlineData("tiers-out-of-order", "rules:\n  overrides:\n    dormancy: { dormant: 120d }", 23, "rules.overrides.dormancy", "the tiers must rise")]
    [InlineData("warning-past-veto", "rules:\n  overrides: { earlyWarningDays: 14 }", 22, "rules.overrides.earlyWarningDays", "must be shorter than the veto window")]
    [InlineData("grades-out-of-order", "rules:\n  overrides:\n    grades: { a: 50 }", 23, "rules.overrides.grades", "grades must fall")]
    [InlineData("share-out-of-range", "rules:\n  overrides: { tasksOnTimeShare: 1.5 }", 22, "rules.overrides.tasksOnTimeShare", "must be between 0 and 1")]
    [InlineData("negative-count", "rules:\n  overrides: { earlyWarningWorkingDays: -1 }", 22, "rules.overrides.earlyWarningWorkingDays", "must not be negative")]
    [InlineData("unknown-pack", "rules: { pack: provincial }", 21, "rules.pack", "unknown rule pack 'provincial'")]
    [InlineData("unknown-section-key", "rules: { pak: national }", 21, "rules.pak", "did you mean 'pack'?")]
    public void ABadRulesSection_FailsAtItsLineAndField(string name, string rules, int line, string field, string message)
    {
        var errors = Errors(rules);

        var error = Assert.Single(errors);
        Assert.True(error.File == MatrixYaml.FileName, name);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadPackFile_IsReportedAtItsOwnFileAndLine()
    {
        var dir = Directory.CreateTempSubdirectory("mm-rules-");
        try
        {
            var pack = Path.Combine(dir.FullName, "county.yaml");
            File.WriteAllText(pack, "pack: county\nversion: \"1\"\ntitle: 县规定\nrules:\n  vetoWindow: 10d\n  likes: 5\n");
            var matrix = Path.Combine(dir.FullName, "matrix.yaml");
            File.WriteAllText(matrix, MatrixYaml.Valid + "\nrules: { pack: county.yaml }\n");

            var error = Assert.Single(MatrixConfigLoader.Load(matrix).Errors);

            Assert.Equal(pack, error.File);
            Assert.Equal(6, error.Line);
            Assert.Equal("rules.likes", error.Field);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
