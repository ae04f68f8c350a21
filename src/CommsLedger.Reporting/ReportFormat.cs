namespace CommsLedger.Reporting;

public enum ReportFormat
{
    Md,
    Html,
    Csv,
    Json,
    Pdf,
}
