-- Start-up passes that only an upgrade needs (sealing what a version before encryption stored in plaintext): a row
-- says the pass has finished on this database, so later starts skip its whole-table scan.
create table upgrade_pass (
    name    varchar(64) primary key,
    done_at bigint      not null
);
