-- BKN's places (V7) taken at a cost that does not grow with hub.bkn.rate-limit-per-second: row 0 keeps the ring's
-- cursor (next_place, the place to look at first), rows 1..limit are read by number from it, and rows -1..-concurrency
-- are the requests under way (one each, freed when the request ends), so that the concurrency is a few rows to read
-- instead of a count over every place. No index on a column a take or a release changes: each update stays one row
-- version in place (PostgreSQL's HOT), where the index on free_at gathered a dead entry per take that every take read.
-- Rows written before: row 0's cursor is NULL (the ring starts at place 1); the request rows are added by each node.
ALTER TABLE BKN_PLACE ADD COLUMN next_place INT;
DROP INDEX BKN_PLACE_FREE_AT;
DROP INDEX BKN_PLACE_HELD_BY;
