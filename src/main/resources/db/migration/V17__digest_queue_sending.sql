-- A digest's cases are marked with its Message-ID just before it goes to the mail server, and removed once it was
-- accepted (DigestQueue.sending, remove). A row still marked at the next digest run was in a digest whose node stopped
-- between the two: that digest may have reached the office, so its cases are parked as "delivery uncertain" rather than
-- sent again (SPEC §11). Empty (NULL) for a case waiting for its digest.
ALTER TABLE DIGEST_QUEUE ADD COLUMN sending_message_id CHARACTER VARYING(998);
