-- Retention and erasure (docs/data-protection.md). One dialect for H2 (MODE=PostgreSQL) and PostgreSQL.

-- A partner's POST /customer/erase: the relationship ended. The customer's personal data is erased once erase_after
-- passes (AKEPA_RETENTION after the later of the request and the application's completion); the row stays for ever
-- as the record of when and why. The purge claims a due row by locking it in the erasing transaction.
create table customer_erasure (
    customer_id  varchar(40) primary key references customer (id),
    partner_id   bigint      not null references partner (id),
    reason       varchar(40) not null,
    requested_at bigint      not null,
    erase_after  bigint      not null,
    erased_at    bigint
);
create index customer_erasure_due on customer_erasure (erased_at, erase_after);

-- A document whose bytes were purged (its customer erased, or AKEPA_DOCUMENT_RETENTION passed): its data key is gone,
-- its metadata and plaintext SHA-256 stay. storage_key stays set until the object itself is deleted from the store,
-- so a purge interrupted between the two steps finishes on the next pass.
alter table document add column purged_at bigint;
alter table document add column purge_reason varchar(16);
create index document_purge_pending on document (purged_at, storage_key);
