-- The home cluster (issue 19, as on SQLite): the code that writes an agency's home cluster (the agency form, the agency
-- import) places the agency in that cluster in the same transaction (HomeCluster), so the trigger of 0026 goes, and both
-- engines keep it the same way. (SQL Server's full-text indexes keep themselves: nothing to do for search.)
IF OBJECT_ID('dbo.tr_agencies_home_cluster', 'TR') IS NOT NULL
    DROP TRIGGER dbo.tr_agencies_home_cluster;
