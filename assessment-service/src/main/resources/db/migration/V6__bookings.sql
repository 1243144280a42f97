-- Bookings of assessment methods: when (and optionally where, how and with whom) an apprentice will take a first
-- attempt, resit or retake of one method of the plan. Which methods exist, the assessment period and the resit and
-- retake rules come from the standard version's assessment plan; this table holds only what people booked.
-- A booking's details never change. Cancelling sets the cancellation columns once; recording the attempt it was
-- booked for sets attempt_id once. Rebooking is a cancellation and a new booking. The trigger below enforces this.
create table assessment_booking (
    id                  uuid        primary key,
    assessment_id       uuid        not null references assessment (id),
    method_code         varchar(30) not null,
    kind                varchar(8)  not null check (kind in ('first', 'resit', 'retake')),
    booking_date        date        not null,
    start_time          time,
    mode                varchar(10) check (mode in ('remote', 'on-site')),
    location            text check (char_length(location) between 1 and 300),
    assessor_id         uuid references assessor (id),
    employer_agreed     boolean     not null,
    note                text check (char_length(note) between 1 and 2000),
    booked_at           timestamptz not null,
    booked_by           text        not null,
    booked_by_name      text        not null,
    cancelled_at        timestamptz,
    cancelled_by        text,
    cancelled_by_name   text,
    cancellation_reason text check (char_length(cancellation_reason) between 1 and 2000),
    attempt_id          uuid references assessment_attempt (id),
    -- Cancelled: all cancellation columns together. A booking is cancelled or attended, never both.
    constraint assessment_booking_cancellation check ((cancelled_at is null) = (cancelled_by is null)
        and (cancelled_at is null) = (cancelled_by_name is null)
        and (cancelled_at is null) = (cancellation_reason is null)),
    constraint assessment_booking_cancelled_or_attended check (cancelled_at is null or attempt_id is null)
);
create index assessment_booking_assessment_idx on assessment_booking (assessment_id, booked_at, id);
-- At most one open (not cancelled, not attended) booking per method (the service checks first to answer a clear 409).
create unique index assessment_booking_open_key on assessment_booking (assessment_id, method_code)
    where cancelled_at is null and attempt_id is null;
-- One attempt per booking, one booking per attempt.
create unique index assessment_booking_attempt_key on assessment_booking (attempt_id) where attempt_id is not null;

-- Nothing booked is rewritten: only the cancellation columns or attempt_id may be set, once, from null.
create function assessment_booking_set_once() returns trigger language plpgsql as $$
begin
    if (new.id, new.assessment_id, new.method_code, new.kind, new.booking_date, new.start_time, new.mode,
            new.location, new.assessor_id, new.employer_agreed, new.note, new.booked_at, new.booked_by,
            new.booked_by_name) is distinct from
        (old.id, old.assessment_id, old.method_code, old.kind, old.booking_date, old.start_time, old.mode,
            old.location, old.assessor_id, old.employer_agreed, old.note, old.booked_at, old.booked_by,
            old.booked_by_name)
        or (old.cancelled_at is not null and (new.cancelled_at, new.cancelled_by, new.cancelled_by_name,
            new.cancellation_reason) is distinct from (old.cancelled_at, old.cancelled_by, old.cancelled_by_name,
            old.cancellation_reason))
        or (old.attempt_id is not null and new.attempt_id is distinct from old.attempt_id) then
        raise exception 'assessment_booking % is never rewritten: only cancellation or attempt_id are set, once',
            old.id using errcode = 'check_violation';
    end if;
    return new;
end
$$;
create trigger assessment_booking_set_once before update on assessment_booking
    for each row execute function assessment_booking_set_once();
