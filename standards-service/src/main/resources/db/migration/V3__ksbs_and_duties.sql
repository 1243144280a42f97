-- What a standard version contains: KSBs, duties and their mapping, options and qualifications, and how complete
-- the source it was loaded from is. Texts are stored as the source gives them; null means the source does not
-- give the text (never an empty string standing in for "unknown").

-- Where a version's content came from, and how many items the source says exist (it may show fewer).
alter table standard_version
    add column source              text,
    add column source_note         text,
    add column core_and_options    boolean,
    add column expected_knowledge  integer check (expected_knowledge >= 0),
    add column expected_skills     integer check (expected_skills >= 0),
    add column expected_behaviours integer check (expected_behaviours >= 0),
    add column expected_duties     integer check (expected_duties >= 0);

comment on column standard_version.source is 'Where the content was loaded from, e.g. Skills England published summary, Proposal';
comment on column standard_version.core_and_options is 'null: the source does not say whether the version has options';

-- The n-th item of a kind is its code (K1, S1, B1), as in the Skills England feed; the id is the feed's GUID.
create table ksb (
    id               uuid primary key,
    version_id       bigint     not null references standard_version (id) on delete cascade,
    kind             varchar(1) not null check (kind in ('K', 'S', 'B')),
    position         integer    not null check (position > 0),
    detail           text,
    detail_truncated boolean    not null default false,
    unique (version_id, kind, position),
    check (detail is not null or not detail_truncated)
);

comment on column ksb.detail is 'null: the source does not give this text';
comment on column ksb.detail_truncated is 'the source shows only the beginning of the text (stored as shown)';

create table duty (
    id                uuid primary key,
    version_id        bigint  not null references standard_version (id) on delete cascade,
    position          integer not null check (position > 0),
    detail            text,
    core              boolean,
    ksb_mapping_known boolean not null,
    unique (version_id, position)
);

comment on column duty.core is 'null: the source does not say whether the duty is core';
comment on column duty.ksb_mapping_known is 'false: the source does not give the KSBs this duty maps to';

create table duty_ksb (
    duty_id uuid not null references duty (id) on delete cascade,
    ksb_id  uuid not null references ksb (id) on delete cascade,
    primary key (duty_id, ksb_id)
);

create index duty_ksb_ksb_idx on duty_ksb (ksb_id);

create table standard_option (
    id         uuid primary key,
    version_id bigint  not null references standard_version (id) on delete cascade,
    position   integer not null check (position > 0),
    title      text    not null,
    unique (version_id, position)
);

create table duty_option (
    duty_id   uuid not null references duty (id) on delete cascade,
    option_id uuid not null references standard_option (id) on delete cascade,
    primary key (duty_id, option_id)
);

create index duty_option_option_idx on duty_option (option_id);

create table qualification (
    id                     uuid primary key,
    version_id             bigint  not null references standard_version (id) on delete cascade,
    position               integer not null check (position > 0),
    title                  text    not null,
    level                  integer,
    additional_information text,
    unique (version_id, position)
);
