-- Skills England feed fields the catalogue used to drop, DfE's funding bands, and the lookups the assessment
-- service's DfE surface needs (by LARS code, by version key, across standards).
--
-- Field names and types follow the feed as DfE's own importer reads it (SkillsFundingAgency/das-courses-api,
-- src/SFA.DAS.Courses.Domain/ImportTypes/SkillsEngland/Apprenticeship.cs): assessmentPlanUrl (string), keywords
-- (string[]), regulated (bool), regulationDetail ([{name, approved, webLink}]). Each feed item is one version, so
-- they are kept per version. null means the source does not give the field (never an empty stand-in).
alter table standard_version
    add column assessment_plan_url text,
    add column keywords            jsonb check (keywords is null or jsonb_typeof(keywords) = 'array'),
    add column regulated           boolean,
    add column regulation_detail   jsonb check (regulation_detail is null or jsonb_typeof(regulation_detail) = 'array');

comment on column standard_version.keywords is 'the feed''s keywords; null: the source does not give them';
comment on column standard_version.regulated is 'the feed''s regulated flag; null: the source does not say';
comment on column standard_version.regulation_detail is 'the feed''s regulationDetail: [{name, approved, webLink}]';

-- Funding over time. The feed has one maxFunding; the funding bands with their dates are LARS data, as DfE's
-- courses API serves them (ApprenticeshipFunding: EffectiveFrom, EffectiveTo, MaxEmployerLevyCap, Duration). A
-- LARS code is a standard, so bands belong to the standard, not to a version.
create table standard_funding_band (
    id                    bigint generated always as identity primary key,
    standard_reference    varchar(6) not null references standard (reference) on delete cascade,
    effective_from        date       not null,
    effective_to          date,
    max_employer_levy_cap integer    not null check (max_employer_levy_cap >= 0),
    duration_months       integer check (duration_months > 0),
    unique (standard_reference, effective_from),
    check (effective_to is null or effective_to >= effective_from)
);

comment on column standard_funding_band.effective_to is 'null: open-ended (the band in force now)';

-- Lookups by LARS code (DfE clients name a standard by it).
create index standard_lars_code_idx on standard (lars_code);
