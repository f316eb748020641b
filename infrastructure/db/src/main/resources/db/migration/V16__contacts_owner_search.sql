-- An agent's contact search and contact list q= (issue 8, docs/PERFORMANCE.md "Where the capacity and the hit rate go"):
-- WHERE c.owner_id = ? AND c.search_text LIKE '%term%'. V9's trigram index alone returns every contact holding the
-- term's trigrams (a three-letter term: one trigram, ~2% of all contacts), which the planner ANDs with the owner's bitmap;
-- under load that was Postgres's biggest reader. With the owner as the first column (btree_gin, V14) one GIN scan
-- intersects the owner's entry with the trigrams. V9's index stays for admins, who have no owner to narrow by.
create index idx_contacts_owner_search_trgm on contacts using gin (owner_id, search_text gin_trgm_ops);
comment on index idx_contacts_owner_search_trgm is
    'owner_id = ? AND search_text LIKE ?: an agent''s contacts.search and contacts.list q=. Admins use idx_contacts_search_text_trgm.';
