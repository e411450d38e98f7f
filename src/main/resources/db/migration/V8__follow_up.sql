-- The follow-up of every forwarded case (SPEC §12), one row per case: opened when the case mail (or, for a RINGAN case,
-- its digest) was accepted by the mail server, with the Message-ID replies point at, who may answer, the deadline and
-- where the clock stands. next_check_at is when the follow-up clock looks at the case next (its deadline, then each
-- reminder's); NULL once the case is closed (SELESAI or TIDAK TERBUKTI) or escalated. A node acting on a due case claims
-- it first (claimed_by, claimed_until, as in PARKED_CASES), so a reminder goes out once across a cluster.
-- case_json is the case as CaseJson writes it, for the reminder and escalation mails.
CREATE TABLE FOLLOW_UP (
    case_id VARCHAR(100) PRIMARY KEY,
    message_id VARCHAR(255) NOT NULL,
    region_code VARCHAR(32),
    severity VARCHAR(32) NOT NULL,
    subject_key VARCHAR(255),
    incident_date DATE,
    recipients VARCHAR(4000) NOT NULL,
    forwarded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status VARCHAR(32) NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE,
    reminders INTEGER DEFAULT 0 NOT NULL,
    next_check_at TIMESTAMP WITH TIME ZONE,
    escalated_at TIMESTAMP WITH TIME ZONE,
    closed_at TIMESTAMP WITH TIME ZONE,
    claimed_by VARCHAR(255),
    claimed_until TIMESTAMP WITH TIME ZONE,
    case_json VARCHAR(1000000) NOT NULL
);
CREATE INDEX FOLLOW_UP_NEXT_CHECK ON FOLLOW_UP (next_check_at);
CREATE INDEX FOLLOW_UP_MESSAGE ON FOLLOW_UP (message_id);
CREATE INDEX FOLLOW_UP_SUBJECT ON FOLLOW_UP (subject_key);

-- What happened to a case after it was forwarded, oldest first, for the escalation mail and the HTML report's timeline:
-- FORWARDED, FOLLOW_UP (a reply, with its status), REMINDED, ESCALATED, LINKED, FOLLOW_UP_CLOSED. The audit trail
-- records the same events; this is the working copy the hub reads back.
CREATE TABLE FOLLOW_UP_HISTORY (
    case_id VARCHAR(100) NOT NULL,
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL,
    kind VARCHAR(32) NOT NULL,
    status VARCHAR(32),
    detail VARCHAR(4000)
);
CREATE INDEX FOLLOW_UP_HISTORY_CASE ON FOLLOW_UP_HISTORY (case_id, happened_at);
