// Generated from client.ts by contracts/named-parameters.mjs on every build. Never edit by hand.
// Each operation with optional parameters, called with its parameters by name.
/* eslint-disable */
import type * as C from './client';

export interface ListActorsParameters {
  sort?: Parameters<C.ActorsClient['listActors']>[0];
  limit?: Parameters<C.ActorsClient['listActors']>[1];
  cursor?: Parameters<C.ActorsClient['listActors']>[2];
  sector?: Parameters<C.ActorsClient['listActors']>[3];
  region?: Parameters<C.ActorsClient['listActors']>[4];
  kind?: Parameters<C.ActorsClient['listActors']>[5];
  specialization?: Parameters<C.ActorsClient['listActors']>[6];
  clusterCode?: Parameters<C.ActorsClient['listActors']>[7];
  q?: Parameters<C.ActorsClient['listActors']>[8];
}
export function listActors(client: C.ActorsClient, parameters: ListActorsParameters = {}): ReturnType<C.ActorsClient['listActors']> {
  return client.listActors(parameters.sort, parameters.limit, parameters.cursor, parameters.sector, parameters.region, parameters.kind, parameters.specialization, parameters.clusterCode, parameters.q);
}

export interface CountActorsBySectorParameters {
  clusterCode?: Parameters<C.ActorsClient['countActorsBySector']>[0];
}
export function countActorsBySector(client: C.ActorsClient, parameters: CountActorsBySectorParameters = {}): ReturnType<C.ActorsClient['countActorsBySector']> {
  return client.countActorsBySector(parameters.clusterCode);
}

export interface ExportActorsParameters {
  sector?: Parameters<C.ActorsClient['exportActors']>[0];
  region?: Parameters<C.ActorsClient['exportActors']>[1];
  kind?: Parameters<C.ActorsClient['exportActors']>[2];
  specialization?: Parameters<C.ActorsClient['exportActors']>[3];
  clusterCode?: Parameters<C.ActorsClient['exportActors']>[4];
  q?: Parameters<C.ActorsClient['exportActors']>[5];
  lang?: Parameters<C.ActorsClient['exportActors']>[6];
}
export function exportActors(client: C.ActorsClient, parameters: ExportActorsParameters = {}): ReturnType<C.ActorsClient['exportActors']> {
  return client.exportActors(parameters.sector, parameters.region, parameters.kind, parameters.specialization, parameters.clusterCode, parameters.q, parameters.lang);
}

export interface ExportActorsXlsxParameters {
  sector?: Parameters<C.ActorsClient['exportActorsXlsx']>[0];
  region?: Parameters<C.ActorsClient['exportActorsXlsx']>[1];
  kind?: Parameters<C.ActorsClient['exportActorsXlsx']>[2];
  specialization?: Parameters<C.ActorsClient['exportActorsXlsx']>[3];
  clusterCode?: Parameters<C.ActorsClient['exportActorsXlsx']>[4];
  q?: Parameters<C.ActorsClient['exportActorsXlsx']>[5];
  lang?: Parameters<C.ActorsClient['exportActorsXlsx']>[6];
}
export function exportActorsXlsx(client: C.ActorsClient, parameters: ExportActorsXlsxParameters = {}): ReturnType<C.ActorsClient['exportActorsXlsx']> {
  return client.exportActorsXlsx(parameters.sector, parameters.region, parameters.kind, parameters.specialization, parameters.clusterCode, parameters.q, parameters.lang);
}

export interface ListAgenciesParameters {
  sort?: Parameters<C.AgenciesClient['listAgencies']>[0];
  limit?: Parameters<C.AgenciesClient['listAgencies']>[1];
  cursor?: Parameters<C.AgenciesClient['listAgencies']>[2];
  kind?: Parameters<C.AgenciesClient['listAgencies']>[3];
  sector?: Parameters<C.AgenciesClient['listAgencies']>[4];
  status?: Parameters<C.AgenciesClient['listAgencies']>[5];
  q?: Parameters<C.AgenciesClient['listAgencies']>[6];
  clusterCode?: Parameters<C.AgenciesClient['listAgencies']>[7];
}
export function listAgencies(client: C.AgenciesClient, parameters: ListAgenciesParameters = {}): ReturnType<C.AgenciesClient['listAgencies']> {
  return client.listAgencies(parameters.sort, parameters.limit, parameters.cursor, parameters.kind, parameters.sector, parameters.status, parameters.q, parameters.clusterCode);
}

export interface CreateAgencyParameters {
  body: Parameters<C.AgenciesClient['createAgency']>[0];
  idempotency_Key?: Parameters<C.AgenciesClient['createAgency']>[1];
}
export function createAgency(client: C.AgenciesClient, parameters: CreateAgencyParameters): ReturnType<C.AgenciesClient['createAgency']> {
  return client.createAgency(parameters.body, parameters.idempotency_Key);
}

export interface ExportAgenciesParameters {
  kind?: Parameters<C.AgenciesClient['exportAgencies']>[0];
  sector?: Parameters<C.AgenciesClient['exportAgencies']>[1];
  status?: Parameters<C.AgenciesClient['exportAgencies']>[2];
  q?: Parameters<C.AgenciesClient['exportAgencies']>[3];
  clusterCode?: Parameters<C.AgenciesClient['exportAgencies']>[4];
  lang?: Parameters<C.AgenciesClient['exportAgencies']>[5];
}
export function exportAgencies(client: C.AgenciesClient, parameters: ExportAgenciesParameters = {}): ReturnType<C.AgenciesClient['exportAgencies']> {
  return client.exportAgencies(parameters.kind, parameters.sector, parameters.status, parameters.q, parameters.clusterCode, parameters.lang);
}

export interface ExportAgenciesXlsxParameters {
  kind?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[0];
  sector?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[1];
  status?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[2];
  q?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[3];
  clusterCode?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[4];
  lang?: Parameters<C.AgenciesClient['exportAgenciesXlsx']>[5];
}
export function exportAgenciesXlsx(client: C.AgenciesClient, parameters: ExportAgenciesXlsxParameters = {}): ReturnType<C.AgenciesClient['exportAgenciesXlsx']> {
  return client.exportAgenciesXlsx(parameters.kind, parameters.sector, parameters.status, parameters.q, parameters.clusterCode, parameters.lang);
}

export interface GetAgencyHistoryParameters {
  id: Parameters<C.AgenciesClient['getAgencyHistory']>[0];
  limit?: Parameters<C.AgenciesClient['getAgencyHistory']>[1];
  cursor?: Parameters<C.AgenciesClient['getAgencyHistory']>[2];
}
export function getAgencyHistory(client: C.AgenciesClient, parameters: GetAgencyHistoryParameters): ReturnType<C.AgenciesClient['getAgencyHistory']> {
  return client.getAgencyHistory(parameters.id, parameters.limit, parameters.cursor);
}

export interface ListApiKeysParameters {
  limit?: Parameters<C.ApiKeysClient['listApiKeys']>[0];
  cursor?: Parameters<C.ApiKeysClient['listApiKeys']>[1];
}
export function listApiKeys(client: C.ApiKeysClient, parameters: ListApiKeysParameters = {}): ReturnType<C.ApiKeysClient['listApiKeys']> {
  return client.listApiKeys(parameters.limit, parameters.cursor);
}

