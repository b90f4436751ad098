-- minimal.sql plus an audit row per change, all appended to one chain: every change locks the same head row.
\set n random(1, 2000000000)
insert into customer (id, partner_id, reference, customer_type, tax_id_hash, body, created_at) values ('c' || :n || '-' || :client_id, 1, 'r' || :n || '-' || :client_id, 'individual', md5(cast(:n as text)), '{"firstName":"Jane","lastName":"Smith","gender":"F","email":"jane@example.com","phones":[{"type":"MOBILE"}],"dateOfBirth":"1990-04-12","citizenshipCountryCodeA3":"USA","addresses":[{"type":"PRIMARY","line1":"1 Main St","city":"New York","state":"NY","postalCode":"10001","countryCodeA3":"USA"}]}', 1);
BEGIN;
insert into application (id, partner_id, customer_id, status, outcome, webhook_url, version, created_at, updated_at) values ('a' || :n || '-' || :client_id, 1, 'c' || :n || '-' || :client_id, 'pending_step_up', null, null, 1, 1, 1);
insert into entity_application (application_id, entity_id, position, is_customer, kind, status, outcome, updated_at) values ('a' || :n || '-' || :client_id, 'c' || :n || '-' || :client_id, 0, true, 'INDIVIDUAL', 'pending_step_up', null, 1);
select last_id, last_hash from audit_chain_head where chain = 'main' for update;
insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason, before_state, after_state, at_millis, prev_hash, row_hash, chain) values (nextval('floor_audit_id'), 'application', 'c' || :n || '-' || :client_id, 'a' || :n || '-' || :client_id, 1, 'partner-demo', 'documents', '', null, '{"status":"completed"}', 1, md5(cast(:n as text)), md5(cast(:client_id as text)), 'main');
update audit_chain_head set last_id = last_id + 1, last_hash = md5(cast(:n as text)) where chain = 'main';
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
select last_id, last_hash from audit_chain_head where chain = 'main' for update;
insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason, before_state, after_state, at_millis, prev_hash, row_hash, chain) values (nextval('floor_audit_id'), 'application', 'c' || :n || '-' || :client_id, 'a' || :n || '-' || :client_id, 1, 'partner-demo', 'documents', '', null, '{"status":"completed"}', 1, md5(cast(:n as text)), md5(cast(:client_id as text)), 'main');
update audit_chain_head set last_id = last_id + 1, last_hash = md5(cast(:n as text)) where chain = 'main';
COMMIT;
select status, outcome from application where customer_id = 'c' || :n || '-' || :client_id;
