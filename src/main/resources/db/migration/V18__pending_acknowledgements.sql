-- Acknowledgements to reporters (SPEC §3.3) the SMTP server could not take for a transient reason (no connection, a
-- 4xx reply), one row each, so that a relay outage does not leave the reporters of that hour without an answer. Any
-- node sends a due row again (PendingAcknowledgementTable): it claims it as PARKED_CASES' rows are claimed, deletes it
-- once the server took the mail, and otherwise sets due_at later (the delay doubles from hub.mail.ack-retry-delay-ms to
-- hub.mail.ack-max-retry-delay-ms) until hub.mail.ack-give-up-hours after first_failed_at, when the row goes and the
-- trail says so. mail_json holds the mail as it was composed (its headers and its plain text, the reporter's address
-- among them): the only row of the state store that holds a reporter's address, kept until the acknowledgement is
-- sent or given up.
CREATE TABLE PENDING_ACKNOWLEDGEMENTS (
    message_id VARCHAR(998) PRIMARY KEY,
    case_id VARCHAR(100),
    mail_source VARCHAR(1000) NOT NULL,
    first_failed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts INTEGER NOT NULL,
    last_failure ${text} NOT NULL,
    due_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by VARCHAR(255),
    claimed_until TIMESTAMP WITH TIME ZONE,
    mail_json ${text} NOT NULL
);
CREATE INDEX PENDING_ACKNOWLEDGEMENTS_DUE ON PENDING_ACKNOWLEDGEMENTS (due_at);
