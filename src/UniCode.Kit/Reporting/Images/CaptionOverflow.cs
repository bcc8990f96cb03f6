namespace UniCode.Kit.Reporting.Images;

/// <summary>What an <see cref="ImageGrid"/> does with a caption wider than its tile.</summary>
public enum CaptionOverflow
{
    /// <summary>Break it into lines at spaces (inside a word if it must), up to <see cref="ImageGridOptions.MaxCaptionLines"/>; the last line ends in "..." if text remains.</summary>
    Wrap,

    /// <summary>One line, cut and ended with "...".</summary>
    Truncate,
}
