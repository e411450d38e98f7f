-- Every queued case is JSON now (V2_1): the Java-serialized payload goes, the JSON takes its name.
ALTER TABLE DIGEST_QUEUE DROP COLUMN payload;
ALTER TABLE DIGEST_QUEUE RENAME COLUMN case_json TO payload;
ALTER TABLE DIGEST_QUEUE ALTER COLUMN payload SET NOT NULL;
