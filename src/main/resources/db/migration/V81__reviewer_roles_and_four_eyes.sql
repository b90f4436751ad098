-- Reviewer roles: an analyst works cases; a supervisor also confirms four-eyes decisions and exports the audit
-- trail. Existing reviewers are analysts until `./akepa reviewer add --login L --role supervisor`.
alter table reviewer add column role varchar(16) not null default 'analyst';

-- A decision waiting for its second pair of eyes (AKEPA_REVIEW_FOUR_EYES): one per entity. It changes nothing
-- until a supervisor other than the proposer confirms it; proposing, confirming and rejecting are audited.
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
