-- An agent's alphabetical contact list (GET /api/contacts?sort=name, statement contacts.list.name for an agent):
-- WHERE c.owner_id = ? [AND (first_name, last_name, id) > (?, ?, ?)] ORDER BY first_name, last_name, id LIMIT ?.
-- Without it the planner either sorts all of the owner's contacts for every page (idx_contacts_owner_id_updated_at_id)
-- or walks V9's name index for everyone's contacts and filters the owner's out, reading ~(all contacts / the owner's)
-- entries per row returned, and far more when an owner's names are not spread like everyone's (a book of "Z..."
-- accounts reads nearly the whole index). With the owner first, every page is one range of this index
-- (functions/contacts ContactQueryPlansIT asserts it: the index, and no Sort node).
create index idx_contacts_owner_id_first_name_last_name_id on contacts (owner_id, first_name, last_name, id);
comment on index idx_contacts_owner_id_first_name_last_name_id is
    'An agent''s contacts alphabetically: WHERE owner_id = ? ORDER BY first_name, last_name, id with keyset paging (contacts.list.name).';
