package com.kin.data.search;

import com.kin.core.domain.ContactMatch;
import com.kin.core.domain.MessageMatch;
import com.kin.core.domain.VoicemailMatch;
import com.kin.core.domain.VoicemailPriority;
import com.kin.core.identity.Caller;
import com.kin.data.Rows;
import com.kin.data.Sql;
import com.kin.data.Visibility;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Global search over contacts, messages and voicemail transcriptions, each filtered by the caller's {@link Visibility}.
 *
 * <p><b>Visibility inside the index.</b> Messages and voicemails have a multicolumn GIN index (V14) over the columns
 * their visibility reads and their text, so "the agent's rows AND the word" is answered inside the index: GIN intersects
 * the agent's posting list with the word's and skips through the longer one. The work is bounded by what the caller may
 * see, not by how often the word occurs in the whole table. Admins, who may see everything, use the same index by the
 * text alone. Contacts keep the trigram-only index (V14 says why).
 *
 * <p><b>Bounded ranking.</b> Each query first collects at most {@link #CANDIDATES} visible matches straight from the
 * index (a GIN bitmap scan, in no particular order), and only those are scored and sorted. A common word can match
 * hundreds of thousands of rows at a million; scoring and sorting all of them would cost a heap fetch and a score per
 * match on every request. With the cap the cost stays near {@code CANDIDATES} rows whatever the table size. The price:
 * when a query matches more than {@code CANDIDATES} rows, the results are the best of an arbitrary
 * {@code CANDIDATES}-row subset, not necessarily the best overall; a more specific query (another word) narrows the
 * matches below the cap, and from there the ranking is exact.
 * <ul>
 *   <li>Contacts: {@code search_text LIKE %q%} through a trigram index ({@code idx_contacts_owner_search_trgm},
 *       owner_id first, for an agent; either it or {@code idx_contacts_search_text_trgm} otherwise), ranked by
 *       {@code word_similarity} (whole-word matches first), then {@code similarity}.</li>
 *   <li>Messages: {@code to_tsvector('simple', body) @@ plainto_tsquery('simple', q)} through
 *       {@code idx_messages_search} (user_id, contact_owner_id, body), ranked by {@code ts_rank}, newest first among
 *       equals.</li>
 *   <li>Voicemails: the same over {@code coalesce(transcription, '')} through {@code idx_voicemails_search}
 *       (assigned_to_id, department, transcription), and for an agent's department queue through the partial
 *       {@code idx_voicemails_search_unassigned}.</li>
 * </ul>
 * The expressions match the index definitions of V9 and V14 exactly; any change to one must change the other.
 */
@Singleton
public class SearchRepository {

    /** At most this many matches per kind are ranked (see the class comment). */
    public static final int CANDIDATES = 50;

    private static final String CONTACTS = """
            select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.email, c.phone, c.mobile_phone,
                   word_similarity(lower(?), c.search_text) as score
              from (select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.email, c.phone,
                           c.mobile_phone, c.search_text
                      from contacts c
                     where c.search_text like lower(?) and {visible}
                     limit ?) as c
             order by score desc, similarity(c.search_text, lower(?)) desc, c.id
             limit ?""";

    private static final String MESSAGES = """
            select m.id, m.contact_id, m.user_id, m.direction, m.body, m.from_number, m.to_number, m.created_at,
                   ts_rank(to_tsvector('simple', m.body), q.query) as score
              from (select m.id, m.contact_id, m.user_id, m.direction, m.body, m.from_number, m.to_number, m.created_at
                      from messages m
                     where to_tsvector('simple', m.body) @@ plainto_tsquery('simple', ?) and {visible}
                     limit ?) as m
             cross join plainto_tsquery('simple', ?) as q(query)
             order by score desc, m.created_at desc, m.id desc
             limit ?""";

    private static final String VOICEMAILS = """
            select v.id, v.contact_id, v.assigned_to_id, v.department, v.priority, v.from_number, v.transcription,
                   v.read_at, v.created_at, ts_rank(to_tsvector('simple', v.transcription), q.query) as score
              from (select v.id, v.contact_id, v.assigned_to_id, v.department, v.priority, v.from_number,
                           v.transcription, v.read_at, v.created_at
                      from voicemails v
                     where to_tsvector('simple', coalesce(v.transcription, '')) @@ plainto_tsquery('simple', ?)
                       and {visible}
                     limit ?) as v
             cross join plainto_tsquery('simple', ?) as q(query)
             order by score desc, v.created_at desc, v.id desc
             limit ?""";

    /** Contacts whose name, organization, e-mail or phones contain {@code text} (3 characters or more). */
    public List<ContactMatch> contacts(Sql sql, Caller caller, String text, int limit) {
        Visibility.Fragment visible = Visibility.owner(caller, "c.owner_id");
        List<Object> params = new ArrayList<>();
        params.add(text);
        params.add("%" + escapeLike(text) + "%");
        params.addAll(visible.params());
        params.add(CANDIDATES);
        params.add(text);
        params.add(limit);
        return sql.query("search.contacts", CONTACTS.replace("{visible}", visible.sql()),
                row -> new ContactMatch(Rows.uuid(row, "id"), Rows.uuid(row, "owner_id"), row.getString("first_name"),
                        row.getString("last_name"), row.getString("organization"), row.getString("email"),
                        row.getString("phone"), row.getString("mobile_phone"), row.getDouble("score")),
                params.toArray());
    }

    /** Messages whose body contains every word of {@code text}. */
    public List<MessageMatch> messages(Sql sql, Caller caller, String text, int limit) {
        Visibility.Fragment visible = Visibility.message(caller, "m");
        return sql.query("search.messages", MESSAGES.replace("{visible}", visible.sql()),
                row -> new MessageMatch(Rows.uuid(row, "id"), Rows.uuid(row, "contact_id"), Rows.uuid(row, "user_id"),
                        row.getString("direction"), row.getString("body"), row.getString("from_number"),
                        row.getString("to_number"), Rows.instant(row, "created_at"), row.getDouble("score")),
                fullTextParams(text, visible, limit));
    }

    /** Voicemails whose transcription contains every word of {@code text}. */
    public List<VoicemailMatch> voicemails(Sql sql, Caller caller, String text, int limit) {
        Visibility.Fragment visible = Visibility.workItem(caller, "v.assigned_to_id", "v.department");
        return sql.query("search.voicemails", VOICEMAILS.replace("{visible}", visible.sql()),
                row -> new VoicemailMatch(Rows.uuid(row, "id"), Rows.uuid(row, "contact_id"),
                        Rows.uuid(row, "assigned_to_id"), row.getString("department"),
                        VoicemailPriority.fromWire(row.getString("priority")).orElseThrow(),
                        row.getString("from_number"), row.getString("transcription"),
                        row.getTimestamp("read_at") != null, Rows.instant(row, "created_at"), row.getDouble("score")),
                fullTextParams(text, visible, limit));
    }

    private static Object[] fullTextParams(String text, Visibility.Fragment visible, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(text);
        params.addAll(visible.params());
        params.add(CANDIDATES);
        params.add(text);
        params.add(limit);
        return params.toArray();
    }

    /** {@code text} as a literal inside a LIKE pattern: its own %, _ and \ match only themselves. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
