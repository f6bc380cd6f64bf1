using MediaMatrix.Monitoring.Matrix;

namespace MediaMatrix.Monitoring.Tests.Matrix;

public class DurationFormatTests
{
    [Theory]
    [InlineData("90s", 0, 1, 30)]
    [InlineData("30m", 0, 30, 0)]
    [InlineData("1h", 1, 0, 0)]
    [InlineData("4h", 4, 0, 0)]
    [InlineData("1d", 24, 0, 0)]
    [InlineData("1h30m", 1, 30, 0)]
    [InlineData("01:00:00", 1, 0, 0)]
    [InlineData("1.02:00:00", 26, 0, 0)]
    public void TryParse_OperatorForms_Parse(string text, int hours, int minutes, int seconds)
    {
        Assert.True(DurationFormat.TryParse(text, out var duration));
        Assert.Equal(new TimeSpan(hours, minutes, seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1hour")]
    [InlineData("1H")]
    [InlineData("30m1h")]
    [InlineData("-1h")]
    [InlineData("1 h")]
    [InlineData("一小时")]
    public void TryParse_AnythingElse_Fails(string text) => Assert.False(DurationFormat.TryParse(text, out _));
}
