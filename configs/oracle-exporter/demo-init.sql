-- The exporter account of the demo Oracle (docker-compose --profile demo), with the password that
-- configs/docker-compose.yml uses by default. The image runs this once, as SYSDBA in the CDB root, when it
-- creates the database. Use your own account and password on a real database: CREATE SESSION and
-- SELECT_CATALOG_ROLE are all oracle-exporter and configs/oracle-exporter/metrics.yaml need.
ALTER SESSION SET CONTAINER = FREEPDB1;
CREATE USER exporter IDENTIFIED BY "exporter";
GRANT CREATE SESSION, SELECT_CATALOG_ROLE TO exporter;
