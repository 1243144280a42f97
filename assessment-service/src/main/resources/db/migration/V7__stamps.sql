-- One "who did it" meaning everywhere (the platform's Stamp): every event a table records has the same six columns,
-- <event>_by (the token subject: stable, what histories compare), <event>_by_name (display name), <event>_by_role
-- (the caller's primary role), <event>_on_behalf_of (the subject a delegated token acted for), <event>_request_id
-- (the request's X-Request-Id) and <event>_at. Before this, created_by/updated_by of organisations, assessors and
-- assessments held a username while certificates, their history, conflict changes and EPA records held the subject.
-- Old rows cannot be given a subject they never recorded: their username (or subject) is copied to <event>_by_name,
-- and role, on-behalf-of and request id stay null for them.

alter table assessment_organisation
    add column created_by_name text,
    add column created_by_role text,
    add column created_on_behalf_of text,
    add column created_request_id varchar(200),
    add column updated_by_name text,
    add column updated_by_role text,
    add column updated_on_behalf_of text,
    add column updated_request_id varchar(200);
update assessment_organisation set created_by_name = created_by, updated_by_name = updated_by;
alter table assessment_organisation alter column created_by_name set not null, alter column updated_by_name set not null;

alter table assessor
    add column created_by_name text,
    add column created_by_role text,
    add column created_on_behalf_of text,
    add column created_request_id varchar(200);
update assessor set created_by_name = created_by;
alter table assessor alter column created_by_name set not null;

alter table assessment
    add column created_by_name text,
    add column created_by_role text,
    add column created_on_behalf_of text,
    add column created_request_id varchar(200),
    add column updated_by_name text,
    add column updated_by_role text,
    add column updated_on_behalf_of text,
    add column updated_request_id varchar(200);
update assessment set created_by_name = created_by, updated_by_name = updated_by;
alter table assessment alter column created_by_name set not null, alter column updated_by_name set not null;

alter table assessment_attempt
    add column recorded_by_role text,
    add column recorded_on_behalf_of text,
    add column recorded_request_id varchar(200);

alter table certificate
    add column created_by_name text,
    add column created_by_role text,
    add column created_on_behalf_of text,
    add column created_request_id varchar(200),
    add column updated_by_name text,
    add column updated_by_role text,
    add column updated_on_behalf_of text,
    add column updated_request_id varchar(200);
update certificate set created_by_name = created_by, updated_by_name = updated_by;
alter table certificate alter column created_by_name set not null, alter column updated_by_name set not null;

alter table certificate_history
    add column changed_by_name text,
    add column changed_by_role text,
    add column changed_on_behalf_of text,
    add column changed_request_id varchar(200);
update certificate_history set changed_by_name = changed_by;
alter table certificate_history alter column changed_by_name set not null;

alter table assessor_conflict_change
    add column changed_by_name text,
    add column changed_by_role text,
    add column changed_on_behalf_of text,
    add column changed_request_id varchar(200);
update assessor_conflict_change set changed_by_name = changed_by;
alter table assessor_conflict_change alter column changed_by_name set not null;

alter table epa_record
    add column recorded_by_name text,
    add column recorded_by_role text,
    add column recorded_on_behalf_of text,
    add column recorded_request_id varchar(200);
update epa_record set recorded_by_name = recorded_by;
alter table epa_record alter column recorded_by_name set not null;

alter table gateway_record
    add column recorded_by_role text,
    add column recorded_on_behalf_of text,
    add column recorded_request_id varchar(200);

alter table gateway_submission
    add column submitted_by_role text,
    add column submitted_on_behalf_of text,
    add column submitted_request_id varchar(200);

alter table gateway_decision
    add column decided_by_role text,
    add column decided_on_behalf_of text,
    add column decided_request_id varchar(200);

alter table assessment_booking
    add column booked_by_role text,
    add column booked_on_behalf_of text,
    add column booked_request_id varchar(200),
    add column cancelled_by_role text,
    add column cancelled_on_behalf_of text,
    add column cancelled_request_id varchar(200);

-- A booking's stamps are written once like the rest of it (V6): the new columns join the set-once check.
create or replace function assessment_booking_set_once() returns trigger language plpgsql as $$
begin
    if (new.id, new.assessment_id, new.method_code, new.kind, new.booking_date, new.start_time, new.mode,
            new.location, new.assessor_id, new.employer_agreed, new.note, new.booked_at, new.booked_by,
            new.booked_by_name, new.booked_by_role, new.booked_on_behalf_of, new.booked_request_id) is distinct from
        (old.id, old.assessment_id, old.method_code, old.kind, old.booking_date, old.start_time, old.mode,
            old.location, old.assessor_id, old.employer_agreed, old.note, old.booked_at, old.booked_by,
            old.booked_by_name, old.booked_by_role, old.booked_on_behalf_of, old.booked_request_id)
        or (old.cancelled_at is not null and (new.cancelled_at, new.cancelled_by, new.cancelled_by_name,
            new.cancelled_by_role, new.cancelled_on_behalf_of, new.cancelled_request_id, new.cancellation_reason)
            is distinct from (old.cancelled_at, old.cancelled_by, old.cancelled_by_name, old.cancelled_by_role,
            old.cancelled_on_behalf_of, old.cancelled_request_id, old.cancellation_reason))
        or (old.attempt_id is not null and new.attempt_id is distinct from old.attempt_id) then
        raise exception 'assessment_booking % is never rewritten: only cancellation or attempt_id are set, once',
            old.id using errcode = 'check_violation';
    end if;
    return new;
end
$$;
