-- The whole schema as the common migrations (db/migration, on PostgreSQL) leave it at V86, written once for SQLite,
-- the embedded default since V86: a new data dir starts here, and an H2 data dir of an earlier version is copied
-- into it (store/H2DataDirMigration). A later change adds the same version to both sets.
-- What differs from db/migration, and only this: identity columns are SQLite's own (integer primary key
-- autoincrement: ids are never reused, as PostgreSQL's identity never reuses them), and webhook_message.seq, an
-- identity that is not the key, is set by a trigger. varchar(n) is kept for the reader: SQLite does not check the
-- length, the API does before any write. Booleans are stored as 0 and 1, which is what true and false mean in SQLite.
-- And the storage, not the meaning: audit_event's key is the rowid itself (a bigint key would be a second B-tree
-- beside the rowid's), and the legacy tax_id_hash's uniqueness and the purge queue's index hold only the rows that
-- have a value. Tables keyed by random text ids stay rowid tables: WITHOUT ROWID would store each row in its key's
-- randomly split B-tree, which measured no smaller (docs/architecture.md).

create table partner (
    id            integer      primary key autoincrement,
    login         varchar(36)  not null unique,
    password_hash varchar(200) not null,
    created_at    bigint       not null,
    disabled_at   bigint
);

create table api_token (
    token_hash varchar(64) primary key,
    partner_id bigint      not null references partner (id),
    expires_at bigint      not null
);
create index api_token_expiry on api_token (expires_at);

create table customer (
    id            varchar(40)  primary key,
    partner_id    bigint       not null references partner (id),
    reference     varchar(32)  not null,
    customer_type varchar(12)  not null,
    tax_id_hash   varchar(64),
    body          text,
    created_at    bigint       not null,
    sealed_body   text,
    tax_id_mac    varchar(64),
    constraint customer_reference_unique unique (partner_id, reference),
    constraint customer_tax_id_mac_unique unique (partner_id, tax_id_mac)
);
create unique index customer_tax_id_unique on customer (partner_id, tax_id_hash) where tax_id_hash is not null;

create table application (
    id          varchar(40)  primary key,
    partner_id  bigint       not null references partner (id),
    customer_id varchar(40)  not null references customer (id),
    status      varchar(40)  not null,
    outcome     varchar(10),
    webhook_url varchar(2048),
    version     integer      not null,
    created_at  bigint       not null,
    updated_at  bigint       not null,
    constraint application_one_per_customer unique (customer_id)
);
create index application_status on application (status, updated_at);

create table entity_application (
    application_id varchar(40)  not null references application (id),
    entity_id      varchar(40)  not null,
    position       integer      not null,
    is_customer    boolean      not null,
    kind           varchar(16)  not null,
    status         varchar(40)  not null,
    outcome        varchar(10),
    updated_at     bigint       not null,
    primary key (application_id, entity_id)
);

create table document (
    id                      varchar(40)  primary key,
    partner_id              bigint       not null references partner (id),
    workflow                varchar(16)  not null,
    name                    varchar(200) not null,
    extension               varchar(8)   not null,
    type                    varchar(40)  not null,
    note                    varchar(1000),
    note_author_agent_email varchar(320),
    upload_status           boolean      not null,
    storage_key             varchar(200),
    sha256                  varchar(64),
    size_bytes              bigint,
    created_at              bigint       not null,
    uploaded_at             bigint,
    application_id          varchar(40),
    entity_id               varchar(40),
    doc_view                varchar(16),
    purged_at               bigint,
    purge_reason            varchar(16),
    sealed_name             text,
    sealed_note             text,
    sealed_note_author      text
);
create index document_attachment on document (application_id, entity_id);
-- Only the documents whose stored object is still to be deleted (ErasureStore.objectsToDelete, the one reader): the
-- full index of db/migration holds an entry for every uploaded document, about 130 bytes a journey.
create index document_purge_pending on document (purged_at, storage_key)
    where purged_at is not null and storage_key is not null;

