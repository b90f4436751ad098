-- A reviewer's claim on a case ("assigned to me"), so that two analysts do not work the same one. One row per
-- customer; a claim lapses when its holder has not touched the case for AKEPA_REVIEW_CLAIM_IDLE (seen_at), and
-- ends at release, at the decision and at the holder's logout.
create table review_claim (
    customer_id varchar(40) primary key,
    reviewer_id bigint      not null references reviewer (id),
    claimed_at  bigint      not null,
    seen_at     bigint      not null
);
create index review_claim_reviewer on review_claim (reviewer_id);
