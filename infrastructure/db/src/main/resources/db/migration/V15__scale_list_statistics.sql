-- What the list routes need to keep their speed from 10k to 1m rows (issue 8, docs/PERFORMANCE.md "Scale"): two planner
-- statistics changes, each naming the query it serves; no index. Measured with ./kin bench scale on the 1m seed.

-- voicemails ----------------------------------------------------------------------------------------------
-- An agent's department queue reads "assigned to me" along idx_voicemails_assigned_to_id_(priority_rank_)created_at_id
-- with department = ? as a filter (VoicemailRepository.listMerged). Without knowing that an assignee's voicemails are
-- in the assignee's department, the planner takes department = ? as another 1-in-10 cut, expects too few rows for an
-- ordered scan and ANDs the whole department's bitmap (30k rows at 1m) instead.
create statistics voicemails_assigned_to_id_department (dependencies) on assigned_to_id, department from voicemails;
comment on statistics voicemails_assigned_to_id_department is
    'assigned_to_id determines department: row estimates of WHERE assigned_to_id = ? AND department = ?. Query voicemails.list.department.* for an agent.';

-- calls ---------------------------------------------------------------------------------------------------
-- GET /api/calls?phone=... for an agent (user_id = ? AND (from_number = ? OR to_number = ?)). With the default sample
-- the planner counts ~42k distinct caller numbers among 3m calls (there are far more) and expects ~100 calls per number,
-- so it ANDs the agent's 16k-call bitmap (~10 ms) to save heap reads; with a 300k-row sample it expects a handful and
-- filters the few calls of the number instead (< 1 ms).
alter table calls alter column from_number set statistics 1000;
alter table calls alter column to_number set statistics 1000;

-- The statistics above take effect at the next ANALYZE; run it now rather than wait for the automatic one.
analyze voicemails;
analyze calls (from_number, to_number);
