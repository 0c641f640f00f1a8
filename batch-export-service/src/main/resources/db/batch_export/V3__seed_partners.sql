-- Seed partners for local development: Blob delivery to Azurite's well-known dev account.
-- SFTP channels need a server and its host key: add them through the ops API
-- (PUT /api/v1/exports/partners/{id}), as the module README shows.
INSERT INTO partner (partner_id, name, kind, dealer_codes, makes, registers, layout, compression,
                     blob_account, blob_container, blob_prefix, schedule_cron, time_zone, active)
VALUES
    ('HONDA-OEM', 'Honda OEM warranty analytics', 'OEM', '{}', '{HONDA,ACURA}', '{CONTRACT_REGISTER}',
     'PIPE', 'GZIP', 'devstoreaccount1', 'partner-files', 'honda-oem/', '0 30 2 * * *', 'America/Los_Angeles', true),
    ('D1001-DEALER', 'Dealer D1001 back office', 'DEALER', '{D1001}', '{}', '{CONTRACT_REGISTER,REMITTANCE}',
     'CSV', 'GZIP', 'devstoreaccount1', 'partner-files', 'd1001/', '0 0 3 * * *', 'America/New_York', true);
