-- SQLite's V87 stores audit_event in append order (db/sqlite/V87__audit_event_append_order.sql). PostgreSQL's heap
-- already does, so here the version only keeps both sets at the same number.
select 1;
