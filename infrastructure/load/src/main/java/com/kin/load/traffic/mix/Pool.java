package com.kin.load.traffic.mix;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * What a virtual user has learned of one kind (contacts, voicemails, ...), keyed by id: bounded, so a long run keeps a
 * fixed footprint (a full pool replaces a random entry), with a random pick in constant time. Responses add to it on
 * the HTTP client's threads while the scheduler picks from it, hence the lock.
 */
final class Pool<T> {

    private final int capacity;
    private final List<String> keys = new ArrayList<>();
    private final List<T> values = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();

    Pool(int capacity) {
        this.capacity = capacity;
    }

    /** Adds or replaces (a newer version of the same record) the value under key. */
    synchronized void put(String key, T value) {
        Integer at = index.get(key);
        if (at != null) {
            values.set(at, value);
        } else if (keys.size() < capacity) {
            index.put(key, keys.size());
            keys.add(key);
            values.add(value);
        } else {
            // Eviction needs no reproducibility, and this runs on the HTTP client's threads.
            int evicted = ThreadLocalRandom.current().nextInt(capacity);
            index.remove(keys.get(evicted));
            index.put(key, evicted);
            keys.set(evicted, key);
            values.set(evicted, value);
        }
    }

    synchronized Optional<T> pick(RandomGenerator random) {
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(random.nextInt(values.size())));
    }

    /** Removes and returns a random entry: for things done once (a call's final status callback). */
    synchronized Optional<T> take(RandomGenerator random) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        int at = random.nextInt(values.size());
        T value = values.get(at);
        int last = values.size() - 1;
        index.remove(keys.get(at));
        if (at != last) {
            keys.set(at, keys.get(last));
            values.set(at, values.get(last));
            index.put(keys.get(at), at);
        }
        keys.remove(last);
        values.remove(last);
        return Optional.of(value);
    }

    synchronized List<T> sample(int count, RandomGenerator random) {
        List<T> copy = new ArrayList<>(values);
        List<T> chosen = new ArrayList<>();
        while (chosen.size() < count && !copy.isEmpty()) {
            chosen.add(copy.remove(random.nextInt(copy.size())));
        }
        return chosen;
    }

    synchronized int size() {
        return values.size();
    }
}
