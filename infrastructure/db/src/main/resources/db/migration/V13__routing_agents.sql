-- Inbound call and SMS routing (RoutingRule in shared/data, query routing.targets): the agents of a department who can
-- take a call, oldest accounts first, at most ten:
--   WHERE role = 'agent' AND department = ? AND active AND client_identity IS NOT NULL ORDER BY created_at, id LIMIT 10
-- idx_users_role_department finds the department's users but not in that order, so the planner walks
-- idx_users_created_at_id and filters instead, reading the whole users table for a department with few or no agents.
-- Partial: only users a call can be routed to, so it stays small and every row it holds is a match.
create index idx_users_routable_agents on users (department, created_at, id)
    where role = 'agent' and active and client_identity is not null;
comment on index idx_users_routable_agents is
    'A department''s active agents with a Twilio Client identity, oldest first (inbound call/SMS routing). Query routing.targets.';
