-- Cases the pipeline set aside (SPEC §11), one row per case, replacing release 0.1's files under data/deferred and
-- data/dead-letter (imported at the first start by ParkedCaseImport):
-- - DEFERRED: BKN or SMTP was unavailable; taken back into intake once due_at has come (parked_at plus
--   hub.deferred.retry-delay-ms), while the BKN circuit is not open;
-- - DEAD_LETTER: failed for a reason waiting will not cure; due_at stays NULL until the `replay` command sets it.
-- A node takes a row back by claiming it (claimed_by = its hub.node-id, claimed_until = now plus
-- hub.cluster.takeover-seconds) with one UPDATE that only matches a row nobody holds or whose claim has run out, so
-- exactly one node takes it; the row is deleted once intake completed. Parking the case again replaces the row and
-- clears the claim. case_json is the case as CaseJson writes it: SELECT it to read the case.
CREATE TABLE PARKED_CASES (
    case_id VARCHAR(100) PRIMARY KEY,
    kind VARCHAR(16) NOT NULL CHECK (kind IN ('DEFERRED', 'DEAD_LETTER')),
    reason ${text} NOT NULL,
    parked_at TIMESTAMP WITH TIME ZONE NOT NULL,
    due_at TIMESTAMP WITH TIME ZONE,
    claimed_by VARCHAR(255),
    claimed_until TIMESTAMP WITH TIME ZONE,
    case_json ${text} NOT NULL
);
CREATE INDEX PARKED_CASES_DUE ON PARKED_CASES (kind, due_at);
