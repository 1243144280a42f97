-- Domain events (docs/events.md): written in the transaction of the change, handed to the event hub
-- (assessment-service) by the relay, deleted once the hub stored them. One row per event.
create table event_outbox (
    seq        bigint generated always as identity primary key,
    event_id   uuid        not null unique,
    body       text        not null,
    created_at timestamptz not null
);
