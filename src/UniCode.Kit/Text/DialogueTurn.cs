namespace UniCode.Kit.Text;

/// <summary>One turn of a LLaVA-style dialogue: <c>{"from": "human" | "gpt", "value": "..."}</c>.</summary>
/// <param name="From"><see cref="Human"/> (the user asks) or <see cref="Gpt"/> (the assistant answers).</param>
/// <param name="Value">
/// The turn's text. <see cref="SpecialTokens.LlavaImageMarker"/> ("&lt;image&gt;") marks where an image goes.
/// </param>
public sealed record DialogueTurn(string From, string Value)
{
    /// <summary>LLaVA's name for the user.</summary>
    public const string Human = "human";

    /// <summary>LLaVA's name for the assistant.</summary>
    public const string Gpt = "gpt";

    /// <summary>Whether this is a user turn.</summary>
    public bool IsHuman => From == Human;

    /// <summary>Whether this is an assistant turn.</summary>
    public bool IsGpt => From == Gpt;

    /// <summary>A user turn.</summary>
    /// <param name="value">The question or instruction.</param>
    public static DialogueTurn FromHuman(string value) => new(Human, value);

    /// <summary>An assistant turn.</summary>
    /// <param name="value">The answer.</param>
    public static DialogueTurn FromGpt(string value) => new(Gpt, value);
}
