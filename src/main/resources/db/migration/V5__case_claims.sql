-- Cases being processed, one row each, so that of several hub nodes that read the same report only one forwards it
-- (SPEC §11). A claim lasts until claimed_until, renewed by its node while the case is in flight; a node that dies
-- stops renewing, and after hub.cluster.takeover-seconds another node may take the case over.
CREATE TABLE CASE_CLAIM (
    case_id VARCHAR(100) PRIMARY KEY,
    node_id VARCHAR(255) NOT NULL,
    claimed_until TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX CASE_CLAIM_NODE ON CASE_CLAIM (node_id);
