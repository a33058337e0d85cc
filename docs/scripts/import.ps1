<#
.SYNOPSIS
  Imports one file into BioCluster: a dry run first, then the real import. PowerShell 7 or later.

.DESCRIPTION
  The same flow as import.sh:
  1. a dry run; its totals and problems are printed;
  2. if rows were rejected: the rejected rows are saved as <file>.rejected.csv and the script stops with
     exit code 1 (unless -Skip);
  3. the real import, sent with an Idempotency-Key made of the entity, the month (UTC, yyyy-MM), onError
     and the file's SHA-256, so the same file sent again in the same month gets the first answer back
     and imports nothing, while next month's run is a new import.

  Exit codes: 0 imported; 1 rows were rejected (nothing written — or, with -Skip, the good rows were
  written; the rejected rows are in <file>.rejected.csv); 2 usage or HTTP error.

.EXAMPLE
  $env:BIOCLUSTER_URL = 'https://biocluster.example.kr'
  $env:BIOCLUSTER_KEY = 'bck_…'
  pwsh docs/scripts/import.ps1 agencies .\agencies.csv
  pwsh docs/scripts/import.ps1 agencies .\agencies.csv -Skip
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, Position = 0)][ValidateSet('agencies', 'clusters', 'cluster_indicators')][string] $Entity,
    [Parameter(Mandatory, Position = 1)][string] $File,
    [switch] $Skip,
    [ValidateSet('utf-8', 'cp949', 'euc-kr')][string] $Charset,
    # Overrides the month of the Idempotency-Key (yyyy-MM).
    [string] $Month = $env:BIOCLUSTER_MONTH
)

$ErrorActionPreference = 'Stop'

function Fail([string] $Message) {
    [Console]::Error.WriteLine("error: $Message")
    exit 2
}

if ($PSVersionTable.PSVersion.Major -lt 7) { Fail 'PowerShell 7 or later is required (pwsh).' }
if (-not $env:BIOCLUSTER_URL) { Fail 'set BIOCLUSTER_URL (e.g. https://biocluster.example.kr)' }
if (-not $env:BIOCLUSTER_KEY) { Fail 'set BIOCLUSTER_KEY to an API key with the import scope (bck_…)' }
if (-not (Test-Path -LiteralPath $File -PathType Leaf)) { Fail "no readable file '$File'" }
if (-not $Month) { $Month = [DateTime]::UtcNow.ToString('yyyy-MM') }
if ($Month -notmatch '^\d{4}-\d{2}$') { Fail "the month must look like 2026-11, not '$Month'" }

$base = $env:BIOCLUSTER_URL.TrimEnd('/')
$path = (Resolve-Path -LiteralPath $File).ProviderPath
$name = Split-Path -Leaf $path
$rejectedFile = "$path.rejected.csv"
$mode = if ($Skip) { 'skip' } else { 'fail' }
$contentType = switch ([IO.Path]::GetExtension($path).ToLowerInvariant()) {
    '.json' { 'application/json' }
    '.xlsx' { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }
    default { 'text/csv' }
}
$sha256 = (Get-FileHash -LiteralPath $path -Algorithm SHA256).Hash.ToLowerInvariant()
$key = "import-$Entity-$Month-$mode-$sha256"
$auth = @{ 'X-Api-Key' = $env:BIOCLUSTER_KEY }

$query = "onError=$mode&fileName=$([Uri]::EscapeDataString($name))"
if ($Charset) { $query += "&charset=$([Uri]::EscapeDataString($Charset))" }

# Sends the file; answers the status, the parsed JSON body (or $null) and whether it was a replay.
function Send-File([string] $Url, [hashtable] $Headers) {
    try {
        $r = Invoke-WebRequest -Uri $Url -Method Post -InFile $path -ContentType $contentType -Headers $Headers -SkipHttpErrorCheck
    }
    catch {
        Fail "could not reach ${base}: $($_.Exception.Message)"
    }
    $text = [Text.Encoding]::UTF8.GetString($r.RawContentStream.ToArray())
    $json = $null
    if ($text) { try { $json = $text | ConvertFrom-Json } catch { $json = $null } }
    $replayed = $false
    if ($r.Headers.ContainsKey('Idempotent-Replayed')) { $replayed = "$($r.Headers['Idempotent-Replayed'])" -eq 'true' }
    [pscustomobject]@{ Status = [int] $r.StatusCode; Json = $json; Text = $text; Replayed = $replayed }
}

