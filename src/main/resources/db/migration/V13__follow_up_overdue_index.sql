-- The overdue cases per region (metric netralitas_followup_overdue, read every hub.followup.overdue-refresh-ms on every
-- node): open cases past their deadline, found in this index instead of a scan of every follow-up with its case JSON.
CREATE INDEX FOLLOW_UP_OPEN_DUE ON FOLLOW_UP (closed_at, due_at, region_code);
