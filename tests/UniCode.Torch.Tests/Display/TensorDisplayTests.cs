using UniCode.Torch.Display;
using UniCode.Torch.Imaging;

namespace UniCode.Torch.Tests.Display;

public sealed class TensorDisplayTests
{
    [Fact]
    public void The_html_shows_dtype_shape_and_the_first_values_only()
    {
        using var tensor = Tensor.Arange(0, 100).Reshape(10, 10);

        var html = TensorDisplay.ToHtml(tensor);

        Assert.Contains("int64 [10, 10] cpu", html, StringComparison.Ordinal);
        Assert.Contains("[0, 1, 2, 3, 4, 5, 6, 7, ...] (100 values)", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new long[] { 3, 6, 5 }, 5, 6)]
    [InlineData(new long[] { 1, 6, 5 }, 5, 6)]
    [InlineData(new long[] { 6, 5 }, 5, 6)]
    [InlineData(new long[] { 4, 3, 6, 5 }, 20, 6)]
    public void An_image_shaped_float_tensor_in_0_1_is_also_a_picture(long[] shape, int width, int height)
    {
        using var scope = new DisposeScope();
        var tensor = Tensor.Rand(shape);

        var png = TensorDisplay.ToPicture(tensor);

        Assert.NotNull(png);
        var decoded = ImageIO.Decode(png);
        Assert.Equal(height, decoded.Shape[0]);
        Assert.Equal(width, decoded.Shape[1]);
        Assert.Contains("<img src=\"data:image/png;base64,", TensorDisplay.ToHtml(tensor), StringComparison.Ordinal);
    }

    [Fact]
    public void Values_outside_0_1_or_integer_tensors_or_other_shapes_are_not_pictures()
    {
        using var scope = new DisposeScope();

        Assert.Null(TensorDisplay.ToPicture(Tensor.Randn([3, 8, 8]).Mul(5.0)));
        Assert.Null(TensorDisplay.ToPicture(Tensor.Zeros([3, 8, 8], DType.Int64)));
        Assert.Null(TensorDisplay.ToPicture(Tensor.Rand([2, 8, 8])));
        Assert.Null(TensorDisplay.ToPicture(Tensor.Rand([8])));
        Assert.NotNull(TensorDisplay.ToPicture(Tensor.Zeros([3, 8, 8], DType.UInt8)));
    }

    [Fact]
    public void The_source_registers_html_and_plain_text_for_tensors_by_the_kernels_convention()
    {
        var attribute = (TypeFormatterSourceAttribute)Attribute.GetCustomAttribute(typeof(Tensor), typeof(TypeFormatterSourceAttribute))!;
        var formatters = new TensorFormatterSource().CreateTypeFormatters().Cast<DisplayFormatter>().ToList();
        using var tensor = Tensor.Ones(2);
        using var writer = new StringWriter();

        Assert.Equal(typeof(TensorFormatterSource), attribute.FormatterSourceType);
        Assert.Equal([DisplayFormatter.Html, DisplayFormatter.PlainText], attribute.PreferredMimeTypes!);
        Assert.True(formatters.Single(f => f.MimeType == DisplayFormatter.PlainText).Format(tensor, writer));
        Assert.Equal(tensor.ToString(), writer.ToString());
        Assert.False(formatters[0].Format("not a tensor", writer));
    }

    [Fact]
    public void A_disposed_tensor_shows_as_disposed()
    {
        var tensor = Tensor.Ones(2);
        tensor.Dispose();

        Assert.Contains("disposed", TensorDisplay.ToHtml(tensor), StringComparison.Ordinal);
    }
}
