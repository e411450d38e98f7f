-- FOLLOW_UP keeps a summary of each forwarded case instead of the whole case (issue 13: state per case; SPEC §9: a row
-- kept for months holds no reporter identity it never uses): one line of JSON with what the reminder and escalation
-- mails say about the case and whom they go to (netralitas.hub.followup.CaseSummary), e.g.
-- {"id":"NH-…","subject":"[NETRALITAS ASN][BERAT] …","name":"…","nip":"…","severity":"BERAT","category":"…",
--  "place":"Kabupaten Kepahiang","incident":"2024-10-05","to":"…","cc":"…","kanreg":"VII","channel":"CSV","source":"…"}.
-- Migration V14_1 fills it from each row's case_json, then drops case_json and makes it NOT NULL.
ALTER TABLE FOLLOW_UP ADD COLUMN case_summary VARCHAR(1000000);