create table verification_job (
    application_id varchar(40) primary key references application (id),
    run_after      bigint      not null,
    lease_until    bigint      not null,
    attempts       integer     not null
);
create index verification_job_due on verification_job (run_after);

create table webhook_secret (
    partner_id           bigint       primary key references partner (id),
    current_secret       varchar(200) not null,
    previous_secret      varchar(200),
    previous_valid_until bigint,
    rotated_at           bigint       not null
);

create table webhook_message (
    id              varchar(40)   primary key,
    seq             bigint,
    partner_id      bigint        not null references partner (id),
    application_id  varchar(40)   not null references application (id),
    customer_id     varchar(40)   not null,
    url             varchar(2048) not null,
    body            text          not null,
    state           varchar(12)   not null,
    series          integer       not null,
    attempts        integer       not null,
    next_attempt_at bigint        not null,
    lease_until     bigint        not null,
    claim_token     varchar(40),
    changed_at      bigint        not null,
    created_at      bigint        not null,
    finished_at     bigint
);
create unique index webhook_message_seq on webhook_message (seq);
create index webhook_message_due on webhook_message (state, next_attempt_at);
create index webhook_message_order on webhook_message (application_id, state, seq);
create index webhook_message_customer on webhook_message (partner_id, customer_id);
-- seq is an identity on PostgreSQL; here the next number is the highest plus one (found through the unique index),
-- which the write lock every SQLite write transaction holds makes safe.
create trigger webhook_message_next_seq after insert on webhook_message when new.seq is null
begin
    update webhook_message set seq = (select coalesce(max(seq), 0) + 1 from webhook_message) where id = new.id;
end;

create table webhook_attempt (
    id           integer       primary key autoincrement,
    message_id   varchar(40)   not null references webhook_message (id),
    series       integer       not null,
    attempt      integer       not null,
    attempted_at bigint        not null,
    http_status  integer,
    latency_ms   bigint        not null,
    result       varchar(12)   not null,
    error        varchar(500)
);
create index webhook_attempt_message on webhook_attempt (message_id, id);

create table webhook_gone (
    application_id varchar(40) not null references application (id),
    url_hash       varchar(64) not null,
    gone_at        bigint      not null,
    primary key (application_id, url_hash)
);

create table reviewer (
    id            integer      primary key autoincrement,
    login         varchar(36)  not null unique,
    password_hash varchar(200) not null,
    failed_logins integer      not null default 0,
    locked_until  bigint       not null default 0,
    created_at    bigint       not null,
    disabled_at   bigint,
    role          varchar(16)  not null default 'analyst'
);

create table reviewer_session (
    token_hash   varchar(64) primary key,
    reviewer_id  bigint      not null references reviewer (id),
    created_at   bigint      not null,
    last_seen_at bigint      not null,
    expires_at   bigint      not null
);
create index reviewer_session_expiry on reviewer_session (expires_at);

create table reviewer_token (
    token_hash  varchar(64) primary key,
    reviewer_id bigint      not null references reviewer (id),
    expires_at  bigint      not null
);
create index reviewer_token_expiry on reviewer_token (expires_at);

