namespace UniCode.Kit.Tests.Configuration;

/// <summary>Tests that set UNICODE_PROFILE or UNICODE_CACHE_DIR run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConfigurationEnvironment
{
    public const string Name = "Configuration environment (UNICODE_PROFILE, UNICODE_CACHE_DIR)";
}
