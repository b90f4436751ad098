-- Appended by bench/pg-floor where minimal.sql says so: one audit row, chained on the head named by CHAIN.
select last_id, last_hash from audit_chain_head where chain = CHAIN for update;
insert into audit_event (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason, before_state, after_state, at_millis, prev_hash, row_hash, chain) values (nextval('floor_audit_id'), 'application', 'c' || :n || '-' || :client_id, 'a' || :n || '-' || :client_id, 1, 'partner-demo', 'documents', '', null, '{"status":"completed"}', 1, md5(cast(:n as text)), md5(cast(:client_id as text)), CHAIN);
update audit_chain_head set last_id = last_id + 1, last_hash = md5(cast(:n as text)) where chain = CHAIN;
