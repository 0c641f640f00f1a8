-- fni-exchange database roles: least privilege for each service.
--
--   fni_contract, fni_claims, fni_cancellation, fni_batch_export
--       one per service, each owning its schema (contract, claims, cancellation, batch_export)
--       and everything in it; no privilege on any other service's schema.
--   fni_reporting
--       no login; SELECT on the reporting views the owning services grant it in their
--       migrations (contract_register_v, remittance_register_v, claim_register,
--       cancellation_register, published_event_v) and USAGE on their schemas, nothing else.
--       fni_batch_export is its only member.
--
-- Run it before deploying each release, the first included (it is idempotent): the services'
-- migrations grant their reporting views to fni_reporting. Run it as a role that may create roles
-- and schemas (the server's admin). It also revokes CREATE on the public schema from everyone.
--
--     psql "host=db.internal dbname=fni user=admin" -v ON_ERROR_STOP=1 -f deploy/db/service-roles.sql
--
-- The local launcher, the tests and the benchmarks run this same file. It sets no password: give
-- each service role a login and a password of your own, from your secret store,
--
--     ALTER ROLE fni_contract LOGIN;  \password fni_contract     -- then FNI_DB_USER=fni_contract
--
-- or let a service connect as a user that is a member of its role and act as the role with
-- FNI_DB_ROLE=fni_contract (every connection starts with SET ROLE), as the local launcher does.
-- Objects an earlier release created as the admin are handed to their service's role.

DO $bootstrap$
DECLARE
    service text;
    role_name text;
    obj record;
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fni_reporting') THEN
        CREATE ROLE fni_reporting NOLOGIN;
    END IF;

    FOREACH service IN ARRAY ARRAY['contract', 'claims', 'cancellation', 'batch_export'] LOOP
        role_name := 'fni_' || service;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = role_name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
        -- an admin that is not a superuser (a managed server's) may act as the role it created
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
            EXECUTE format('GRANT %I TO %I', role_name, current_user);
        END IF;

        EXECUTE format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', service, role_name);
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', service, role_name);
        EXECUTE format('REVOKE ALL ON SCHEMA %I FROM PUBLIC', service);

        FOR obj IN
            SELECT c.relname AS name,
                   CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                  WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = service AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
              AND pg_get_userbyid(c.relowner) <> role_name
              -- a sequence owned by a column moves with its table
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                       WHERE d.objid = c.oid AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0))
        LOOP
            EXECUTE format('ALTER %s %I.%I OWNER TO %I', obj.kind, service, obj.name, role_name);
        END LOOP;
        FOR obj IN
            SELECT p.oid::regprocedure AS signature
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = service AND pg_get_userbyid(p.proowner) <> role_name
        LOOP
            EXECUTE format('ALTER ROUTINE %s OWNER TO %I', obj.signature, role_name);
        END LOOP;
    END LOOP;

    GRANT fni_reporting TO fni_batch_export;
    -- nothing lands in public by accident
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
END
$bootstrap$;
