using UniCode.Torch;

namespace UniCode.Kit.Vision;

/// <summary>The checks every tokenizer options record shares.</summary>
internal static class TokenizerOptionsCheck
{
    public static void Common(ITokenizerOptions options)
    {
        if (options.Network is null)
        {
            throw new ArgumentNullException(nameof(options.Network), "Network options are required");
        }

        if (options.Quantizer is null)
        {
            throw new ArgumentNullException(nameof(options.Quantizer), "Quantizer options are required");
        }

        options.Network.Validate();
        options.Quantizer.Validate();
        OptionCheck.NonNegative(options.L1Weight, nameof(options.L1Weight));
        OptionCheck.NonNegative(options.MseWeight, nameof(options.MseWeight));
        if (options.L1Weight + options.MseWeight == 0)
        {
            throw new ArgumentException("at least one of L1Weight and MseWeight must be positive", nameof(options));
        }
    }
}
