-- The open case about the same person (FollowUpTable.firstOpenAbout, once per forwarded case): subject_key alone left
-- PostgreSQL's generic plan free to AND it with FOLLOW_UP_OPEN_DUE on closed_at IS NULL, which reads every open case
-- (0.56 ms and 102 pages per lookup at 20,000 open cases; 0.26 ms a case and a third of PostgreSQL's statement time in
-- a 20,000-row load run). One index on the three columns the lookup filters on finds the few rows of one person.
DROP INDEX FOLLOW_UP_SUBJECT;
CREATE INDEX FOLLOW_UP_SUBJECT ON FOLLOW_UP (subject_key, closed_at, incident_date);
