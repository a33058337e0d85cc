namespace BioCluster.Contracts.Registry;

/// <summary>What kind of organisation an agency is.</summary>
public enum AgencyKind
{
    Ministry,
    ClusterOperator,
    PublicInstitution,
    LocalGovernment,
    Company,
    University,
    ResearchInstitute,
    Hospital,
    Association,
    Other,
}

/// <summary>The innovation-actor sector (산·학·연·병) of an agency.</summary>
public enum Sector
{
    Industry,
    Academia,
    Research,
    Hospital,
}

/// <summary>Lifecycle of a registry record; archived records stay readable but leave default lists.</summary>
public enum RecordStatus
{
    Active,
    Archived,
}

/// <summary>Lifecycle of a cluster.</summary>
public enum ClusterStatus
{
    Active,
    UnderDevelopment,
    Archived,
}

/// <summary>The 17 first-level administrative divisions of Korea (시·도).</summary>
public enum Region
{
    Seoul,
    Busan,
    Daegu,
    Incheon,
    Gwangju,
    Daejeon,
    Ulsan,
    Sejong,
    Gyeonggi,
    Gangwon,
    Chungbuk,
    Chungnam,
    Jeonbuk,
    Jeonnam,
    Gyeongbuk,
    Gyeongnam,
    Jeju,
}
