-- DfE assessment service semantics (docs/integrators.md, "DfE assessor-service API").
--
-- 1. An assessment organisation must be approved for a standard version before it records EPA outcomes or
--    certificates for it. One row per organisation and standard-version key (ST1398_1.0); withdrawing an approval
--    deletes the row (the stamp columns say who approved it and when).
create table organisation_standard_version (
    id                         bigint generated always as identity primary key,
    assessment_organisation_id bigint      not null references assessment_organisation (id),
    standard_version           varchar(20) not null check (standard_version ~ '^(ST|FA|AU)[0-9]{4}_[0-9]+\.[0-9]+$'),
    standard_reference         varchar(6)  not null,
    version                    varchar(10) not null,
    approved_at                timestamptz not null,
    approved_by                text        not null,
    approved_by_name           text,
    approved_by_role           text,
    approved_on_behalf_of      text,
    approved_request_id        text,
    constraint organisation_standard_version_key unique (assessment_organisation_id, standard_version)
);
create index organisation_standard_version_reference_idx
    on organisation_standard_version (assessment_organisation_id, standard_reference);

-- 2. Tenancy: a learner may be registered with more than one organisation (a change of organisation, or an
--    organisation that does not know of another's registration); a registration or a certificate of another
--    organisation must never make a request fail in a way that reveals it. So uniqueness is per organisation.
drop index assessment_learner_key;
create unique index assessment_learner_key on assessment (uln, standard_version, assessment_organisation_id);

drop index certificate_live_learner_key;
create unique index certificate_live_learner_key on certificate (uln, standard_reference, assessment_organisation_id)
    where status not in ('Cancelled', 'Deleted');

-- 3. A certificate's provider and employer come from the registration it is issued on.
alter table certificate add column employer_id text;
alter table certificate add column assessment_id uuid references assessment (id);
