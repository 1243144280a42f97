-- The catalogue: standards and their versions. KSBs, duties and assessment plans follow in later migrations.
create table standard (
    reference               varchar(6) primary key check (reference ~ '^(ST|FA|AU)[0-9]{4}$'),
    title                   text        not null,
    level                   integer     not null check (level between 2 and 8),
    route                   text,
    lars_code               integer,
    typical_duration_months integer check (typical_duration_months > 0),
    max_funding             integer check (max_funding >= 0),
    eqa_provider            text,
    regulated_body          text,
    overview                text,
    typical_job_titles      jsonb       not null default '[]'::jsonb,
    standard_page_url       text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    revision                bigint      not null default 0
);

create index standard_route_idx on standard (lower(route));
create index standard_level_idx on standard (level);

create table standard_version (
    id                    bigint generated always as identity primary key,
    standard_reference    varchar(6)  not null references standard (reference) on delete cascade,
    version_number        varchar(10) not null check (version_number ~ '^[0-9]+\.[0-9]+$'),
    status                text        not null check (status in ('Approved for delivery', 'In development',
                                                       'Proposal in development', 'Retired', 'Withdrawn')),
    approved_for_delivery date,
    earliest_start_date   date,
    latest_start_date     date,
    latest_end_date       date,
    unique (standard_reference, version_number)
);

-- Only one version of a standard may be approved for delivery at a time.
create unique index standard_version_one_approved
    on standard_version (standard_reference) where status = 'Approved for delivery';
