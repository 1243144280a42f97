-- Apprenticeship certificates, in shapes compatible with the DfE assessment service API (docs/integrators.md).
-- certificate_reference comes from a sequence, so a reference is never reused, even after a delete or a
-- rolled-back create. Nothing is ever physically deleted: "Deleted" is a status.
create sequence certificate_reference_seq start with 1 increment by 1 no cycle;

create table certificate (
    id                        bigint generated always as identity primary key,
    certificate_reference     varchar(8)  not null check (certificate_reference ~ '^[0-9]{8}$'),
    assessment_organisation_id bigint     not null references assessment_organisation (id),
    status                    varchar(16) not null check (status in
                                  ('Draft', 'Ready', 'Submitted', 'Approved', 'Printed', 'Delivered', 'Cancelled',
                                   'Deleted')),
    standard_code             integer     not null check (standard_code > 0),
    standard_reference        varchar(6)  not null check (standard_reference ~ '^ST[0-9]{4}$'),
    uln                       varchar(10) not null check (uln ~ '^[1-9][0-9]{9}$'),
    family_name               text        not null check (char_length(family_name) between 1 and 100),
    given_names               text check (char_length(given_names) <= 100),
    version                   varchar(10) not null,
    course_option             text,
    overall_grade             varchar(32) not null check (overall_grade <> 'Fail'),
    achievement_date          date        not null check (achievement_date >= date '2017-01-01'),
    provider_ukprn            varchar(8)  not null check (provider_ukprn ~ '^[0-9]{8}$'),
    contact_name              text        not null,
    department                text,
    contact_organisation      text,
    address_line1             text        not null,
    address_line2             text,
    address_line3             text,
    address_line4             text,
    city                      text        not null,
    post_code                 varchar(10) not null,
    -- KSB codes assessed (K1, S3, B2...), frozen at creation: the credential must not change if the catalogue does.
    ksb_codes                 text        not null default '',
    -- Salt for the hashed learner identity in the Open Badges credential; random per certificate.
    identity_salt             varchar(32) not null,
    approved_at               timestamptz,
    created_at                timestamptz not null,
    created_by                text        not null,
    updated_at                timestamptz not null,
    updated_by                text        not null,
    revision                  bigint      not null default 0,
    constraint certificate_reference_key unique (certificate_reference)
);
create index certificate_organisation_idx on certificate (assessment_organisation_id, certificate_reference);
create index certificate_provider_idx on certificate (provider_ukprn, certificate_reference);
-- One live certificate per learner and standard, also against concurrent creates (the service checks first to
-- answer a clear 409; this is the real guard).
create unique index certificate_live_learner_key on certificate (uln, standard_reference)
    where status not in ('Cancelled', 'Deleted');

-- Every change to a certificate: who (token subject) and when, what was done and the status afterwards.
create table certificate_history (
    id             bigint generated always as identity primary key,
    certificate_id bigint      not null references certificate (id),
    action         varchar(16) not null,
    status         varchar(16) not null,
    changed_at     timestamptz not null,
    changed_by     text        not null,
    note           text
);
create index certificate_history_certificate_idx on certificate_history (certificate_id, id);