function Get-Report($Answer) {
    if ($Answer.Json -and $Answer.Json.PSObject.Properties['report']) { return $Answer.Json.report }
    $Answer.Json
}

function Write-Report($Report) {
    $t = $Report.totals
    Write-Host "  rows $($t.rows): created $($t.created), updated $($t.updated), unchanged $($t.unchanged), rejected $($t.rejected)"
    foreach ($p in $Report.problems) {
        $where = ''
        if ($p.column) { $where += " [$($p.column)]" }
        if ($p.key) { $where += " $($p.key)" }
        Write-Host "  row $($p.row)${where}: $($p.message) ($($p.code))"
    }
    if ($Report.problemsTruncated) { Write-Host '  … more problems than the answer lists; see the rejected rows file' }
}

function Write-Problem($Answer) {
    [Console]::Error.WriteLine("HTTP $($Answer.Status) from $base")
    if ($Answer.Json) {
        [Console]::Error.WriteLine("  $($Answer.Json.title)")
        if ($Answer.Json.detail -and $Answer.Json.detail -ne $Answer.Json.title) {
            [Console]::Error.WriteLine("  $($Answer.Json.detail)")
        }
    }
    else {
        [Console]::Error.WriteLine($Answer.Text)
    }
}

function Save-Rejected([long] $Id) {
    try {
        Invoke-WebRequest -Uri "$base/api/v1/imports/$Id/rejected-rows.csv" -Headers $auth -OutFile $rejectedFile | Out-Null
        Write-Host "Rejected rows saved to $rejectedFile (fix them and send that file again)."
    }
    catch {
        [Console]::Error.WriteLine("warning: could not download the rejected rows of import ${Id}: $($_.Exception.Message)")
    }
}

Write-Host "Dry run: $Entity <- $File (sha256 $($sha256.Substring(0, 12))…)"
$dry = Send-File "$base/api/v1/imports/${Entity}?dryRun=true&$query" $auth
if ($dry.Status -ne 200 -or -not $dry.Json) { Write-Problem $dry; exit 2 }
$report = Get-Report $dry
Write-Report $report
$rejected = [int] $report.totals.rejected
if ($rejected -gt 0) {
    if (-not $Skip) {
        Save-Rejected $report.id
        Write-Host "Stopped: $rejected row(s) rejected, nothing imported. Fix them, or run again with -Skip to import the good rows."
        exit 1
    }
    if ($rejected -eq [int] $report.totals.rows) {
        Save-Rejected $report.id
        Write-Host 'Stopped: every row was rejected, nothing to import.'
        exit 1
    }
}

Write-Host "Import: $Entity <- $File (Idempotency-Key $key)"
$real = Send-File "$base/api/v1/imports/${Entity}?$query" ($auth + @{ 'Idempotency-Key' = $key })
if ($real.Replayed) { Write-Host '  (replayed: this file was already sent this month; nothing ran again — the first answer follows)' }
$report = Get-Report $real
if ($real.Status -eq 200 -and $report) {
    Write-Report $report
    $rejected = [int] $report.totals.rejected
    if ($rejected -gt 0) {
        Save-Rejected $report.id
        Write-Host "Imported the good rows; $rejected row(s) rejected."
        exit 1
    }
    Write-Host 'Done.'
    exit 0
}
if ($real.Status -eq 422 -and $real.Json -and $real.Json.PSObject.Properties['report']) {
    Write-Report $report
    Save-Rejected $report.id
    Write-Host "Rejected: $($report.totals.rejected) row(s); nothing imported."
    exit 1
}
Write-Problem $real
exit 2
