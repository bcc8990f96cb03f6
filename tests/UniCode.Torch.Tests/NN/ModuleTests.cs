using UniCode.Torch.NN;
using UniCode.Torch.Serialization;

namespace UniCode.Torch.Tests.NN;

public sealed class ModuleTests : IDisposable
{
    private static readonly string[] ParameterNames =
    [
        "scale",
        "embed.weight",
        "blocks.0.proj.weight", "blocks.0.proj.bias", "blocks.0.norm.weight", "blocks.0.norm.bias",
        "blocks.1.proj.weight", "blocks.1.proj.bias", "blocks.1.norm.weight", "blocks.1.norm.bias",
        "head.0.weight", "head.0.bias",
    ];

    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-module-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static TinyNet Net(ulong seed)
    {
        using var generator = new Generator(seed);
        return new TinyNet(generator);
    }

    private static Tensor Ids() => Tensor.FromArray(new long[,] { { 1, 5, 9 }, { 0, 0, 3 } });

    [Fact]
    public void Parameters_are_registered_with_dotted_names_in_declaration_order()
    {
        using var net = Net(1);
        Assert.Equal(ParameterNames, net.NamedParameters().Select(p => p.Name));
        Assert.Equal(["scale"], net.NamedParameters(recurse: false).Select(p => p.Name));
        Assert.Equal(ParameterNames.Length, net.Parameters().Count());
        Assert.Equal(["steps", "cache"], net.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["embed", "blocks", "head"], net.NamedChildren().Select(c => c.Name));
        Assert.Contains(net.NamedModules(), m => m.Name == "blocks.1.proj" && m.Module is Linear);
        Assert.Equal((10 * 4) + 4 + (2 * ((4 * 4) + 4 + 4 + 4)) + (4 * 3) + 3, net.ParameterCount());
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad && p.IsLeaf));
    }

    [Fact]
    public void Component_names_must_be_unique_and_dot_free()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        using var extra = new Parameter(Tensor.Zeros(1));
        Assert.Contains("'scale'", Assert.Throws<ArgumentException>(() => net.Register("scale", extra)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => net.Register("a.b", extra));
        Assert.Throws<ArgumentException>(() => net.Register("", extra));
    }

    [Fact]
    public void Train_and_Eval_propagate_to_every_submodule()
    {
        using var net = Net(1);
        Assert.All(net.NamedModules(), m => Assert.True(m.Module.Training));
        Assert.Same(net, net.Eval());
        Assert.All(net.NamedModules(), m => Assert.False(m.Module.Training, m.Name));
        net.Train();
        Assert.All(net.NamedModules(), m => Assert.True(m.Module.Training, m.Name));
    }

    [Fact]
    public void ZeroGrad_clears_or_zeroes_every_gradient()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        net.Forward(Ids()).Sum().Backward();
        Assert.All(net.Parameters(), p => Assert.NotNull(p.Grad));
        net.ZeroGrad(setToNone: false);
        Assert.All(net.Parameters(), p => Assert.Equal(0.0, p.Grad!.Abs().Sum().ToDouble()));
        net.ZeroGrad();
        Assert.All(net.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void StateDict_holds_parameters_and_persistent_buffers_sharing_storage()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        var state = net.StateDict();
        Assert.Equal(ParameterNames.Append("steps").Order(), state.Keys.Order());
        Assert.DoesNotContain("cache", state.Keys);
        Assert.All(state.Values, t => Assert.False(t.RequiresGrad));

        state["scale"].FillInPlace(3);
        TensorAssert.Equal([3, 3, 3, 3], net.Scale);
    }

    [Fact]
    public void LoadStateDict_round_trip_makes_two_models_compute_the_same()
    {
        using var scope = new DisposeScope();
        using var a = Net(1);
        using var b = Net(2);
        Assert.False(a.Forward(Ids()).Equal(b.Forward(Ids())));
        var parametersBefore = b.Parameters().ToList();

        b.LoadStateDict(a.StateDict());

        Assert.True(a.Forward(Ids()).Equal(b.Forward(Ids())));
        Assert.Equal(parametersBefore, b.Parameters()); // loaded in place: same objects
        Assert.All(b.Parameters(), p => Assert.True(p.RequiresGrad));
    }

    [Fact]
    public void LoadStateDict_names_missing_and_unexpected_keys()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        var state = net.StateDict();
        state.Remove("head.0.bias");
        state["head.1.weight"] = Tensor.Zeros(3);
        var error = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state));
        Assert.Contains("missing [head.0.bias]", error.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected [head.1.weight]", error.Message, StringComparison.Ordinal);

        // Not strict: what matches is loaded and the rest ignored.
        using var other = Net(2);
        var partial = other.StateDict();
        partial.Remove("scale");
        partial["something.else"] = Tensor.Zeros(1);
        net.LoadStateDict(partial, strict: false);
        Assert.True(net.Embed.Weight.Equal(other.Embed.Weight));
    }

    [Fact]
    public void LoadStateDict_names_the_key_whose_shape_does_not_match()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        var state = net.StateDict();
        state["blocks.1.proj.bias"] = Tensor.Zeros(5);
        var error = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state, source: "checkpoint.safetensors"));
        Assert.Contains("'blocks.1.proj.bias'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[5]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", error.Message, StringComparison.Ordinal);
        Assert.Contains("checkpoint.safetensors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Save_and_Load_round_trip_through_a_safetensors_file()
    {
        using var scope = new DisposeScope();
        var path = Path.Combine(folder, "net.safetensors");
        using var a = Net(1);
        using (Autograd.NoGrad())
        {
            a.StateDict()["steps"].FillInPlace(1234);
        }

        a.Save(path, new Dictionary<string, string> { ["epoch"] = "7" });
        using var b = Net(2);
        b.Load(path);

        Assert.True(a.Forward(Ids()).Equal(b.Forward(Ids())));
        Assert.Equal(1234L, b.StateDict()["steps"].ToInt64());
        SafeTensors.Load(path, out var metadata);
        Assert.Equal("7", metadata["epoch"]);
        Assert.Equal(ParameterNames.Length + 1, SafeTensors.Describe(path).Count);
    }

    [Fact]
    public void Load_of_a_file_for_another_model_names_the_file()
    {
        using var scope = new DisposeScope();
        var path = Path.Combine(folder, "linear.safetensors");
        using var linear = new Linear(4, 3);
        linear.Save(path);
        using var net = Net(1);
        var error = Assert.Throws<ArgumentException>(() => net.Load(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => net.Load(Path.Combine(folder, "missing.safetensors")));
    }

    [Fact]
    public void To_dtype_converts_floating_parameters_in_place_keeping_their_identity()
    {
        using var scope = new DisposeScope();
        using var net = Net(1);
        var before = net.NamedParameters().ToList();
        var expected = before.Select(p => p.Parameter.Double()).ToList();

        Assert.Same(net, net.To(DType.Float64));

        var after = net.NamedParameters().ToList();
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Same(before[i].Parameter, after[i].Parameter);
            Assert.Equal(DType.Float64, after[i].Parameter.DType);
            Assert.True(after[i].Parameter.RequiresGrad);
            Assert.True(expected[i].Equal(after[i].Parameter), before[i].Name);
        }

        Assert.Equal(DType.Int64, net.NamedBuffers().Single(b => b.Name == "steps").Buffer.DType);
        TensorAssert.Is([2, 3, 3], DType.Float64, net.Forward(Ids()));
        Assert.Throws<ArgumentException>(() => net.To(DType.Int32));
    }

    [Fact]
    public void ToString_prints_the_module_tree()
    {
        using var net = Net(1);
        var text = net.ToString();
        Assert.StartsWith("TinyNet(", text, StringComparison.Ordinal);
        Assert.Contains("(blocks): ModuleList<TinyBlock>(", text, StringComparison.Ordinal);
        Assert.Contains("(0): Linear(in=4, out=3, bias=True)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispose_frees_every_parameter()
    {
        var net = Net(1);
        var parameters = net.Parameters().ToList();
        net.Dispose();
        Assert.All(parameters, p => Assert.True(p.IsDisposed));
        net.Dispose();
    }
}
