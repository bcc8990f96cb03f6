using UniCode.Kit.Data;
using UniCode.Kit.Evaluation.Distributions;
using UniCode.Kit.Evaluation.Features;
using UniCode.Kit.Vision;
using UniCode.Kit.Vision.Quantization;
using UniCode.Torch;

namespace UniCode.Kit.Evaluation.Reconstruction;

/// <summary>Measures a tokenizer's reconstructions of a test split: PSNR, SSIM, rFID, codebook usage and perplexity.</summary>
public static class ReconstructionEvaluator
{
    /// <summary>Encodes and decodes the first <paramref name="maxImages"/> images of <paramref name="test"/> and measures them.</summary>
    /// <param name="tokenizer">The tokenizer (put in eval mode for the measurement, then restored).</param>
    /// <param name="test">Test images.</param>
    /// <param name="featureNet">The feature net of rFID, or null to skip rFID.</param>
    /// <param name="maxImages">How many images at most.</param>
    /// <param name="batchSize">Images per batch.</param>
    public static ReconstructionReport Evaluate(VisualTokenizer tokenizer, IImageDataset test, IFeatureNet? featureNet, int maxImages = 2000, int batchSize = 250)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentNullException.ThrowIfNull(test);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxImages, 2);
        var training = tokenizer.Training;
        tokenizer.Eval();
        try
        {
            using var scope = new DisposeScope();
            var images = FeatureExtraction.FirstImages(test, maxImages);
            var count = (int)images.Shape[0];
            var reconstructions = new List<Tensor>();
            var counts = Tensor.Zeros([tokenizer.Quantizer.CodebookSize], DType.Int64);
            for (var start = 0; start < count; start += batchSize)
            {
                var batch = images.Narrow(0, start, Math.Min(batchSize, count - start));
                using var codes = tokenizer.Encode(batch);
                foreach (var layer in codes.Layers)
                {
                    counts.AddInPlace(layer.Codes.Flatten().Bincount(tokenizer.Quantizer.CodebookSize));
                }

                reconstructions.Add(tokenizer.Decode(codes));
            }

            var decoded = Tensor.Cat(reconstructions);
            var psnr = Psnr.Compute(decoded, images);
            var ssim = Ssim.Compute(decoded, images);
            double? rfid = null;
            if (featureNet is not null)
            {
                rfid = FrechetDistance.Compute(FeatureExtraction.Features(featureNet, images), FeatureExtraction.Features(featureNet, decoded));
            }

            var stats = CodebookStatistics.FromCounts(counts);
            return new ReconstructionReport(count, psnr, ssim, rfid, stats.Usage, stats.Perplexity);
        }
        finally
        {
            tokenizer.Train(training);
        }
    }
}
