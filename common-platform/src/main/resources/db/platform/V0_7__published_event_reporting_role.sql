-- Reconciliation reads each service's published events through this view as fni_reporting
-- (deploy/db/service-roles.sql, which creates the role: run it first, or this fails with
-- role "fni_reporting" does not exist), never the outbox itself.
GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO fni_reporting;
GRANT SELECT ON published_event_v TO fni_reporting;