export interface GetApiKeyHistoryParameters {
  id: Parameters<C.ApiKeysClient['getApiKeyHistory']>[0];
  limit?: Parameters<C.ApiKeysClient['getApiKeyHistory']>[1];
  cursor?: Parameters<C.ApiKeysClient['getApiKeyHistory']>[2];
}
export function getApiKeyHistory(client: C.ApiKeysClient, parameters: GetApiKeyHistoryParameters): ReturnType<C.ApiKeysClient['getApiKeyHistory']> {
  return client.getApiKeyHistory(parameters.id, parameters.limit, parameters.cursor);
}

export interface ListAuditEntriesParameters {
  limit?: Parameters<C.AuditClient['listAuditEntries']>[0];
  cursor?: Parameters<C.AuditClient['listAuditEntries']>[1];
  summarise?: Parameters<C.AuditClient['listAuditEntries']>[2];
  entityType?: Parameters<C.AuditClient['listAuditEntries']>[3];
  entityId?: Parameters<C.AuditClient['listAuditEntries']>[4];
  actorType?: Parameters<C.AuditClient['listAuditEntries']>[5];
  actorId?: Parameters<C.AuditClient['listAuditEntries']>[6];
  from?: Parameters<C.AuditClient['listAuditEntries']>[7];
  to?: Parameters<C.AuditClient['listAuditEntries']>[8];
  importRunId?: Parameters<C.AuditClient['listAuditEntries']>[9];
}
export function listAuditEntries(client: C.AuditClient, parameters: ListAuditEntriesParameters = {}): ReturnType<C.AuditClient['listAuditEntries']> {
  return client.listAuditEntries(parameters.limit, parameters.cursor, parameters.summarise, parameters.entityType, parameters.entityId, parameters.actorType, parameters.actorId, parameters.from, parameters.to, parameters.importRunId);
}

export interface ExportAuditEntriesParameters {
  entityType?: Parameters<C.AuditClient['exportAuditEntries']>[0];
  entityId?: Parameters<C.AuditClient['exportAuditEntries']>[1];
  actorType?: Parameters<C.AuditClient['exportAuditEntries']>[2];
  actorId?: Parameters<C.AuditClient['exportAuditEntries']>[3];
  from?: Parameters<C.AuditClient['exportAuditEntries']>[4];
  to?: Parameters<C.AuditClient['exportAuditEntries']>[5];
  importRunId?: Parameters<C.AuditClient['exportAuditEntries']>[6];
  lang?: Parameters<C.AuditClient['exportAuditEntries']>[7];
}
export function exportAuditEntries(client: C.AuditClient, parameters: ExportAuditEntriesParameters = {}): ReturnType<C.AuditClient['exportAuditEntries']> {
  return client.exportAuditEntries(parameters.entityType, parameters.entityId, parameters.actorType, parameters.actorId, parameters.from, parameters.to, parameters.importRunId, parameters.lang);
}

export interface ExportAuditEntriesXlsxParameters {
  entityType?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[0];
  entityId?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[1];
  actorType?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[2];
  actorId?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[3];
  from?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[4];
  to?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[5];
  importRunId?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[6];
  lang?: Parameters<C.AuditClient['exportAuditEntriesXlsx']>[7];
}
export function exportAuditEntriesXlsx(client: C.AuditClient, parameters: ExportAuditEntriesXlsxParameters = {}): ReturnType<C.AuditClient['exportAuditEntriesXlsx']> {
  return client.exportAuditEntriesXlsx(parameters.entityType, parameters.entityId, parameters.actorType, parameters.actorId, parameters.from, parameters.to, parameters.importRunId, parameters.lang);
}

export interface ListCalendarFeedsParameters {
  limit?: Parameters<C.CalendarFeedsClient['listCalendarFeeds']>[0];
  cursor?: Parameters<C.CalendarFeedsClient['listCalendarFeeds']>[1];
}
export function listCalendarFeeds(client: C.CalendarFeedsClient, parameters: ListCalendarFeedsParameters = {}): ReturnType<C.CalendarFeedsClient['listCalendarFeeds']> {
  return client.listCalendarFeeds(parameters.limit, parameters.cursor);
}

export interface ListClusterIndicatorsParameters {
  sort?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[0];
  limit?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[1];
  cursor?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[2];
  clusterCode?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[3];
  yearFrom?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[4];
  yearTo?: Parameters<C.ClusterIndicatorsClient['listClusterIndicators']>[5];
}
export function listClusterIndicators(client: C.ClusterIndicatorsClient, parameters: ListClusterIndicatorsParameters = {}): ReturnType<C.ClusterIndicatorsClient['listClusterIndicators']> {
  return client.listClusterIndicators(parameters.sort, parameters.limit, parameters.cursor, parameters.clusterCode, parameters.yearFrom, parameters.yearTo);
}

export interface ExportClusterIndicatorsParameters {
  clusterCode?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicators']>[0];
  yearFrom?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicators']>[1];
  yearTo?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicators']>[2];
  lang?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicators']>[3];
}
export function exportClusterIndicators(client: C.ClusterIndicatorsClient, parameters: ExportClusterIndicatorsParameters = {}): ReturnType<C.ClusterIndicatorsClient['exportClusterIndicators']> {
  return client.exportClusterIndicators(parameters.clusterCode, parameters.yearFrom, parameters.yearTo, parameters.lang);
}

export interface ExportClusterIndicatorsXlsxParameters {
  clusterCode?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicatorsXlsx']>[0];
  yearFrom?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicatorsXlsx']>[1];
  yearTo?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicatorsXlsx']>[2];
  lang?: Parameters<C.ClusterIndicatorsClient['exportClusterIndicatorsXlsx']>[3];
}
export function exportClusterIndicatorsXlsx(client: C.ClusterIndicatorsClient, parameters: ExportClusterIndicatorsXlsxParameters = {}): ReturnType<C.ClusterIndicatorsClient['exportClusterIndicatorsXlsx']> {
  return client.exportClusterIndicatorsXlsx(parameters.clusterCode, parameters.yearFrom, parameters.yearTo, parameters.lang);
}

export interface PutClusterIndicatorParameters {
  id: Parameters<C.ClusterIndicatorsClient['putClusterIndicator']>[0];
  year: Parameters<C.ClusterIndicatorsClient['putClusterIndicator']>[1];
  body: Parameters<C.ClusterIndicatorsClient['putClusterIndicator']>[2];
  if_Match?: Parameters<C.ClusterIndicatorsClient['putClusterIndicator']>[3];
}
export function putClusterIndicator(client: C.ClusterIndicatorsClient, parameters: PutClusterIndicatorParameters): ReturnType<C.ClusterIndicatorsClient['putClusterIndicator']> {
  return client.putClusterIndicator(parameters.id, parameters.year, parameters.body, parameters.if_Match);
}

export interface GetClusterIndicatorHistoryParameters {
  id: Parameters<C.ClusterIndicatorsClient['getClusterIndicatorHistory']>[0];
  year: Parameters<C.ClusterIndicatorsClient['getClusterIndicatorHistory']>[1];
  limit?: Parameters<C.ClusterIndicatorsClient['getClusterIndicatorHistory']>[2];
  cursor?: Parameters<C.ClusterIndicatorsClient['getClusterIndicatorHistory']>[3];
}
export function getClusterIndicatorHistory(client: C.ClusterIndicatorsClient, parameters: GetClusterIndicatorHistoryParameters): ReturnType<C.ClusterIndicatorsClient['getClusterIndicatorHistory']> {
  return client.getClusterIndicatorHistory(parameters.id, parameters.year, parameters.limit, parameters.cursor);
}

