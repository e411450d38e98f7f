-- Messages that failed to be read, per mailbox (SPEC §3.2, §12): besides the report mailbox the hub may read a dedicated
-- mailbox for the offices' replies (hub.followup.imap.*), whose folders may have the same names and whose UIDs are
-- counted apart. mailbox is 'report' or 'followup' (MailboxUid); the rows of the report mailbox kept before this
-- version are the report mailbox's. The table is built again because the primary key gains a column, which H2 and
-- PostgreSQL would change with different statements.
CREATE TABLE MAIL_READ_FAILURES_PER_MAILBOX (
    mailbox VARCHAR(32) NOT NULL,
    folder VARCHAR(255) NOT NULL,
    uid_validity BIGINT NOT NULL,
    uid BIGINT NOT NULL,
    attempts INT NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error VARCHAR(500) NOT NULL,
    CONSTRAINT MAIL_READ_FAILURES_KEY PRIMARY KEY (mailbox, folder, uid_validity, uid)
);

INSERT INTO MAIL_READ_FAILURES_PER_MAILBOX (mailbox, folder, uid_validity, uid, attempts, next_attempt, last_error)
SELECT 'report', folder, uid_validity, uid, attempts, next_attempt, last_error FROM MAIL_READ_FAILURES;

DROP TABLE MAIL_READ_FAILURES;

ALTER TABLE MAIL_READ_FAILURES_PER_MAILBOX RENAME TO MAIL_READ_FAILURES;
