-- The state tables of release 0.1, which created them itself with these statements (hence IF NOT EXISTS: a state
-- file written by that release is baselined at version 0 and passes through this migration unchanged).
-- Types that differ between H2 and PostgreSQL are Flyway placeholders, set by StateSchema: ${binary}.

-- The case ledger (SPEC §1, §11): the case ids forwarded, read and written by Camel's JdbcMessageIdRepository
-- (its table, with the primary key Camel's default lacks).
CREATE TABLE IF NOT EXISTS CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255) NOT NULL,
    messageId VARCHAR(100) NOT NULL,
    createdAt TIMESTAMP,
    PRIMARY KEY (processorName, messageId)
);

-- RINGAN cases waiting for their region's daily digest (SPEC §6).
CREATE TABLE IF NOT EXISTS DIGEST_QUEUE (
    case_id VARCHAR(100) PRIMARY KEY,
    region_code VARCHAR(16) NOT NULL,
    queued_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,
    payload ${binary} NOT NULL
);
CREATE INDEX IF NOT EXISTS DIGEST_QUEUE_REGION ON DIGEST_QUEUE (region_code, queued_at);

-- Acknowledgements per sender and day (SPEC §3.3): a keyed pseudonym of the address, never the address.
CREATE TABLE IF NOT EXISTS ACK_SENDER_DAY (
    sender VARCHAR(64) NOT NULL,
    ack_day DATE NOT NULL,
    acks INT NOT NULL,
    PRIMARY KEY (sender, ack_day)
);

-- Messages of the report mailbox that failed to be read, until they leave the folder (SPEC §3.2).
CREATE TABLE IF NOT EXISTS MAIL_READ_FAILURES (
    folder VARCHAR(255) NOT NULL,
    uid_validity BIGINT NOT NULL,
    uid BIGINT NOT NULL,
    attempts INT NOT NULL,
    next_attempt TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error VARCHAR(500) NOT NULL,
    PRIMARY KEY (folder, uid_validity, uid)
);

-- The audit chain head (SPEC §8): one row.
CREATE TABLE IF NOT EXISTS AUDIT_CHAIN_HEAD (
    id INT PRIMARY KEY CHECK (id = 1),
    seq BIGINT NOT NULL,
    hash CHAR(64) NOT NULL,
    recordedAt TIMESTAMP NOT NULL
);
