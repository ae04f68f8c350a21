using System.Text;
using CommsLedger.Api.Tests.Support.Contract;

namespace CommsLedger.Api.Tests.OpenApi;

/// <summary>The check every API test's answers go through (<see cref="ContractCheckingHandler"/>) finds each way an
/// answer can break the committed document, and lets a conforming one through.</summary>
public sealed class ResponseContractTests
{
    private static readonly ResponseContract Contract = ResponseContract.Committed;

    private static IReadOnlyList<string> Check(string method, string path, int status, string? mediaType, string body) =>
        Contract.Check(method, path, status, mediaType, Encoding.UTF8.GetBytes(body)).Violations;

    [Fact]
    public void an_answer_as_the_document_declares_it_passes()
    {
        Assert.Empty(Check("GET", "/health/live", 200, "application/json", """{"status":"ok","database":"not checked"}"""));
        Assert.Empty(Check("POST", "/pledges/8c4d6de1-8eb6-58d1-b88e-0afc78551a02/status", 409, "application/problem+json",
            """{"title":"Changed since you read it; nothing was recorded","status":409,"detail":"…","correlationId":"c1"}"""));
    }

    [Fact]
    public void the_operation_is_found_by_its_path_template()
    {
        var (operation, _) = Contract.Check("POST", "/interactions/d0194545-24cf-5816-97ef-51813235b66b/statements/b71eeeb8-8ea9-5a81-8f95-31dfd415752e/retraction/",
            404, "application/problem+json", Encoding.UTF8.GetBytes("""{"title":"Not found","status":404}"""));

        Assert.Equal("POST /interactions/{id}/statements/{statementId}/retraction", operation);
    }

    [Fact]
    public void a_null_where_the_document_allows_null_or_an_object_passes_and_only_the_real_fault_is_named()
    {
        var violations = Check("GET", "/interactions/d0194545-24cf-5816-97ef-51813235b66b", 200, "application/json",
            """{"source":null,"occurred":{"date":"2020-11-05","time":"2:30 pm"}}""");

        Assert.DoesNotContain(violations, v => v.Contains("/source", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("/occurred/time", StringComparison.Ordinal));
    }

    [Fact]
    public void a_status_the_operation_does_not_declare_breaks_it()
    {
        var violation = Assert.Single(Check("GET", "/health/live", 418, "application/problem+json", """{"title":"teapot","status":418}"""));

        Assert.Contains("status 418 is not declared", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void a_media_type_the_status_does_not_declare_breaks_it()
    {
        var violation = Assert.Single(Check("GET", "/relationships/CN-PE/export", 200, "text/html", "<p>CN-PE</p>"));

        Assert.Contains("declares application/json, text/csv", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void a_field_the_document_does_not_describe_breaks_it()
    {
        var violation = Assert.Single(Check("GET", "/health/live", 200, "application/json", """{"status":"ok","database":"ok","uptime":3}"""));

        Assert.Contains("uptime", violation, StringComparison.Ordinal);
    }

    [Fact]
    public void a_missing_required_field_a_wrong_type_and_an_old_enum_spelling_each_break_it()
    {
        var violations = Check("GET", "/users", 200, "application/json",
            """[{"name":"ada","roles":["Admin"],"clearance":"TOP SECRET","hasPassword":"no"}]""");

        Assert.Contains(violations, v => v.Contains("/0/roles/0", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("/0/clearance", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("/0/hasPassword", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("createdAt", StringComparison.Ordinal));
    }

    [Fact]
    public void a_problem_without_its_status_or_with_a_date_that_is_not_a_date_breaks_it()
    {
        Assert.Contains(Check("POST", "/interactions", 400, "application/problem+json", """{"title":"Bad"}"""),
            v => v.Contains("status", StringComparison.Ordinal));
        Assert.Contains(Check("GET", "/followups", 200, "application/json", """[{"due":"5 Nov 2020"}]"""),
            v => v.Contains("/0/due", StringComparison.Ordinal) && v.Contains("format", StringComparison.Ordinal));
    }

    [Fact]
    public void a_body_that_is_not_json_or_is_missing_breaks_it()
    {
        Assert.Contains(Check("GET", "/me", 200, "application/json", "{not json"), v => v.Contains("not JSON", StringComparison.Ordinal));
        Assert.Contains(Check("GET", "/me", 200, "application/json", ""), v => v.Contains("no body", StringComparison.Ordinal));
    }

    [Fact]
    public void a_path_the_document_does_not_list_is_not_an_operation_and_is_not_checked()
    {
        var (operation, violations) = Contract.Check("GET", "/scalar/v1", 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"));

        Assert.Null(operation);
        Assert.Empty(violations);
    }
}
