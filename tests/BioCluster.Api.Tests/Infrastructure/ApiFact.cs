using Xunit.Abstractions;
using Xunit.Sdk;

namespace BioCluster.Api.Tests.Infrastructure;

/// <summary>Marks a test class that runs the API suite against SQL Server.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class SqlServerSuiteAttribute : Attribute;

/// <summary>
/// A fact of the API suite. In a class marked <see cref="SqlServerSuiteAttribute"/> it is reported as
/// skipped, with the reason, when BIOCLUSTER_SQLSERVER_CONNECTION is not set.
/// </summary>
[XunitTestCaseDiscoverer("BioCluster.Api.Tests.Infrastructure.ApiFactDiscoverer", "BioCluster.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiFactAttribute : FactAttribute;

public sealed class ApiFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var sqlServer = method.TestClass.Class.GetCustomAttributes(typeof(SqlServerSuiteAttribute)).Any();
        if (sqlServer && SqlServerApiFactory.ServerConnection is null)
            yield return new SqlServerSkippedTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
        else
            yield return new XunitTestCase(sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method);
    }
}

public sealed class SqlServerSkippedTestCase : XunitTestCase
{
    public const string Reason = "SQL Server suite skipped: set BIOCLUSTER_SQLSERVER_CONNECTION to run it.";

    [Obsolete("For deserialization only.")]
    public SqlServerSkippedTestCase() { }

    public SqlServerSkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method)
        : base(sink, display, displayOptions, method) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => Reason;
}

/// <summary>
/// A theory of the API suite: as <see cref="ApiFactAttribute"/>, one skipped case (with the reason) in a class marked
/// <see cref="SqlServerSuiteAttribute"/> when BIOCLUSTER_SQLSERVER_CONNECTION is not set.
/// </summary>
[XunitTestCaseDiscoverer("BioCluster.Api.Tests.Infrastructure.ApiTheoryDiscoverer", "BioCluster.Api.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiTheoryAttribute : TheoryAttribute;

public sealed class ApiTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    public override IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var sqlServer = method.TestClass.Class.GetCustomAttributes(typeof(SqlServerSuiteAttribute)).Any();
        return sqlServer && SqlServerApiFactory.ServerConnection is null
            ? [new SqlServerSkippedTestCase(DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method)]
            : base.Discover(options, method, attribute);
    }
}
