namespace UniCode.Kit.Reporting.Formatting;

/// <summary>
/// A kit type that renders itself as HTML in a notebook (and as <see cref="object.ToString"/> in plain text). The
/// formatter source handles every implementation, so model code (tokenizers, code maps, training progress) becomes
/// displayable without Reporting depending on it: implement this and put
/// <c>[TypeFormatterSource(typeof(KitFormatterSource))]</c> on the type.
/// </summary>
public interface IDisplayable
{
    /// <summary>An HTML fragment (no document wrapper) showing the value.</summary>
    string ToHtml();
}
