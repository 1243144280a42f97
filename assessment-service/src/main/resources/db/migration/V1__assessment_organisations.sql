-- Assessment organisations (formerly end-point assessment organisations, EPAOs). Gateway-to-completion
-- records, assessments and outcomes follow in later migrations and reference the surrogate id, so the
-- public epao_id can change format (the ILR EPAOrgID grows to 8 characters from 2026/27) without rewriting them.
create table assessment_organisation (
    id            bigint generated always as identity primary key,
    epao_id       varchar(8)  not null check (epao_id ~ '^EPA[0-9]{4}$'),
    name          text        not null check (char_length(name) between 1 and 200),
    ukprn         varchar(8) check (ukprn ~ '^[0-9]{8}$'),
    contact_email text,
    created_at    timestamptz not null,
    created_by    text        not null,
    updated_at    timestamptz not null,
    updated_by    text        not null,
    revision      bigint      not null default 0,
    constraint assessment_organisation_epao_id_key unique (epao_id)
);
