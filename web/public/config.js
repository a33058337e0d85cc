// Runtime settings of the BioCluster dashboard. A deployer edits this one file; no rebuild needed.
//
// apiBaseUrl: where the API lives.
//   ""                          the API serves this dashboard itself (same origin) — the default.
//   "https://api.example.org"   the dashboard is served by another web server; that origin must then
//                               be on the API's CORS allow-list (Cors:AllowedOrigins).
window.BIOCLUSTER_CONFIG = {
  apiBaseUrl: "",
};
