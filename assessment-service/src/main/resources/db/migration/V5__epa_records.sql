-- EPA records in the shapes of the DfE assessment service API (POST|PUT|DELETE /api/v1/epa). An EPA record is an
-- adapter linked to the assessment registration: the learner (ULN, family name), the standard version, the
-- provider, the employer and the assessment organisation are read from the assessment and never copied here.
-- Records are never updated or deleted: a PUT adds a record that replaces the standing one (replaces_id), a DELETE
-- adds a record with action 'Deleted'. The standing record of a chain is the one nothing replaces.
create sequence epa_reference_seq start with 1 increment by 1 no cycle;

create table epa_record (
    id            uuid        primary key,
    epa_reference varchar(8)  not null check (epa_reference ~ '^[0-9]{8}$'),
    assessment_id uuid        not null references assessment (id),
    action        varchar(8)  not null check (action in ('Created', 'Updated', 'Deleted')),
    replaces_id   uuid references epa_record (id),
    recorded_at   timestamptz not null,
    recorded_by   text        not null,
    request_id    varchar(64),
    check ((action = 'Created') = (replaces_id is null))
);
create index epa_record_assessment_idx on epa_record (assessment_id, recorded_at);
create index epa_record_reference_idx on epa_record (epa_reference, recorded_at);
-- A record is replaced at most once, so each reference has one linear history (a lost race answers 409).
create unique index epa_record_replaces_key on epa_record (replaces_id) where replaces_id is not null;

create table epa_record_epa (
    record_id   uuid       not null references epa_record (id),
    position    integer    not null,
    epa_date    date       not null check (epa_date >= date '2017-01-01'),
    epa_outcome varchar(9) not null check (epa_outcome in ('Pass', 'Fail', 'Withdrawn')),
    resit       boolean    not null,
    retake      boolean    not null,
    check (not (resit and retake)),
    primary key (record_id, position)
);

-- The overall grade of an assessment, derived from its standing attempts by the plan's combination table and
-- rewritten by the service whenever an attempt is recorded or corrected (the attempts stay the source of truth).
-- Held so cohort statistics can be computed in SQL (GROUP BY) without the plan. overall_graded_on is the date of
-- the last standing attempt, as in the EPA outcomes report.
alter table assessment add column overall_grade varchar(50);
alter table assessment add column overall_graded_on date;
alter table assessment add constraint assessment_overall_graded_check
    check ((overall_grade is null) = (overall_graded_on is null));
create index assessment_graded_idx on assessment (overall_graded_on, provider_ukprn) where overall_grade is not null;

-- Every declaration or removal of an assessor's conflict of interest. assessor_conflict_provider/_employer hold the
-- current set (what assignment checks); this table is the record of how it came to be, written once per change.
create table assessor_conflict_change (
    id          bigint      generated always as identity primary key,
    assessor_id uuid        not null references assessor (id),
    kind        varchar(8)  not null check (kind in ('provider', 'employer')),
    value       varchar(50) not null,
    action      varchar(8)  not null check (action in ('Declared', 'Removed')),
    reason      text check (char_length(reason) <= 2000),
    changed_at  timestamptz not null,
    changed_by  text        not null
);
create index assessor_conflict_change_assessor_idx on assessor_conflict_change (assessor_id, id);
