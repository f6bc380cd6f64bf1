using MediaMatrix.Monitoring.Assessment;

namespace MediaMatrix.Monitoring.Tests.Assessment;

public sealed class AssessmentOptionsTests
{
    [Fact]
    public void Defaults_AreValid()
    {
        new AssessmentOptions().Validate();
    }

    [Theory]
    [InlineData("Assessment:Stability:SmoothingFactor")]
    [InlineData("Assessment:Grades")]
    [InlineData("Assessment:EarlyWarningAfter")]
    [InlineData("Assessment:Weights:Diligence")]
    public void Validate_NamesTheKey(string key)
    {
        var options = new AssessmentOptions();
        switch (key)
        {
            case "Assessment:Stability:SmoothingFactor": options.Stability.SmoothingFactor = 0; break;
            case "Assessment:Grades": options.Grades.B = 90; break;
            case "Assessment:EarlyWarningAfter": options.EarlyWarningAfter = TimeSpan.FromDays(20); break;
            default: options.Weights.Diligence = 0; break;
        }

        var error = Assert.Throws<ArgumentException>(() => options.Validate());

        Assert.StartsWith(key + ":", error.Message, StringComparison.Ordinal);
    }
}
