-- The audit trail in PostgreSQL mode (SPEC §8, §11): one row per event, the whole cluster's one chain, appended under
-- the lock of the AUDIT_CHAIN_HEAD row, which moves with every commit. json_line is the exact line the file trail of
-- embedded mode would hold (what `audit verify` checks and `audit export --format json` writes); the other columns
-- are copies for queries. Created in both modes so that the schema is one; in embedded mode it stays empty (the trail
-- is the daily files under hub.data-dir/audit).
CREATE TABLE AUDIT_EVENT (
    seq BIGINT PRIMARY KEY,
    event_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The day in the event's own offset: the day whose file the line would be in.
    event_day DATE NOT NULL,
    case_id VARCHAR(600),
    event_type VARCHAR(40) NOT NULL,
    json_line ${text} NOT NULL
);
CREATE INDEX AUDIT_EVENT_CASE ON AUDIT_EVENT (case_id, seq);
CREATE INDEX AUDIT_EVENT_DAY ON AUDIT_EVENT (event_day, event_type);
