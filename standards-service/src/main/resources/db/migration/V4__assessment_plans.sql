-- The assessment plan of a standard version: methods with their grades and KSB coverage, the grade combination
-- table, gateway requirements, resit/retake rules, the assessment period and the off-the-job minimum rules.
--
-- Stored as one JSON document per version rather than as tables, because:
--  * it is read and replaced whole (GET/PUT of the plan; the assessment-service takes it whole), never queried
--    by its parts;
--  * its shape varies between standards (two or five methods, different grade scales, combination rows with one
--    grade per method), which as tables would be seven or more tables and a row-per-cell combination table;
--  * every write goes through one validator in the service (AssessmentPlanValidator) that checks what the
--    database could not check anyway (complete combination table, KSB codes of this version, no overlapping
--    date ranges); the document is the API's own request format (AssessmentPlanDocument), so nothing maps.
-- The database still guarantees one plan per version and that the document is a JSON object.
create table assessment_plan (
    version_id bigint primary key references standard_version (id) on delete cascade,
    document   jsonb       not null check (jsonb_typeof(document) = 'object'),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    revision   bigint      not null default 0
);

comment on table assessment_plan is 'One validated assessment plan document per standard version (see V4 header)';
comment on column assessment_plan.document is 'AssessmentPlanDocument as JSON; every section says confirmed and source';
