package com.kin.bench.floor;

import java.util.List;

/**
 * The search function's floor: SearchRepository's three statements (contacts, messages, voicemails), in the order
 * SearchService runs them, with Visibility's agent predicates in place of {visible}. The sample's text has three
 * characters or more, so contacts are searched too (SearchQuery.searchesContacts).
 */
final class SearchFloor {

    /** SearchRepository.CONTACTS with Visibility.owner(agent, "c.owner_id"). */
    static final String CONTACTS = """
            select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.email, c.phone, c.mobile_phone,
                   word_similarity(lower(?), c.search_text) as score
              from (select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.email, c.phone,
                           c.mobile_phone, c.search_text
                      from contacts c
                     where c.search_text like lower(?) and c.owner_id = ?
                     limit ?) as c
             order by score desc, similarity(c.search_text, lower(?)) desc, c.id
             limit ?""";

    /** SearchRepository.MESSAGES with Visibility.message(agent, "m"). */
    static final String MESSAGES = """
            select m.id, m.contact_id, m.user_id, m.direction, m.body, m.from_number, m.to_number, m.created_at,
                   ts_rank(to_tsvector('simple', m.body), q.query) as score
              from (select m.id, m.contact_id, m.user_id, m.direction, m.body, m.from_number, m.to_number, m.created_at
                      from messages m
                     where to_tsvector('simple', m.body) @@ plainto_tsquery('simple', ?)
                       and (m.user_id = ? or m.contact_owner_id = ?)
                     limit ?) as m
             cross join plainto_tsquery('simple', ?) as q(query)
             order by score desc, m.created_at desc, m.id desc
             limit ?""";

    /** SearchRepository.VOICEMAILS with Visibility.workItem(agent, "v.assigned_to_id", "v.department"). */
    static final String VOICEMAILS = """
            select v.id, v.contact_id, v.assigned_to_id, v.department, v.priority, v.from_number, v.transcription,
                   v.read_at, v.created_at, ts_rank(to_tsvector('simple', v.transcription), q.query) as score
              from (select v.id, v.contact_id, v.assigned_to_id, v.department, v.priority, v.from_number,
                           v.transcription, v.read_at, v.created_at
                      from voicemails v
                     where to_tsvector('simple', coalesce(v.transcription, '')) @@ plainto_tsquery('simple', ?)
                       and (v.assigned_to_id = ? or (v.assigned_to_id is null and v.department = ?))
                     limit ?) as v
             cross join plainto_tsquery('simple', ?) as q(query)
             order by score desc, v.created_at desc, v.id desc
             limit ?""";

    private SearchFloor() {
    }

    static SqlFloor of() {
        FloorParam text = FloorParam.searchText();
        FloorParam candidates = FloorParam.constant(FloorParam.SEARCH_CANDIDATES);
        FloorParam limit = FloorParam.searchLimit();
        FloorParam agent = FloorParam.agentId();
        return SqlFloor.groups(
                new FloorStatement("contacts", CONTACTS,
                        List.of(text, FloorParam.searchPattern(), agent, candidates, text, limit)),
                new FloorStatement("messages", MESSAGES, List.of(text, agent, agent, candidates, text, limit)),
                new FloorStatement("voicemails", VOICEMAILS,
                        List.of(text, agent, FloorParam.agentDepartment(), candidates, text, limit)));
    }
}