export interface GetClusterTimelineParameters {
  id: Parameters<C.ClusterProfileClient['getClusterTimeline']>[0];
  kinds?: Parameters<C.ClusterProfileClient['getClusterTimeline']>[1];
  limit?: Parameters<C.ClusterProfileClient['getClusterTimeline']>[2];
  cursor?: Parameters<C.ClusterProfileClient['getClusterTimeline']>[3];
}
export function getClusterTimeline(client: C.ClusterProfileClient, parameters: GetClusterTimelineParameters): ReturnType<C.ClusterProfileClient['getClusterTimeline']> {
  return client.getClusterTimeline(parameters.id, parameters.kinds, parameters.limit, parameters.cursor);
}

export interface CompareClusterIndicatorParameters {
  indicator?: Parameters<C.ClusterProfileClient['compareClusterIndicator']>[0];
  yearFrom?: Parameters<C.ClusterProfileClient['compareClusterIndicator']>[1];
  yearTo?: Parameters<C.ClusterProfileClient['compareClusterIndicator']>[2];
  clusterCode?: Parameters<C.ClusterProfileClient['compareClusterIndicator']>[3];
}
export function compareClusterIndicator(client: C.ClusterProfileClient, parameters: CompareClusterIndicatorParameters = {}): ReturnType<C.ClusterProfileClient['compareClusterIndicator']> {
  return client.compareClusterIndicator(parameters.indicator, parameters.yearFrom, parameters.yearTo, parameters.clusterCode);
}

export interface ListClustersParameters {
  sort?: Parameters<C.ClustersClient['listClusters']>[0];
  limit?: Parameters<C.ClustersClient['listClusters']>[1];
  cursor?: Parameters<C.ClustersClient['listClusters']>[2];
  region?: Parameters<C.ClustersClient['listClusters']>[3];
  operatorCode?: Parameters<C.ClustersClient['listClusters']>[4];
  status?: Parameters<C.ClustersClient['listClusters']>[5];
  q?: Parameters<C.ClustersClient['listClusters']>[6];
}
export function listClusters(client: C.ClustersClient, parameters: ListClustersParameters = {}): ReturnType<C.ClustersClient['listClusters']> {
  return client.listClusters(parameters.sort, parameters.limit, parameters.cursor, parameters.region, parameters.operatorCode, parameters.status, parameters.q);
}

export interface CreateClusterParameters {
  body: Parameters<C.ClustersClient['createCluster']>[0];
  idempotency_Key?: Parameters<C.ClustersClient['createCluster']>[1];
}
export function createCluster(client: C.ClustersClient, parameters: CreateClusterParameters): ReturnType<C.ClustersClient['createCluster']> {
  return client.createCluster(parameters.body, parameters.idempotency_Key);
}

export interface ExportClustersParameters {
  region?: Parameters<C.ClustersClient['exportClusters']>[0];
  operatorCode?: Parameters<C.ClustersClient['exportClusters']>[1];
  status?: Parameters<C.ClustersClient['exportClusters']>[2];
  q?: Parameters<C.ClustersClient['exportClusters']>[3];
  lang?: Parameters<C.ClustersClient['exportClusters']>[4];
}
export function exportClusters(client: C.ClustersClient, parameters: ExportClustersParameters = {}): ReturnType<C.ClustersClient['exportClusters']> {
  return client.exportClusters(parameters.region, parameters.operatorCode, parameters.status, parameters.q, parameters.lang);
}

export interface ExportClustersXlsxParameters {
  region?: Parameters<C.ClustersClient['exportClustersXlsx']>[0];
  operatorCode?: Parameters<C.ClustersClient['exportClustersXlsx']>[1];
  status?: Parameters<C.ClustersClient['exportClustersXlsx']>[2];
  q?: Parameters<C.ClustersClient['exportClustersXlsx']>[3];
  lang?: Parameters<C.ClustersClient['exportClustersXlsx']>[4];
}
export function exportClustersXlsx(client: C.ClustersClient, parameters: ExportClustersXlsxParameters = {}): ReturnType<C.ClustersClient['exportClustersXlsx']> {
  return client.exportClustersXlsx(parameters.region, parameters.operatorCode, parameters.status, parameters.q, parameters.lang);
}

export interface GetClusterHistoryParameters {
  id: Parameters<C.ClustersClient['getClusterHistory']>[0];
  limit?: Parameters<C.ClustersClient['getClusterHistory']>[1];
  cursor?: Parameters<C.ClustersClient['getClusterHistory']>[2];
}
export function getClusterHistory(client: C.ClustersClient, parameters: GetClusterHistoryParameters): ReturnType<C.ClustersClient['getClusterHistory']> {
  return client.getClusterHistory(parameters.id, parameters.limit, parameters.cursor);
}

export interface ListCollaborationProjectsParameters {
  sort?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[0];
  limit?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[1];
  cursor?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[2];
  state?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[3];
  clusterId?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[4];
  clusterCode?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[5];
  agencyCode?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[6];
  q?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[7];
  meetingId?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[8];
  agendaItemId?: Parameters<C.CollaborationProjectsClient['listCollaborationProjects']>[9];
}
export function listCollaborationProjects(client: C.CollaborationProjectsClient, parameters: ListCollaborationProjectsParameters = {}): ReturnType<C.CollaborationProjectsClient['listCollaborationProjects']> {
  return client.listCollaborationProjects(parameters.sort, parameters.limit, parameters.cursor, parameters.state, parameters.clusterId, parameters.clusterCode, parameters.agencyCode, parameters.q, parameters.meetingId, parameters.agendaItemId);
}

export interface CreateCollaborationProjectParameters {
  body: Parameters<C.CollaborationProjectsClient['createCollaborationProject']>[0];
  idempotency_Key?: Parameters<C.CollaborationProjectsClient['createCollaborationProject']>[1];
}
export function createCollaborationProject(client: C.CollaborationProjectsClient, parameters: CreateCollaborationProjectParameters): ReturnType<C.CollaborationProjectsClient['createCollaborationProject']> {
  return client.createCollaborationProject(parameters.body, parameters.idempotency_Key);
}

export interface ExportCollaborationProjectsParameters {
  state?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[0];
  clusterId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[1];
  clusterCode?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[2];
  agencyCode?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[3];
  q?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[4];
  meetingId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[5];
  agendaItemId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[6];
  lang?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjects']>[7];
}
export function exportCollaborationProjects(client: C.CollaborationProjectsClient, parameters: ExportCollaborationProjectsParameters = {}): ReturnType<C.CollaborationProjectsClient['exportCollaborationProjects']> {
  return client.exportCollaborationProjects(parameters.state, parameters.clusterId, parameters.clusterCode, parameters.agencyCode, parameters.q, parameters.meetingId, parameters.agendaItemId, parameters.lang);
}

export interface ExportCollaborationProjectsXlsxParameters {
  state?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[0];
  clusterId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[1];
  clusterCode?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[2];
  agencyCode?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[3];
  q?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[4];
  meetingId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[5];
  agendaItemId?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[6];
  lang?: Parameters<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']>[7];
}
export function exportCollaborationProjectsXlsx(client: C.CollaborationProjectsClient, parameters: ExportCollaborationProjectsXlsxParameters = {}): ReturnType<C.CollaborationProjectsClient['exportCollaborationProjectsXlsx']> {
  return client.exportCollaborationProjectsXlsx(parameters.state, parameters.clusterId, parameters.clusterCode, parameters.agencyCode, parameters.q, parameters.meetingId, parameters.agendaItemId, parameters.lang);
}

