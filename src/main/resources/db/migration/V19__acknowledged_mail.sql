-- Report emails the hub acknowledged (SPEC §3.3), one row per message: the case id its acknowledgement named (the
-- X-Netralitas-Case-Id, also for a CSV batch) and the keyed pseudonym of the report's Message-ID, as the audit trail
-- names it (mid=…). A message read again — the hub stopped after the acknowledgement and before moving the message to
-- Processed, or the mailbox holds two copies of it — is not answered a second time (AcknowledgementPolicy). No address
-- and no Message-ID: the trail's names only. Kept like the case ledger, a few dozen bytes a message.
CREATE TABLE ACKNOWLEDGED_MAIL (
    case_id VARCHAR(100) NOT NULL,
    message VARCHAR(64) NOT NULL,
    acknowledged_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, message)
);
