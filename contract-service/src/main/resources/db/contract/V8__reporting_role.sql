-- batch-export-service reads the reporting views, and only them, as fni_reporting (deploy/db/service-roles.sql,
-- which creates the role: run it first, or this fails with role "fni_reporting" does not exist).
-- A later migration that drops and recreates one of these views must grant it again.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO fni_reporting;
GRANT SELECT ON contract_register_v, remittance_register_v TO fni_reporting;
