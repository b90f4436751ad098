-- The writes and reads of one individual journey, as few and as plain as they can be: what PostgreSQL itself must
-- do per journey with nothing of Akepa around it (no HTTP, no JSON, no audit trail). One pgbench transaction = one
-- journey of 8 database transactions (7 durable commits + 1 read).
-- Lines "-- audit row" mark where bench/pg-floor inserts bench/pgfloor/audit-row.sql for its audit-trail variants.
\set n random(1, 2000000000)
insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at) values ('c' || :n || '-' || :client_id, 1, 'r' || :n || '-' || :client_id, 'individual', md5(:n || '-' || :client_id), '{"firstName":"Jane","lastName":"Smith","gender":"F","email":"jane@example.com","phones":[{"type":"MOBILE"}],"dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA","addresses":[{"type":"PRIMARY","line1":"1 Main St","city":"New York","state":"NY","postalCode":"10001","countryCodeA3":"USA"}]}', 1);
BEGIN;
insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version, created_at, updated_at) values ('a' || :n || '-' || :client_id, 1, 'c' || :n || '-' || :client_id, 'pending_step_up', null, null, 1, 1, 1);
insert into entity_application (application_id, entity_id, position, is_customer, kind, status, outcome, updated_at) values ('a' || :n || '-' || :client_id, 'c' || :n || '-' || :client_id, 0, true, 'INDIVIDUAL', 'pending_step_up', null, 1);
-- audit row
COMMIT;
insert into document (id, partner_id, workflow, name, extension, type, note, note_author_agent_email, upload_status, created_at) values ('d1' || :n || '-' || :client_id, 1, 'PERSONAL', 'front', 'jpg', 'license', null, null, false, 1);
update document set upload_status = true, storage_key = 'k', sha256 = 'abc', size_bytes = 51200, uploaded_at = 2 where id = 'd1' || :n || '-' || :client_id and upload_status = false;
insert into document (id, partner_id, workflow, name, extension, type, note, note_author_agent_email, upload_status, created_at) values ('d2' || :n || '-' || :client_id, 1, 'PERSONAL', 'back', 'jpg', 'license', null, null, false, 1);
update document set upload_status = true, storage_key = 'k', sha256 = 'abc', size_bytes = 51200, uploaded_at = 2 where id = 'd2' || :n || '-' || :client_id and upload_status = false;
BEGIN;
update application set status = 'completed', outcome = 'Approved', version = 2, updated_at = 3 where id = 'a' || :n || '-' || :client_id and version = 1;
update entity_application set status = 'completed', outcome = 'approved', updated_at = 3 where application_id = 'a' || :n || '-' || :client_id;
update document set application_id = 'a' || :n || '-' || :client_id, entity_id = 'c' || :n || '-' || :client_id, doc_view = 'front' where id = 'd1' || :n || '-' || :client_id;
update document set application_id = 'a' || :n || '-' || :client_id, entity_id = 'c' || :n || '-' || :client_id, doc_view = 'back' where id = 'd2' || :n || '-' || :client_id;
-- audit row
COMMIT;
select status, outcome from application where customer_id = 'c' || :n || '-' || :client_id;
