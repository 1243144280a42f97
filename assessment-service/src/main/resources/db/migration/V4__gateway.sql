-- Gateway to completion: the readiness check's waivers and declarations, and gateway submissions with one
-- component per applicable requirement. Which requirements apply, and their thresholds, come from the standard
-- version's assessment plan (and evidence-service); these tables hold only what people recorded. Nothing here is
-- ever updated: a withdrawn waiver is a new record, a decision is recorded once, a submission's status follows from
-- its decisions.

-- The apprentice's record in evidence-service (its id), read for KSB coverage, off-the-job hours, date of birth and
-- start date. Optional: an assessment registered without it cannot be checked for readiness.
alter table assessment add column apprentice_id varchar(24) check (apprentice_id ~ '^[0-9a-f]{24}$');
-- A registration without a gateway date passes the gateway to completion here: the date (and the assessment period)
-- is set when a gateway submission is accepted. A date given at registration records a gateway passed elsewhere.
alter table assessment alter column gateway_date drop not null;
alter table assessment alter column period_end drop not null;
alter table assessment add constraint assessment_period_with_gateway
    check ((gateway_date is null) = (period_end is null));

-- Waivers, their withdrawals, and declarations (employer confirmation, certificates, project scope...) per
-- readiness item. The latest waiver record of an item says whether it is waived; the latest declaration stands.
create table gateway_record (
    id               uuid        primary key,
    assessment_id    uuid        not null references assessment (id),
    item             varchar(60) not null check (item ~ '^[a-z][a-z0-9-]{0,59}$'),
    kind             varchar(20) not null check (kind in ('waiver', 'waiver-withdrawal', 'declaration')),
    reason           text check (char_length(reason) between 1 and 2000),
    declared_by      text check (char_length(declared_by) between 1 and 200),
    declared_on      date,
    reference        text check (char_length(reference) between 1 and 300),
    recorded_at      timestamptz not null,
    recorded_by      text        not null,
    recorded_by_name text        not null,
    check (kind = 'declaration' or reason is not null),
    check (kind <> 'declaration' or (declared_by is not null and declared_on is not null))
);
create index gateway_record_assessment_idx on gateway_record (assessment_id, recorded_at, id);

create table gateway_submission (
    id                uuid        primary key,
    assessment_id     uuid        not null references assessment (id),
    attempt           integer     not null check (attempt >= 1),
    note              text check (char_length(note) between 1 and 2000),
    -- The readiness check as it stood at submission (JSON, as GET .../gateway/readiness answered).
    readiness         text        not null,
    submitted_at      timestamptz not null,
    submitted_by      text        not null,
    submitted_by_name text        not null,
    constraint gateway_submission_attempt_key unique (assessment_id, attempt)
);

create table gateway_component (
    submission_id    uuid        not null references gateway_submission (id),
    position         integer     not null,
    item             varchar(60) not null,
    -- passed or waived at submission (a submission is refused unless every item is passed, waived or not applicable)
    readiness_status varchar(20) not null check (readiness_status in ('passed', 'waived')),
    primary key (submission_id, position),
    constraint gateway_component_item_key unique (submission_id, item)
);

create table gateway_decision (
    id               uuid        primary key,
    submission_id    uuid        not null references gateway_submission (id),
    item             varchar(60) not null,
    decision         varchar(10) not null check (decision in ('accepted', 'rejected')),
    reason           text check (char_length(reason) between 1 and 2000),
    decided_at       timestamptz not null,
    decided_by       text        not null,
    decided_by_name  text        not null,
    check (decision = 'accepted' or reason is not null),
    -- One decision per component, never replaced.
    constraint gateway_decision_item_key unique (submission_id, item),
    foreign key (submission_id, item) references gateway_component (submission_id, item)
);
