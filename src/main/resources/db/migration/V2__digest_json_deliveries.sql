-- The digest queue keeps its cases as JSON (CaseJson), readable with SELECT, instead of release 0.1's gzip'd Java
-- serialization; V2_1 converts the rows that release queued, V2_2 drops the old column. CHARACTER VARYING without a
-- length is unbounded in both H2 and PostgreSQL (a case carries its evidence files) and, unlike a CLOB, kept in the
-- row by H2.
ALTER TABLE DIGEST_QUEUE ADD COLUMN case_json CHARACTER VARYING;
-- A row of release 0.1 that V2_1 cannot read (damaged) is moved here as it was, with the reason, rather than stopping
-- the upgrade or being dropped: an operator decides what to do with its case.
CREATE TABLE DIGEST_QUEUE_UNREADABLE (
    case_id VARCHAR(100) PRIMARY KEY,
    region_code VARCHAR(16) NOT NULL,
    queued_at TIMESTAMP WITH TIME ZONE,
    payload ${binary} NOT NULL,
    reason VARCHAR(1000) NOT NULL
);

-- The deliveries in flight (SPEC §11): one row per case whose email is being handed to the SMTP server, written
-- before it is and deleted once the case is recorded as handled (or the server refused it). A row left behind by a
-- node that stopped is "delivery uncertain": the case may have reached its office, so it is parked, never sent again.
CREATE TABLE DELIVERIES_IN_FLIGHT (
    case_id VARCHAR(100) PRIMARY KEY,
    node_id VARCHAR(255) NOT NULL,
    started_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    uncertain BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX DELIVERIES_IN_FLIGHT_NODE ON DELIVERIES_IN_FLIGHT (node_id);
