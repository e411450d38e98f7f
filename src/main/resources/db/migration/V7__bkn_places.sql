-- The places of BKN's rate limit when several hub nodes share one store (SPEC §4.2, §11): BKN counts the requests of
-- the hub's account, whichever node sends them. A request holds a place (in_flight, held_by) until one rate-limit
-- window after it ended (free_at); a place held by a node that died frees itself at free_at, set when it was taken to
-- the longest a request may last. Row 0 is the lock every taker holds while it chooses: takers queue in the store.
CREATE TABLE BKN_PLACE (
    place INT PRIMARY KEY,
    in_flight BOOLEAN NOT NULL,
    held_by VARCHAR(255),
    free_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX BKN_PLACE_FREE_AT ON BKN_PLACE (free_at);
CREATE INDEX BKN_PLACE_HELD_BY ON BKN_PLACE (held_by);