export interface GetCollaborationProjectHistoryParameters {
  id: Parameters<C.CollaborationProjectsClient['getCollaborationProjectHistory']>[0];
  limit?: Parameters<C.CollaborationProjectsClient['getCollaborationProjectHistory']>[1];
  cursor?: Parameters<C.CollaborationProjectsClient['getCollaborationProjectHistory']>[2];
}
export function getCollaborationProjectHistory(client: C.CollaborationProjectsClient, parameters: GetCollaborationProjectHistoryParameters): ReturnType<C.CollaborationProjectsClient['getCollaborationProjectHistory']> {
  return client.getCollaborationProjectHistory(parameters.id, parameters.limit, parameters.cursor);
}

export interface ListCouncilSeatsParameters {
  bodyCode?: Parameters<C.CouncilClient['listCouncilSeats']>[0];
  includeEnded?: Parameters<C.CouncilClient['listCouncilSeats']>[1];
}
export function listCouncilSeats(client: C.CouncilClient, parameters: ListCouncilSeatsParameters = {}): ReturnType<C.CouncilClient['listCouncilSeats']> {
  return client.listCouncilSeats(parameters.bodyCode, parameters.includeEnded);
}

export interface ExportCouncilBodiesParameters {
  lang?: Parameters<C.CouncilClient['exportCouncilBodies']>[0];
}
export function exportCouncilBodies(client: C.CouncilClient, parameters: ExportCouncilBodiesParameters = {}): ReturnType<C.CouncilClient['exportCouncilBodies']> {
  return client.exportCouncilBodies(parameters.lang);
}

export interface ExportCouncilSeatsParameters {
  bodyCode?: Parameters<C.CouncilClient['exportCouncilSeats']>[0];
  includeEnded?: Parameters<C.CouncilClient['exportCouncilSeats']>[1];
  lang?: Parameters<C.CouncilClient['exportCouncilSeats']>[2];
}
export function exportCouncilSeats(client: C.CouncilClient, parameters: ExportCouncilSeatsParameters = {}): ReturnType<C.CouncilClient['exportCouncilSeats']> {
  return client.exportCouncilSeats(parameters.bodyCode, parameters.includeEnded, parameters.lang);
}

export interface ExportCouncilSeatsXlsxParameters {
  bodyCode?: Parameters<C.CouncilClient['exportCouncilSeatsXlsx']>[0];
  includeEnded?: Parameters<C.CouncilClient['exportCouncilSeatsXlsx']>[1];
  lang?: Parameters<C.CouncilClient['exportCouncilSeatsXlsx']>[2];
}
export function exportCouncilSeatsXlsx(client: C.CouncilClient, parameters: ExportCouncilSeatsXlsxParameters = {}): ReturnType<C.CouncilClient['exportCouncilSeatsXlsx']> {
  return client.exportCouncilSeatsXlsx(parameters.bodyCode, parameters.includeEnded, parameters.lang);
}

export interface ExportTermsEndingParameters {
  days?: Parameters<C.CouncilClient['exportTermsEnding']>[0];
  lang?: Parameters<C.CouncilClient['exportTermsEnding']>[1];
}
export function exportTermsEnding(client: C.CouncilClient, parameters: ExportTermsEndingParameters = {}): ReturnType<C.CouncilClient['exportTermsEnding']> {
  return client.exportTermsEnding(parameters.days, parameters.lang);
}

export interface ListTermsEndingParameters {
  days?: Parameters<C.CouncilClient['listTermsEnding']>[0];
}
export function listTermsEnding(client: C.CouncilClient, parameters: ListTermsEndingParameters = {}): ReturnType<C.CouncilClient['listTermsEnding']> {
  return client.listTermsEnding(parameters.days);
}

