-- batch-export-service reads the reporting view, and only it, as fni_reporting (deploy/db/service-roles.sql,
-- which creates the role: run it first, or this fails with role "fni_reporting" does not exist).
-- A later migration that drops and recreates the view must grant it again.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO fni_reporting;
GRANT SELECT ON cancellation_register TO fni_reporting;
