-- `./akepa partner remove` and `./akepa reviewer disable` end an account's access but keep the row: customers,
-- applications, decisions and the audit trail refer to it and must stay for retention. A disabled account
-- cannot log in and its tokens and sessions are deleted; `add` with the same login enables it again.
alter table partner add column disabled_at bigint;
alter table reviewer add column disabled_at bigint;