export interface ListRegulatoryIssueDocumentsParameters {
  id: Parameters<C.DocumentsClient['listRegulatoryIssueDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listRegulatoryIssueDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listRegulatoryIssueDocuments']>[2];
}
export function listRegulatoryIssueDocuments(client: C.DocumentsClient, parameters: ListRegulatoryIssueDocumentsParameters): ReturnType<C.DocumentsClient['listRegulatoryIssueDocuments']> {
  return client.listRegulatoryIssueDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachRegulatoryIssueDocumentParameters {
  id: Parameters<C.DocumentsClient['attachRegulatoryIssueDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachRegulatoryIssueDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachRegulatoryIssueDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachRegulatoryIssueDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachRegulatoryIssueDocument']>[4];
}
export function attachRegulatoryIssueDocument(client: C.DocumentsClient, parameters: AttachRegulatoryIssueDocumentParameters): ReturnType<C.DocumentsClient['attachRegulatoryIssueDocument']> {
  return client.attachRegulatoryIssueDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListMeetingDocumentsParameters {
  id: Parameters<C.DocumentsClient['listMeetingDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listMeetingDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listMeetingDocuments']>[2];
}
export function listMeetingDocuments(client: C.DocumentsClient, parameters: ListMeetingDocumentsParameters): ReturnType<C.DocumentsClient['listMeetingDocuments']> {
  return client.listMeetingDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachMeetingDocumentParameters {
  id: Parameters<C.DocumentsClient['attachMeetingDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachMeetingDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachMeetingDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachMeetingDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachMeetingDocument']>[4];
}
export function attachMeetingDocument(client: C.DocumentsClient, parameters: AttachMeetingDocumentParameters): ReturnType<C.DocumentsClient['attachMeetingDocument']> {
  return client.attachMeetingDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListFollowUpDocumentsParameters {
  id: Parameters<C.DocumentsClient['listFollowUpDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listFollowUpDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listFollowUpDocuments']>[2];
}
export function listFollowUpDocuments(client: C.DocumentsClient, parameters: ListFollowUpDocumentsParameters): ReturnType<C.DocumentsClient['listFollowUpDocuments']> {
  return client.listFollowUpDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachFollowUpDocumentParameters {
  id: Parameters<C.DocumentsClient['attachFollowUpDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachFollowUpDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachFollowUpDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachFollowUpDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachFollowUpDocument']>[4];
}
export function attachFollowUpDocument(client: C.DocumentsClient, parameters: AttachFollowUpDocumentParameters): ReturnType<C.DocumentsClient['attachFollowUpDocument']> {
  return client.attachFollowUpDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListAgendaItemDocumentsParameters {
  id: Parameters<C.DocumentsClient['listAgendaItemDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listAgendaItemDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listAgendaItemDocuments']>[2];
}
export function listAgendaItemDocuments(client: C.DocumentsClient, parameters: ListAgendaItemDocumentsParameters): ReturnType<C.DocumentsClient['listAgendaItemDocuments']> {
  return client.listAgendaItemDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachAgendaItemDocumentParameters {
  id: Parameters<C.DocumentsClient['attachAgendaItemDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachAgendaItemDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachAgendaItemDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachAgendaItemDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachAgendaItemDocument']>[4];
}
export function attachAgendaItemDocument(client: C.DocumentsClient, parameters: AttachAgendaItemDocumentParameters): ReturnType<C.DocumentsClient['attachAgendaItemDocument']> {
  return client.attachAgendaItemDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListMinutesDocumentsParameters {
  id: Parameters<C.DocumentsClient['listMinutesDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listMinutesDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listMinutesDocuments']>[2];
}
export function listMinutesDocuments(client: C.DocumentsClient, parameters: ListMinutesDocumentsParameters): ReturnType<C.DocumentsClient['listMinutesDocuments']> {
  return client.listMinutesDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachMinutesDocumentParameters {
  id: Parameters<C.DocumentsClient['attachMinutesDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachMinutesDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachMinutesDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachMinutesDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachMinutesDocument']>[4];
}
export function attachMinutesDocument(client: C.DocumentsClient, parameters: AttachMinutesDocumentParameters): ReturnType<C.DocumentsClient['attachMinutesDocument']> {
  return client.attachMinutesDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListCollaborationProjectDocumentsParameters {
  id: Parameters<C.DocumentsClient['listCollaborationProjectDocuments']>[0];
  limit?: Parameters<C.DocumentsClient['listCollaborationProjectDocuments']>[1];
  cursor?: Parameters<C.DocumentsClient['listCollaborationProjectDocuments']>[2];
}
export function listCollaborationProjectDocuments(client: C.DocumentsClient, parameters: ListCollaborationProjectDocumentsParameters): ReturnType<C.DocumentsClient['listCollaborationProjectDocuments']> {
  return client.listCollaborationProjectDocuments(parameters.id, parameters.limit, parameters.cursor);
}

export interface AttachCollaborationProjectDocumentParameters {
  id: Parameters<C.DocumentsClient['attachCollaborationProjectDocument']>[0];
  idempotency_Key?: Parameters<C.DocumentsClient['attachCollaborationProjectDocument']>[1];
  file?: Parameters<C.DocumentsClient['attachCollaborationProjectDocument']>[2];
  title?: Parameters<C.DocumentsClient['attachCollaborationProjectDocument']>[3];
  description?: Parameters<C.DocumentsClient['attachCollaborationProjectDocument']>[4];
}
export function attachCollaborationProjectDocument(client: C.DocumentsClient, parameters: AttachCollaborationProjectDocumentParameters): ReturnType<C.DocumentsClient['attachCollaborationProjectDocument']> {
  return client.attachCollaborationProjectDocument(parameters.id, parameters.idempotency_Key, parameters.file, parameters.title, parameters.description);
}

export interface ListFollowUpsParameters {
  sort?: Parameters<C.FollowUpsClient['listFollowUps']>[0];
  limit?: Parameters<C.FollowUpsClient['listFollowUps']>[1];
  cursor?: Parameters<C.FollowUpsClient['listFollowUps']>[2];
  ownerCode?: Parameters<C.FollowUpsClient['listFollowUps']>[3];
  meetingId?: Parameters<C.FollowUpsClient['listFollowUps']>[4];
  state?: Parameters<C.FollowUpsClient['listFollowUps']>[5];
  overdue?: Parameters<C.FollowUpsClient['listFollowUps']>[6];
}
export function listFollowUps(client: C.FollowUpsClient, parameters: ListFollowUpsParameters = {}): ReturnType<C.FollowUpsClient['listFollowUps']> {
  return client.listFollowUps(parameters.sort, parameters.limit, parameters.cursor, parameters.ownerCode, parameters.meetingId, parameters.state, parameters.overdue);
}

export interface ExportFollowUpsParameters {
  ownerCode?: Parameters<C.FollowUpsClient['exportFollowUps']>[0];
  meetingId?: Parameters<C.FollowUpsClient['exportFollowUps']>[1];
  state?: Parameters<C.FollowUpsClient['exportFollowUps']>[2];
  overdue?: Parameters<C.FollowUpsClient['exportFollowUps']>[3];
  lang?: Parameters<C.FollowUpsClient['exportFollowUps']>[4];
}
export function exportFollowUps(client: C.FollowUpsClient, parameters: ExportFollowUpsParameters = {}): ReturnType<C.FollowUpsClient['exportFollowUps']> {
  return client.exportFollowUps(parameters.ownerCode, parameters.meetingId, parameters.state, parameters.overdue, parameters.lang);
}

export interface ExportFollowUpsXlsxParameters {
  ownerCode?: Parameters<C.FollowUpsClient['exportFollowUpsXlsx']>[0];
  meetingId?: Parameters<C.FollowUpsClient['exportFollowUpsXlsx']>[1];
  state?: Parameters<C.FollowUpsClient['exportFollowUpsXlsx']>[2];
  overdue?: Parameters<C.FollowUpsClient['exportFollowUpsXlsx']>[3];
  lang?: Parameters<C.FollowUpsClient['exportFollowUpsXlsx']>[4];
}
export function exportFollowUpsXlsx(client: C.FollowUpsClient, parameters: ExportFollowUpsXlsxParameters = {}): ReturnType<C.FollowUpsClient['exportFollowUpsXlsx']> {
  return client.exportFollowUpsXlsx(parameters.ownerCode, parameters.meetingId, parameters.state, parameters.overdue, parameters.lang);
}

export interface ListHolidaysParameters {
  year?: Parameters<C.HolidaysClient['listHolidays']>[0];
  sort?: Parameters<C.HolidaysClient['listHolidays']>[1];
  limit?: Parameters<C.HolidaysClient['listHolidays']>[2];
  cursor?: Parameters<C.HolidaysClient['listHolidays']>[3];
}
export function listHolidays(client: C.HolidaysClient, parameters: ListHolidaysParameters = {}): ReturnType<C.HolidaysClient['listHolidays']> {
  return client.listHolidays(parameters.year, parameters.sort, parameters.limit, parameters.cursor);
}

export interface GetHomeParameters {
  items?: Parameters<C.HomeClient['getHome']>[0];
}
export function getHome(client: C.HomeClient, parameters: GetHomeParameters = {}): ReturnType<C.HomeClient['getHome']> {
  return client.getHome(parameters.items);
}

export interface RunImportParameters {
  entity: Parameters<C.ImportsClient['runImport']>[0];
  body: Parameters<C.ImportsClient['runImport']>[1];
  dryRun?: Parameters<C.ImportsClient['runImport']>[2];
  onError?: Parameters<C.ImportsClient['runImport']>[3];
  charset?: Parameters<C.ImportsClient['runImport']>[4];
  fileName?: Parameters<C.ImportsClient['runImport']>[5];
}
export function runImport(client: C.ImportsClient, parameters: RunImportParameters): ReturnType<C.ImportsClient['runImport']> {
  return client.runImport(parameters.entity, parameters.body, parameters.dryRun, parameters.onError, parameters.charset, parameters.fileName);
}

export interface ListImportsParameters {
  entity?: Parameters<C.ImportsClient['listImports']>[0];
  limit?: Parameters<C.ImportsClient['listImports']>[1];
  cursor?: Parameters<C.ImportsClient['listImports']>[2];
}
export function listImports(client: C.ImportsClient, parameters: ListImportsParameters = {}): ReturnType<C.ImportsClient['listImports']> {
  return client.listImports(parameters.entity, parameters.limit, parameters.cursor);
}

export interface DownloadRejectedRowsParameters {
  id: Parameters<C.ImportsClient['downloadRejectedRows']>[0];
  lang?: Parameters<C.ImportsClient['downloadRejectedRows']>[1];
}
export function downloadRejectedRows(client: C.ImportsClient, parameters: DownloadRejectedRowsParameters): ReturnType<C.ImportsClient['downloadRejectedRows']> {
  return client.downloadRejectedRows(parameters.id, parameters.lang);
}

export interface DownloadImportTemplateParameters {
  entity: Parameters<C.ImportsClient['downloadImportTemplate']>[0];
  lang?: Parameters<C.ImportsClient['downloadImportTemplate']>[1];
}
export function downloadImportTemplate(client: C.ImportsClient, parameters: DownloadImportTemplateParameters): ReturnType<C.ImportsClient['downloadImportTemplate']> {
  return client.downloadImportTemplate(parameters.entity, parameters.lang);
}

export interface ListMeetingsParameters {
  sort?: Parameters<C.MeetingsClient['listMeetings']>[0];
  limit?: Parameters<C.MeetingsClient['listMeetings']>[1];
  cursor?: Parameters<C.MeetingsClient['listMeetings']>[2];
  bodyCode?: Parameters<C.MeetingsClient['listMeetings']>[3];
  state?: Parameters<C.MeetingsClient['listMeetings']>[4];
  from?: Parameters<C.MeetingsClient['listMeetings']>[5];
  to?: Parameters<C.MeetingsClient['listMeetings']>[6];
  clusterCode?: Parameters<C.MeetingsClient['listMeetings']>[7];
}
export function listMeetings(client: C.MeetingsClient, parameters: ListMeetingsParameters = {}): ReturnType<C.MeetingsClient['listMeetings']> {
  return client.listMeetings(parameters.sort, parameters.limit, parameters.cursor, parameters.bodyCode, parameters.state, parameters.from, parameters.to, parameters.clusterCode);
}

export interface CreateMeetingParameters {
  body: Parameters<C.MeetingsClient['createMeeting']>[0];
  idempotency_Key?: Parameters<C.MeetingsClient['createMeeting']>[1];
}
export function createMeeting(client: C.MeetingsClient, parameters: CreateMeetingParameters): ReturnType<C.MeetingsClient['createMeeting']> {
  return client.createMeeting(parameters.body, parameters.idempotency_Key);
}

export interface ExportMeetingsParameters {
  bodyCode?: Parameters<C.MeetingsClient['exportMeetings']>[0];
  state?: Parameters<C.MeetingsClient['exportMeetings']>[1];
  from?: Parameters<C.MeetingsClient['exportMeetings']>[2];
  to?: Parameters<C.MeetingsClient['exportMeetings']>[3];
  clusterCode?: Parameters<C.MeetingsClient['exportMeetings']>[4];
  lang?: Parameters<C.MeetingsClient['exportMeetings']>[5];
}
export function exportMeetings(client: C.MeetingsClient, parameters: ExportMeetingsParameters = {}): ReturnType<C.MeetingsClient['exportMeetings']> {
  return client.exportMeetings(parameters.bodyCode, parameters.state, parameters.from, parameters.to, parameters.clusterCode, parameters.lang);
}

export interface ExportMeetingsXlsxParameters {
  bodyCode?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[0];
  state?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[1];
  from?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[2];
  to?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[3];
  clusterCode?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[4];
  lang?: Parameters<C.MeetingsClient['exportMeetingsXlsx']>[5];
}
export function exportMeetingsXlsx(client: C.MeetingsClient, parameters: ExportMeetingsXlsxParameters = {}): ReturnType<C.MeetingsClient['exportMeetingsXlsx']> {
  return client.exportMeetingsXlsx(parameters.bodyCode, parameters.state, parameters.from, parameters.to, parameters.clusterCode, parameters.lang);
}

export interface GetMinutesParameters {
  id: Parameters<C.MinutesClient['getMinutes']>[0];
  version?: Parameters<C.MinutesClient['getMinutes']>[1];
}
export function getMinutes(client: C.MinutesClient, parameters: GetMinutesParameters): ReturnType<C.MinutesClient['getMinutes']> {
  return client.getMinutes(parameters.id, parameters.version);
}

export interface PutMinutesParameters {
  id: Parameters<C.MinutesClient['putMinutes']>[0];
  body: Parameters<C.MinutesClient['putMinutes']>[1];
  if_Match?: Parameters<C.MinutesClient['putMinutes']>[2];
}
export function putMinutes(client: C.MinutesClient, parameters: PutMinutesParameters): ReturnType<C.MinutesClient['putMinutes']> {
  return client.putMinutes(parameters.id, parameters.body, parameters.if_Match);
}

export interface GetMinutesPdfParameters {
  id: Parameters<C.MinutesClient['getMinutesPdf']>[0];
  version?: Parameters<C.MinutesClient['getMinutesPdf']>[1];
}
export function getMinutesPdf(client: C.MinutesClient, parameters: GetMinutesPdfParameters): ReturnType<C.MinutesClient['getMinutesPdf']> {
  return client.getMinutesPdf(parameters.id, parameters.version);
}

export interface ExportDecisionsParameters {
  id: Parameters<C.MinutesClient['exportDecisions']>[0];
  lang?: Parameters<C.MinutesClient['exportDecisions']>[1];
}
export function exportDecisions(client: C.MinutesClient, parameters: ExportDecisionsParameters): ReturnType<C.MinutesClient['exportDecisions']> {
  return client.exportDecisions(parameters.id, parameters.lang);
}

export interface ExportDecisionsXlsxParameters {
  id: Parameters<C.MinutesClient['exportDecisionsXlsx']>[0];
  lang?: Parameters<C.MinutesClient['exportDecisionsXlsx']>[1];
}
export function exportDecisionsXlsx(client: C.MinutesClient, parameters: ExportDecisionsXlsxParameters): ReturnType<C.MinutesClient['exportDecisionsXlsx']> {
  return client.exportDecisionsXlsx(parameters.id, parameters.lang);
}

export interface ListNotificationDeliveriesParameters {
  state?: Parameters<C.NotificationsClient['listNotificationDeliveries']>[0];
  limit?: Parameters<C.NotificationsClient['listNotificationDeliveries']>[1];
  cursor?: Parameters<C.NotificationsClient['listNotificationDeliveries']>[2];
}
export function listNotificationDeliveries(client: C.NotificationsClient, parameters: ListNotificationDeliveriesParameters = {}): ReturnType<C.NotificationsClient['listNotificationDeliveries']> {
  return client.listNotificationDeliveries(parameters.state, parameters.limit, parameters.cursor);
}

export interface ListNotificationsParameters {
  unread?: Parameters<C.NotificationsClient['listNotifications']>[0];
  limit?: Parameters<C.NotificationsClient['listNotifications']>[1];
  cursor?: Parameters<C.NotificationsClient['listNotifications']>[2];
}
export function listNotifications(client: C.NotificationsClient, parameters: ListNotificationsParameters = {}): ReturnType<C.NotificationsClient['listNotifications']> {
  return client.listNotifications(parameters.unread, parameters.limit, parameters.cursor);
}

export interface ListOpenMeetingsParameters {
  updatedSince?: Parameters<C.OpenDataClient['listOpenMeetings']>[0];
  cursor?: Parameters<C.OpenDataClient['listOpenMeetings']>[1];
  limit?: Parameters<C.OpenDataClient['listOpenMeetings']>[2];
}
export function listOpenMeetings(client: C.OpenDataClient, parameters: ListOpenMeetingsParameters = {}): ReturnType<C.OpenDataClient['listOpenMeetings']> {
  return client.listOpenMeetings(parameters.updatedSince, parameters.cursor, parameters.limit);
}

export interface ListOpenRecommendationsParameters {
  updatedSince?: Parameters<C.OpenDataClient['listOpenRecommendations']>[0];
  cursor?: Parameters<C.OpenDataClient['listOpenRecommendations']>[1];
  limit?: Parameters<C.OpenDataClient['listOpenRecommendations']>[2];
}
export function listOpenRecommendations(client: C.OpenDataClient, parameters: ListOpenRecommendationsParameters = {}): ReturnType<C.OpenDataClient['listOpenRecommendations']> {
  return client.listOpenRecommendations(parameters.updatedSince, parameters.cursor, parameters.limit);
}

export interface ListOpenImprovementsParameters {
  updatedSince?: Parameters<C.OpenDataClient['listOpenImprovements']>[0];
  cursor?: Parameters<C.OpenDataClient['listOpenImprovements']>[1];
  limit?: Parameters<C.OpenDataClient['listOpenImprovements']>[2];
}
export function listOpenImprovements(client: C.OpenDataClient, parameters: ListOpenImprovementsParameters = {}): ReturnType<C.OpenDataClient['listOpenImprovements']> {
  return client.listOpenImprovements(parameters.updatedSince, parameters.cursor, parameters.limit);
}

export interface ListOpenClusterFiguresParameters {
  updatedSince?: Parameters<C.OpenDataClient['listOpenClusterFigures']>[0];
  cursor?: Parameters<C.OpenDataClient['listOpenClusterFigures']>[1];
  limit?: Parameters<C.OpenDataClient['listOpenClusterFigures']>[2];
}
export function listOpenClusterFigures(client: C.OpenDataClient, parameters: ListOpenClusterFiguresParameters = {}): ReturnType<C.OpenDataClient['listOpenClusterFigures']> {
  return client.listOpenClusterFigures(parameters.updatedSince, parameters.cursor, parameters.limit);
}

export interface ListPolicyRecommendationsParameters {
  sort?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[0];
  limit?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[1];
  cursor?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[2];
  state?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[3];
  ministryCode?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[4];
  clusterCode?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[5];
  raisedByCode?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[6];
  meetingId?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[7];
  overdue?: Parameters<C.PolicyRecommendationsClient['listPolicyRecommendations']>[8];
}
export function listPolicyRecommendations(client: C.PolicyRecommendationsClient, parameters: ListPolicyRecommendationsParameters = {}): ReturnType<C.PolicyRecommendationsClient['listPolicyRecommendations']> {
  return client.listPolicyRecommendations(parameters.sort, parameters.limit, parameters.cursor, parameters.state, parameters.ministryCode, parameters.clusterCode, parameters.raisedByCode, parameters.meetingId, parameters.overdue);
}

export interface CreatePolicyRecommendationParameters {
  body: Parameters<C.PolicyRecommendationsClient['createPolicyRecommendation']>[0];
  idempotency_Key?: Parameters<C.PolicyRecommendationsClient['createPolicyRecommendation']>[1];
}
export function createPolicyRecommendation(client: C.PolicyRecommendationsClient, parameters: CreatePolicyRecommendationParameters): ReturnType<C.PolicyRecommendationsClient['createPolicyRecommendation']> {
  return client.createPolicyRecommendation(parameters.body, parameters.idempotency_Key);
}

export interface ExportPolicyRecommendationsParameters {
  state?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[0];
  ministryCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[1];
  clusterCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[2];
  raisedByCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[3];
  meetingId?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[4];
  overdue?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[5];
  lang?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendations']>[6];
}
export function exportPolicyRecommendations(client: C.PolicyRecommendationsClient, parameters: ExportPolicyRecommendationsParameters = {}): ReturnType<C.PolicyRecommendationsClient['exportPolicyRecommendations']> {
  return client.exportPolicyRecommendations(parameters.state, parameters.ministryCode, parameters.clusterCode, parameters.raisedByCode, parameters.meetingId, parameters.overdue, parameters.lang);
}

export interface ExportPolicyRecommendationsXlsxParameters {
  state?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[0];
  ministryCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[1];
  clusterCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[2];
  raisedByCode?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[3];
  meetingId?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[4];
  overdue?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[5];
  lang?: Parameters<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']>[6];
}
export function exportPolicyRecommendationsXlsx(client: C.PolicyRecommendationsClient, parameters: ExportPolicyRecommendationsXlsxParameters = {}): ReturnType<C.PolicyRecommendationsClient['exportPolicyRecommendationsXlsx']> {
  return client.exportPolicyRecommendationsXlsx(parameters.state, parameters.ministryCode, parameters.clusterCode, parameters.raisedByCode, parameters.meetingId, parameters.overdue, parameters.lang);
}

export interface ListRegulatoryIssuesParameters {
  sort?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[0];
  limit?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[1];
  cursor?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[2];
  status?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[3];
  category?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[4];
  priority?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[5];
  clusterCode?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[6];
  raisedByCode?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[7];
  leadMinistryCode?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[8];
  overdue?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[9];
  dueBefore?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[10];
  createdFrom?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[11];
  createdTo?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[12];
  ministryCode?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[13];
  ministryRole?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[14];
  challengeOpen?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[15];
  finalAnswerOverdue?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[16];
  operatorCode?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[17];
  q?: Parameters<C.RegulatoryIssuesClient['listRegulatoryIssues']>[18];
}
export function listRegulatoryIssues(client: C.RegulatoryIssuesClient, parameters: ListRegulatoryIssuesParameters = {}): ReturnType<C.RegulatoryIssuesClient['listRegulatoryIssues']> {
  return client.listRegulatoryIssues(parameters.sort, parameters.limit, parameters.cursor, parameters.status, parameters.category, parameters.priority, parameters.clusterCode, parameters.raisedByCode, parameters.leadMinistryCode, parameters.overdue, parameters.dueBefore, parameters.createdFrom, parameters.createdTo, parameters.ministryCode, parameters.ministryRole, parameters.challengeOpen, parameters.finalAnswerOverdue, parameters.operatorCode, parameters.q);
}

export interface CreateRegulatoryIssueParameters {
  body: Parameters<C.RegulatoryIssuesClient['createRegulatoryIssue']>[0];
  idempotency_Key?: Parameters<C.RegulatoryIssuesClient['createRegulatoryIssue']>[1];
}
export function createRegulatoryIssue(client: C.RegulatoryIssuesClient, parameters: CreateRegulatoryIssueParameters): ReturnType<C.RegulatoryIssuesClient['createRegulatoryIssue']> {
  return client.createRegulatoryIssue(parameters.body, parameters.idempotency_Key);
}

export interface ExportRegulatoryIssuesParameters {
  status?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[0];
  category?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[1];
  priority?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[2];
  clusterCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[3];
  raisedByCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[4];
  leadMinistryCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[5];
  overdue?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[6];
  dueBefore?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[7];
  createdFrom?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[8];
  createdTo?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[9];
  ministryCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[10];
  ministryRole?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[11];
  challengeOpen?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[12];
  finalAnswerOverdue?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[13];
  operatorCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[14];
  q?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[15];
  lang?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssues']>[16];
}
export function exportRegulatoryIssues(client: C.RegulatoryIssuesClient, parameters: ExportRegulatoryIssuesParameters = {}): ReturnType<C.RegulatoryIssuesClient['exportRegulatoryIssues']> {
  return client.exportRegulatoryIssues(parameters.status, parameters.category, parameters.priority, parameters.clusterCode, parameters.raisedByCode, parameters.leadMinistryCode, parameters.overdue, parameters.dueBefore, parameters.createdFrom, parameters.createdTo, parameters.ministryCode, parameters.ministryRole, parameters.challengeOpen, parameters.finalAnswerOverdue, parameters.operatorCode, parameters.q, parameters.lang);
}

export interface ExportRegulatoryIssuesXlsxParameters {
  status?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[0];
  category?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[1];
  priority?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[2];
  clusterCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[3];
  raisedByCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[4];
  leadMinistryCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[5];
  overdue?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[6];
  dueBefore?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[7];
  createdFrom?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[8];
  createdTo?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[9];
  ministryCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[10];
  ministryRole?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[11];
  challengeOpen?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[12];
  finalAnswerOverdue?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[13];
  operatorCode?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[14];
  q?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[15];
  lang?: Parameters<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']>[16];
}
export function exportRegulatoryIssuesXlsx(client: C.RegulatoryIssuesClient, parameters: ExportRegulatoryIssuesXlsxParameters = {}): ReturnType<C.RegulatoryIssuesClient['exportRegulatoryIssuesXlsx']> {
  return client.exportRegulatoryIssuesXlsx(parameters.status, parameters.category, parameters.priority, parameters.clusterCode, parameters.raisedByCode, parameters.leadMinistryCode, parameters.overdue, parameters.dueBefore, parameters.createdFrom, parameters.createdTo, parameters.ministryCode, parameters.ministryRole, parameters.challengeOpen, parameters.finalAnswerOverdue, parameters.operatorCode, parameters.q, parameters.lang);
}

export interface AddRegulatoryIssueCommentParameters {
  id: Parameters<C.RegulatoryIssuesClient['addRegulatoryIssueComment']>[0];
  body: Parameters<C.RegulatoryIssuesClient['addRegulatoryIssueComment']>[1];
  idempotency_Key?: Parameters<C.RegulatoryIssuesClient['addRegulatoryIssueComment']>[2];
}
export function addRegulatoryIssueComment(client: C.RegulatoryIssuesClient, parameters: AddRegulatoryIssueCommentParameters): ReturnType<C.RegulatoryIssuesClient['addRegulatoryIssueComment']> {
  return client.addRegulatoryIssueComment(parameters.id, parameters.body, parameters.idempotency_Key);
}

export interface ListSavedViewsParameters {
  page?: Parameters<C.SavedViewsClient['listSavedViews']>[0];
}
export function listSavedViews(client: C.SavedViewsClient, parameters: ListSavedViewsParameters = {}): ReturnType<C.SavedViewsClient['listSavedViews']> {
  return client.listSavedViews(parameters.page);
}

export interface SearchParameters {
  q?: Parameters<C.SearchClient['search']>[0];
  kinds?: Parameters<C.SearchClient['search']>[1];
  limit?: Parameters<C.SearchClient['search']>[2];
  cursor?: Parameters<C.SearchClient['search']>[3];
}
export function search(client: C.SearchClient, parameters: SearchParameters = {}): ReturnType<C.SearchClient['search']> {
  return client.search(parameters.q, parameters.kinds, parameters.limit, parameters.cursor);
}

export interface ListSiteProjectsParameters {
  sort?: Parameters<C.SiteProjectsClient['listSiteProjects']>[0];
  limit?: Parameters<C.SiteProjectsClient['listSiteProjects']>[1];
  cursor?: Parameters<C.SiteProjectsClient['listSiteProjects']>[2];
  clusterCode?: Parameters<C.SiteProjectsClient['listSiteProjects']>[3];
  state?: Parameters<C.SiteProjectsClient['listSiteProjects']>[4];
}
export function listSiteProjects(client: C.SiteProjectsClient, parameters: ListSiteProjectsParameters = {}): ReturnType<C.SiteProjectsClient['listSiteProjects']> {
  return client.listSiteProjects(parameters.sort, parameters.limit, parameters.cursor, parameters.clusterCode, parameters.state);
}

export interface ExportSiteProjectsParameters {
  clusterCode?: Parameters<C.SiteProjectsClient['exportSiteProjects']>[0];
  state?: Parameters<C.SiteProjectsClient['exportSiteProjects']>[1];
  lang?: Parameters<C.SiteProjectsClient['exportSiteProjects']>[2];
}
export function exportSiteProjects(client: C.SiteProjectsClient, parameters: ExportSiteProjectsParameters = {}): ReturnType<C.SiteProjectsClient['exportSiteProjects']> {
  return client.exportSiteProjects(parameters.clusterCode, parameters.state, parameters.lang);
}

export interface ExportSiteProjectsXlsxParameters {
  clusterCode?: Parameters<C.SiteProjectsClient['exportSiteProjectsXlsx']>[0];
  state?: Parameters<C.SiteProjectsClient['exportSiteProjectsXlsx']>[1];
  lang?: Parameters<C.SiteProjectsClient['exportSiteProjectsXlsx']>[2];
}
export function exportSiteProjectsXlsx(client: C.SiteProjectsClient, parameters: ExportSiteProjectsXlsxParameters = {}): ReturnType<C.SiteProjectsClient['exportSiteProjectsXlsx']> {
  return client.exportSiteProjectsXlsx(parameters.clusterCode, parameters.state, parameters.lang);
}

export interface GetSiteProjectHistoryParameters {
  id: Parameters<C.SiteProjectsClient['getSiteProjectHistory']>[0];
  limit?: Parameters<C.SiteProjectsClient['getSiteProjectHistory']>[1];
  cursor?: Parameters<C.SiteProjectsClient['getSiteProjectHistory']>[2];
}
export function getSiteProjectHistory(client: C.SiteProjectsClient, parameters: GetSiteProjectHistoryParameters): ReturnType<C.SiteProjectsClient['getSiteProjectHistory']> {
  return client.getSiteProjectHistory(parameters.id, parameters.limit, parameters.cursor);
}

export interface ListUsersParameters {
  role?: Parameters<C.UsersClient['listUsers']>[0];
  status?: Parameters<C.UsersClient['listUsers']>[1];
  q?: Parameters<C.UsersClient['listUsers']>[2];
  sort?: Parameters<C.UsersClient['listUsers']>[3];
  limit?: Parameters<C.UsersClient['listUsers']>[4];
  cursor?: Parameters<C.UsersClient['listUsers']>[5];
}
export function listUsers(client: C.UsersClient, parameters: ListUsersParameters = {}): ReturnType<C.UsersClient['listUsers']> {
  return client.listUsers(parameters.role, parameters.status, parameters.q, parameters.sort, parameters.limit, parameters.cursor);
}

export interface GetUserHistoryParameters {
  id: Parameters<C.UsersClient['getUserHistory']>[0];
  limit?: Parameters<C.UsersClient['getUserHistory']>[1];
  cursor?: Parameters<C.UsersClient['getUserHistory']>[2];
}
export function getUserHistory(client: C.UsersClient, parameters: GetUserHistoryParameters): ReturnType<C.UsersClient['getUserHistory']> {
  return client.getUserHistory(parameters.id, parameters.limit, parameters.cursor);
}
