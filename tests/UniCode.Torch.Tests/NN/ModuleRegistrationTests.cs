using UniCode.Torch.NN;

namespace UniCode.Torch.Tests.NN;

public sealed class ModuleRegistrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("unicode-torch-modules-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    // Every field kind, and no registration call anywhere.
    private sealed class Codebook : Module<Tensor, Tensor>
    {
        private readonly Parameter scale = new(Tensor.Ones(1));
        private readonly Tensor embedSum = Tensor.Zeros(4, 2).DetachFromScope();
        [NonPersistent]
        private readonly Tensor scratch = Tensor.Zeros(3).DetachFromScope();
        [NotAComponent]
        private readonly Tensor borrowed;
        private readonly Linear projection = new(2, 2);
        private readonly Linear[] heads = [new(2, 1), new(2, 1)];
        private readonly List<Linear> blocks = [new(2, 2)];
        private readonly Func<Tensor, Tensor> activation = t => t.Relu();

        public Codebook(Tensor borrowed) => this.borrowed = borrowed;

        public Tensor EmbedSum => embedSum;

        public Tensor Scratch => scratch;

        public override Tensor Forward(Tensor input) => activation(projection.Forward(input)).Mul(scale).Add(borrowed.Sum());
    }

    private sealed class Outer : Module<Tensor, Tensor>
    {
        public Outer(Tensor borrowed) => Inner = new Codebook(borrowed);

        public Codebook Inner { get; }

        public override Tensor Forward(Tensor input) => Inner.Forward(input);
    }

    [Fact]
    public void Every_field_kind_is_registered_without_a_registration_call()
    {
        using var borrowed = Tensor.Ones(1);
        using var model = new Outer(borrowed);

        Assert.Equal(
            ["Inner.scale", "Inner.projection.weight", "Inner.projection.bias", "Inner.heads.0.weight", "Inner.heads.0.bias",
             "Inner.heads.1.weight", "Inner.heads.1.bias", "Inner.blocks.0.weight", "Inner.blocks.0.bias"],
            model.NamedParameters().Select(p => p.Name));
        Assert.Equal(["Inner.embedSum", "Inner.scratch"], model.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["", "Inner", "Inner.projection", "Inner.heads.0", "Inner.heads.1", "Inner.blocks.0"], model.NamedModules().Select(m => m.Name));

        using var scope = new DisposeScope();
        var state = model.StateDict();
        Assert.Contains("Inner.embedSum", state.Keys);
        Assert.DoesNotContain("Inner.scratch", state.Keys); // non-persistent
        Assert.DoesNotContain(state.Keys, k => k.Contains("borrowed", StringComparison.Ordinal));
    }

    [Fact]
    public void Buffers_parameters_and_list_items_are_saved_and_restored_with_the_module()
    {
        using var borrowed = Tensor.Ones(1);
        using var source = new Outer(borrowed);
        using var target = new Outer(borrowed);
        using (Autograd.NoGrad())
        {
            source.Inner.EmbedSum.FillInPlace(7);
            source.Inner.Scratch.FillInPlace(5);
            foreach (var p in source.Parameters())
            {
                p.FillInPlace(3);
            }
        }

        var path = Path.Combine(folder, "codebook.safetensors");
        source.Save(path);
        target.Load(path);

        using var scope = new DisposeScope();
        TensorAssert.Equal(Enumerable.Repeat(7.0, 8).ToArray(), target.Inner.EmbedSum);
        TensorAssert.Equal([0, 0, 0], target.Inner.Scratch); // not persistent: not saved
        Assert.All(target.Parameters(), p => Assert.Equal(3.0, p.Max().ToDouble()));
        Assert.All(target.Parameters(), p => Assert.Equal(3.0, p.Min().ToDouble()));

        target.To(DType.Float64);
        Assert.Equal(DType.Float64, target.Inner.EmbedSum.DType); // buffers move with the module, keeping their identity
        Assert.Equal(DType.Float64, target.Inner.Scratch.DType);
    }

    private sealed class Reassigning : Module<Tensor, Tensor>
    {
        private Tensor sum = Tensor.Zeros(2).DetachFromScope();

        public void Replace() => sum = Tensor.Ones(2).DetachFromScope();

        public override Tensor Forward(Tensor input) => input + sum;
    }

    [Fact]
    public void A_component_field_reassigned_after_registration_is_an_error_naming_it()
    {
        using var module = new Reassigning();
        Assert.Single(module.NamedBuffers());
        module.Replace();
        var error = Assert.Throws<InvalidOperationException>(() => module.StateDict());
        Assert.Contains("Reassigning.sum", error.Message, StringComparison.Ordinal);
        Assert.Contains("in place", error.Message, StringComparison.Ordinal);
    }

    private sealed class Growing : Module<Tensor, Tensor>
    {
        private readonly List<Linear> layers = [new(1, 1)];

        public void Grow() => layers.Add(new Linear(1, 1));

        public override Tensor Forward(Tensor input) => layers.Aggregate(input, (x, l) => l.Forward(x));
    }

    [Fact]
    public void A_module_list_changed_after_registration_is_an_error()
    {
        using var module = new Growing();
        Assert.Equal(2, module.Parameters().Count());
        module.Grow();
        Assert.Contains("Growing.layers", Assert.Throws<InvalidOperationException>(() => module.Parameters().ToList()).Message, StringComparison.Ordinal);
    }

    private sealed class TensorList : Module<Tensor, Tensor>
    {
        private readonly List<Tensor> sums = [Tensor.Zeros(1).DetachFromScope()];

        public override Tensor Forward(Tensor input) => input + sums[0];
    }

    private sealed class ModuleDictionary : Module<Tensor, Tensor>
    {
        private readonly Dictionary<string, Linear> byName = new() { ["a"] = new Linear(1, 1) };

        public override Tensor Forward(Tensor input) => byName["a"].Forward(input);
    }

    private sealed class TupleField : Module<Tensor, Tensor>
    {
        private readonly (Tensor Mean, Tensor Var) statistics = (Tensor.Zeros(1).DetachFromScope(), Tensor.Ones(1).DetachFromScope());

        public override Tensor Forward(Tensor input) => (input - statistics.Mean) / statistics.Var;
    }

    [Fact]
    public void Fields_that_hold_tensors_or_modules_in_an_unregistrable_form_are_errors_naming_type_and_field()
    {
        using var tensors = new TensorList();
        var error = Assert.Throws<InvalidOperationException>(() => tensors.Parameters().ToList());
        Assert.Contains("TensorList.sums has type List<Tensor>", error.Message, StringComparison.Ordinal);

        using var dictionary = new ModuleDictionary();
        Assert.Contains("ModuleDictionary.byName has type Dictionary<String, Linear>",
            Assert.Throws<InvalidOperationException>(() => dictionary.StateDict()).Message, StringComparison.Ordinal);

        using var tuple = new TupleField();
        Assert.Contains("TupleField.statistics has type ValueTuple<Tensor, Tensor>",
            Assert.Throws<InvalidOperationException>(() => tuple.ToString()).Message, StringComparison.Ordinal);
    }

    private sealed class ScopedBuffer : Module<Tensor, Tensor>
    {
        private readonly Tensor counts;

        public ScopedBuffer(bool registerNow)
        {
            using var scope = new DisposeScope();
            counts = Tensor.Zeros(3);
            if (registerNow)
            {
                RegisterComponents();
            }
        }

        public override Tensor Forward(Tensor input) => input + counts;
    }

    [Fact]
    public void A_buffer_freed_by_a_constructor_scope_before_registration_is_a_clear_error_and_RegisterComponents_avoids_it()
    {
        using var late = new ScopedBuffer(registerNow: false);
        Assert.Contains("DetachFromScope", Assert.Throws<InvalidOperationException>(() => late.StateDict()).Message, StringComparison.Ordinal);

        using var early = new ScopedBuffer(registerNow: true);
        using var scope = new DisposeScope();
        Assert.Equal(["counts"], early.StateDict().Keys);
    }

    [Fact]
    public void Dispose_frees_the_components_of_a_module_that_was_never_used()
    {
        using var borrowed = Tensor.Ones(1);
        var model = new Outer(borrowed);
        var buffer = model.Inner.EmbedSum;
        model.Dispose();
        Assert.True(buffer.IsDisposed);
        Assert.False(borrowed.IsDisposed); // [NotAComponent]: not the module's
    }
}
