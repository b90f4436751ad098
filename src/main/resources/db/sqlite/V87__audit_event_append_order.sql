-- audit_event's rows are stored in the order they are appended, and id becomes a unique column beside that order.
-- Why: the trail has 16 chains (audit/AuditTrail), and chain k numbers its rows k, k+16, k+32, ... at its own
-- pace, so while id was the rowid every append landed inside the table's B-tree, where a full page splits in two,
-- rather than at its end. A 15,128-journey data dir kept 375 B a journey of audit_event's pages empty (dbstat); the
-- same rows stored in append order take 178 B a journey less, the unique index on id included
-- (docs/architecture.md, "Storage"). Nothing that reads the trail changes: it asks for ids, never for the rowid.
-- PostgreSQL's heap already stores rows in arrival order: its V87 changes nothing.
create table audit_event_appended (
    seq            integer      primary key,
    id             bigint       not null unique,
    kind           varchar(16)  not null,
    customer_id    varchar(40),
    application_id varchar(40),
    partner_id     bigint,
    actor          varchar(80)  not null,
    trigger_name   varchar(40)  not null,
    reason         text         not null,
    before_state   text,
    after_state    text,
    at_millis      bigint       not null,
    prev_hash      varchar(64)  not null,
    row_hash       varchar(64)  not null,
    chain          varchar(16)  not null default 'main'
);
insert into audit_event_appended (id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason,
                                  before_state, after_state, at_millis, prev_hash, row_hash, chain)
select id, kind, customer_id, application_id, partner_id, actor, trigger_name, reason,
       before_state, after_state, at_millis, prev_hash, row_hash, chain
from audit_event order by at_millis, id;
drop table audit_event;
alter table audit_event_appended rename to audit_event;
create index audit_event_customer on audit_event (customer_id, id);
create index audit_event_chain on audit_event (chain, id);
