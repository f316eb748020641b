package com.kin.load.traffic.mix;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The weighted mix of actions of one role. An action that needs an id the user has not learned yet is replaced by its
 * fallback, a list that teaches it (lists before lookups): the first requests of every user are lists.
 */
public final class ActionMix {

    /** An action, its weight, and the action that teaches what it needs (null: it needs nothing). */
    public record Entry(Action action, int weight, Action fallback) {

        public Entry {
            if (weight < 1) {
                throw new IllegalArgumentException("action mix - weight of " + action.name() + " must be at least 1");
            }
        }
    }

    private final List<Entry> entries;
    private final int[] cumulative;

    public ActionMix(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("action mix - no actions");
        }
        this.entries = List.copyOf(entries);
        this.cumulative = new int[entries.size()];
        int total = 0;
        for (int i = 0; i < entries.size(); i++) {
            total += entries.get(i).weight();
            cumulative[i] = total;
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** An entry drawn with probability weight / total weight. */
    public Entry pick(RandomGenerator random) {
        int draw = random.nextInt(cumulative[cumulative.length - 1]);
        for (int i = 0; i < cumulative.length; i++) {
            if (draw < cumulative[i]) {
                return entries.get(i);
            }
        }
        throw new IllegalStateException("action mix - draw " + draw + " beyond the total weight");
    }

    /** The session's next request and the action it belongs to: a drawn action, or its fallback if it cannot run yet. */
    public Planned next(Session session) {
        return prepare(pick(session.random()), session);
    }

    /** The entry's request for this session, or its fallback's when the session cannot make it yet. */
    public static Planned prepare(Entry entry, Session session) {
        Optional<HttpCall> call = entry.action().prepare().apply(session);
        if (call.isPresent()) {
            return new Planned(entry.action(), call.get());
        }
        if (entry.fallback() == null) {
            throw new IllegalStateException("action mix - " + entry.action().name() + " could not be prepared and has no fallback");
        }
        HttpCall fallback = entry.fallback().prepare().apply(session).orElseThrow(() -> new IllegalStateException(
                "action mix - fallback " + entry.fallback().name() + " of " + entry.action().name() + " needs ids too"));
        return new Planned(entry.fallback(), fallback);
    }

    /** A prepared request and the action whose {@code learn} reads its response. */
    public record Planned(Action action, HttpCall call) {
    }

    /** Each route's share of the draws (before fallbacks), in percent: the mix as documented and reported. */
    public Map<String, Double> shares() {
        double total = cumulative[cumulative.length - 1];
        Map<String, Double> shares = new LinkedHashMap<>();
        for (Entry entry : entries) {
            shares.merge(entry.action().route().key(), 100.0 * entry.weight() / total, Double::sum);
        }
        shares.replaceAll((route, share) -> Math.round(share * 100) / 100.0);
        return shares;
    }

    /** Every action a session of this mix can run, fallbacks included: each must be a route of the template. */
    public List<Action> allActions() {
        List<Action> all = new ArrayList<>();
        for (Entry entry : entries) {
            all.add(entry.action());
            if (entry.fallback() != null) {
                all.add(entry.fallback());
            }
        }
        return all;
    }
}
