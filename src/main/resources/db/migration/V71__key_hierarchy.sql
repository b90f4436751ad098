-- The key hierarchy (docs/data-protection.md): master key → key-encryption keys → data keys.
-- One dialect for H2 (MODE=PostgreSQL) and PostgreSQL; times are epoch milliseconds.

-- One row: a constant AES-GCM encrypted under the master key. A node whose master key does not open it refuses to
-- start before it writes anything.
create table key_check (
    id          integer      primary key,
    check_value varchar(200) not null,
    created_at  bigint       not null
);

-- Key-encryption keys (Tink AES-256-GCM keysets) wrapped by the master key. The newest version with no retired_at
-- wraps new data keys; retired versions wrap none, and their material (wrapped_key) is deleted once no data key uses it.
create table key_encryption_key (
    version     integer       primary key,
    wrapped_key varchar(1000),
    created_at  bigint        not null,
    retired_at  bigint
);

-- Data keys (Tink keysets) wrapped by a key-encryption key: one per customer, per stored document object, and per
-- system purpose. Deleting a row erases what it encrypted.
create table data_key (
    owner_id    varchar(240)  primary key,
    kek_version integer       not null,
    wrapped_key varchar(2000) not null,
    created_at  bigint        not null
);
create index data_key_kek on data_key (kek_version);

-- A customer's personal data lives only in sealed_body (AES-256-GCM under its own data key, associated data: partner
-- and customer ids). body and tax_id_hash held plaintext and an unkeyed SHA-256 before this version: they are
-- emptied by the start-up upgrade (CustomerUpgrade) and no longer written.
alter table customer add column sealed_body text;
alter table customer add column tax_id_mac varchar(64);
alter table customer alter column body drop not null;
alter table customer add constraint customer_tax_id_mac_unique unique (partner_id, tax_id_mac);
