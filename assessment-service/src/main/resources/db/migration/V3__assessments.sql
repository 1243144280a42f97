-- Assessors, assessment registrations and graded attempts. Every grading rule (methods, grades, caps, attempt
-- limits, the combination table) comes from the standard version's assessment plan in standards-service; these
-- tables hold only what happened. Graded attempts are never updated except to mark them superseded by a correction.

create table assessor (
    id                         uuid        primary key,
    assessment_organisation_id bigint      not null references assessment_organisation (id),
    -- The assessor's token subject (Keycloak user id): how an attempt's recorder is matched to the assigned assessor.
    user_id                    text        not null check (char_length(user_id) between 1 and 100),
    name                       text        not null check (char_length(name) between 1 and 200),
    email                      text,
    created_at                 timestamptz not null,
    created_by                 text        not null,
    constraint assessor_user_id_key unique (user_id)
);
create index assessor_organisation_idx on assessor (assessment_organisation_id, name, id);

-- Declared conflicts of interest: providers and employers whose apprentices the assessor must not assess.
create table assessor_conflict_provider (
    assessor_id    uuid       not null references assessor (id),
    provider_ukprn varchar(8) not null check (provider_ukprn ~ '^[0-9]{8}$'),
    primary key (assessor_id, provider_ukprn)
);
create table assessor_conflict_employer (
    assessor_id uuid        not null references assessor (id),
    employer_id varchar(50) not null,
    primary key (assessor_id, employer_id)
);

create table assessment (
    id                         uuid        primary key,
    assessment_organisation_id bigint      not null references assessment_organisation (id),
    uln                        varchar(10) not null check (uln ~ '^[1-9][0-9]{9}$'),
    family_name                text        not null check (char_length(family_name) between 1 and 100),
    standard_version           varchar(20) not null,
    provider_ukprn             varchar(8)  not null check (provider_ukprn ~ '^[0-9]{8}$'),
    employer_id                varchar(50) not null,
    gateway_date               date        not null,
    -- Frozen at registration from the plan's assessment period (months after the gateway date, inclusive).
    period_end                 date        not null check (period_end > gateway_date),
    assessor_id                uuid references assessor (id),
    created_at                 timestamptz not null,
    created_by                 text        not null,
    updated_at                 timestamptz not null,
    updated_by                 text        not null,
    revision                   bigint      not null default 0
);
-- One registration per learner and standard version (the service checks first to answer a clear 409).
create unique index assessment_learner_key on assessment (uln, standard_version);
create index assessment_organisation_idx on assessment (assessment_organisation_id, created_at, id);
create index assessment_provider_idx on assessment (provider_ukprn, created_at, id);
create index assessment_employer_idx on assessment (employer_id, created_at, id);

create table assessment_attempt (
    id                        uuid        primary key,
    assessment_id             uuid        not null references assessment (id),
    method_code               varchar(30) not null,
    kind                      varchar(8)  not null check (kind in ('first', 'resit', 'retake')),
    attempt_date              date        not null,
    grade                     varchar(50) not null,
    employer_agreed           boolean     not null,
    exceptional_circumstances boolean     not null,
    reason                    text        not null check (char_length(reason) between 1 and 2000),
    -- A correction points at the attempt it replaces; that one gets superseded_by and is otherwise never changed.
    corrects_id               uuid references assessment_attempt (id),
    superseded_by             uuid references assessment_attempt (id),
    recorded_at               timestamptz not null,
    recorded_by               text        not null,
    recorded_by_name          text        not null
);
create index assessment_attempt_assessment_idx on assessment_attempt (assessment_id, method_code, recorded_at);
-- A graded attempt is corrected at most once (the correction itself can be corrected in turn).
create unique index assessment_attempt_corrects_key on assessment_attempt (corrects_id) where corrects_id is not null;

create table assessment_attempt_ksb (
    attempt_id uuid       not null references assessment_attempt (id),
    position   integer    not null,
    code       varchar(4) not null,
    met        boolean    not null,
    note       text check (char_length(note) <= 2000),
    primary key (attempt_id, position)
);

create table assessment_attempt_evidence (
    attempt_id   uuid         not null references assessment_attempt (id),
    position     integer      not null,
    evidence_ref varchar(200) not null,
    primary key (attempt_id, position)
);
