-- Idempotency-Key: the first request's outcome per (partner, key), so a retry gets the same answer on any node.
-- The response body is stored AES-GCM sealed (it can hold names or a webhook secret), never in clear.
create table idempotency_key (
    partner_id     bigint       not null references partner (id),
    idem_key       varchar(255) not null,
    -- keyed MAC (HMAC-SHA256) of the SHA-256 of the route and the request body, which holds personal data: the same
    -- key with another request is refused
    fingerprint    varchar(64)  not null,
    -- null while the first request runs; a node that died leaves it to be taken over after locked_until
    status         integer,
    request_id     varchar(32),
    sealed_body    text,
    locked_until   bigint       not null,
    created_at     bigint       not null,
    primary key (partner_id, idem_key)
);
create index idempotency_key_created on idempotency_key (created_at);