create table audit_event (
    id             integer      primary key,
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
create index audit_event_customer on audit_event (customer_id, id);
create index audit_event_chain on audit_event (chain, id);

create table audit_chain_head (
    chain     varchar(16) primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
-- The legacy single chain, and the 16 stripes (V4): stripe k's first id is k + 16.
insert into audit_chain_head (chain, last_id, last_hash)
values ('main', 0, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s0', 0, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s1', 1, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s2', 2, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s3', 3, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s4', 4, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s5', 5, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s6', 6, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s7', 7, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s8', 8, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s9', 9, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s10', 10, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s11', 11, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s12', 12, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s13', 13, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s14', 14, '0000000000000000000000000000000000000000000000000000000000000000'),
       ('s15', 15, '0000000000000000000000000000000000000000000000000000000000000000');

create table sanctions_list_version (
    id                   integer       primary key autoincrement,
    imported_at          bigint        not null,
    fingerprint          varchar(1000) not null,
    entries              integer       not null,
    aliases              integer       not null,
    weak_aliases         integer       not null,
    consolidated_entries integer       not null
);

create table sanctions_list_file (
    version_id bigint      not null references sanctions_list_version (id),
    name       varchar(40) not null,
    sha256     varchar(64) not null,
    content    text        not null,
    primary key (version_id, name)
);

create table screening_evidence (
    id           integer       primary key autoincrement,
    customer_id  varchar(40)   not null,
    partner_id   bigint        not null,
    entity_id    varchar(40)   not null,
    list_version bigint        not null references sanctions_list_version (id),
    screened_at  bigint        not null,
    trigger_kind varchar(20)   not null,
    entry_ids    varchar(4000) not null,
    matches      text          not null
);
create index screening_evidence_customer on screening_evidence (customer_id, id);
create index screening_evidence_entity on screening_evidence (entity_id, id);

create table sanctions_alert (
    id           varchar(40) primary key,
    customer_id  varchar(40) not null,
    partner_id   bigint      not null,
    entity_id    varchar(40) not null,
    entry_id     varchar(20) not null,
    list_version bigint      not null,
    evidence_id  bigint      not null references screening_evidence (id),
    score        double precision not null,
    status       varchar(16) not null,
    created_at   bigint      not null,
    resolved_at  bigint,
    resolved_by  varchar(80),
    constraint sanctions_alert_once unique (entity_id, entry_id)
);
create index sanctions_alert_status on sanctions_alert (status, created_at);
create index sanctions_alert_customer on sanctions_alert (customer_id);

create table rescreen_run (
    list_version bigint  primary key references sanctions_list_version (id),
    created_at   bigint  not null,
    batches      integer not null
);
create table rescreen_batch (
    list_version   bigint      not null references rescreen_run (list_version),
    batch_no       integer     not null,
    first_customer varchar(40) not null,
    last_customer  varchar(40) not null,
    lease_until    bigint      not null,
    done_at        bigint,
    names          integer,
    alerts         integer,
    primary key (list_version, batch_no)
);
create index rescreen_batch_open on rescreen_batch (done_at, lease_until);

create table key_check (
    id          integer      primary key,
    check_value varchar(200) not null,
    created_at  bigint       not null
);

create table key_encryption_key (
    version     integer       primary key,
    wrapped_key varchar(1000),
    created_at  bigint        not null,
    retired_at  bigint
);

create table data_key (
    owner_id    varchar(240)  primary key,
    kek_version integer       not null,
    wrapped_key varchar(2000) not null,
    created_at  bigint        not null
);
create index data_key_kek on data_key (kek_version);

create table customer_erasure (
    customer_id  varchar(40) primary key references customer (id),
    partner_id   bigint      not null references partner (id),
    reason       varchar(40) not null,
    requested_at bigint      not null,
    erase_after  bigint      not null,
    erased_at    bigint
);
create index customer_erasure_due on customer_erasure (erased_at, erase_after);

create table idempotency_key (
    partner_id     bigint       not null references partner (id),
    idem_key       varchar(255) not null,
    fingerprint    varchar(64)  not null,
    status         integer,
    request_id     varchar(32),
    sealed_body    text,
    locked_until   bigint       not null,
    created_at     bigint       not null,
    primary key (partner_id, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);

create table review_claim (
    customer_id varchar(40) primary key,
    reviewer_id bigint      not null references reviewer (id),
    claimed_at  bigint      not null,
    seen_at     bigint      not null
);
create index review_claim_reviewer on review_claim (reviewer_id);

create table review_proposal (
    customer_id varchar(40)  not null,
    entity_id   varchar(40)  not null,
    outcome     varchar(10)  not null,
    reason      text         not null,
    waiver      text,
    proposed_by bigint       not null references reviewer (id),
    proposed_at bigint       not null,
    primary key (customer_id, entity_id)
);

create table upgrade_pass (
    name    varchar(64) primary key,
    done_at bigint      not null
);
