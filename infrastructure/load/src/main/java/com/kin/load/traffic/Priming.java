package com.kin.load.traffic;

import com.kin.load.traffic.mix.ActionMix;
import com.kin.load.traffic.mix.Session;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Before any traffic, one request per route of the mix, one at a time, lists first: each function then has a warm
 * instance. Without it, the first second of traffic asks every function for instances at once, and a dozen JVMs
 * starting together on a small machine take a minute each (seen: 40-60 s init durations, then 503s), which measures
 * the machine's cold-start storm rather than the platform. Not recorded; the warm-up that follows is not recorded either.
 */
final class Priming {

    private Priming() {
    }

    static void prime(Dispatcher dispatcher, List<Session> sessions, List<ActionMix> mixes, PrintStream progress)
            throws InterruptedException {
        long start = System.nanoTime();
        Set<String> primed = new HashSet<>();
        Map<String, Integer> statuses = new TreeMap<>();
        Set<String> roles = new HashSet<>();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            if (!roles.add(sessions.get(i).role())) {
                continue;
            }
            for (ActionMix.Entry entry : mixes.get(i).entries()) {
                if (primed.add(entry.action().route().key())) {
                    ActionMix.Planned planned = ActionMix.prepare(entry, sessions.get(i));
                    Dispatcher.Answer answer = dispatcher.sendNow(sessions.get(i), planned);
                    statuses.merge(answer.status(), 1, Integer::sum);
                    if (!answer.status().startsWith("2")) {
                        failed.add(planned.call().route().key() + " " + answer.status() + " " + answer.body());
                    }
                }
            }
        }
        progress.printf("kin load | primed %d routes one at a time in %.1f s (cold starts, not counted); statuses %s%s%n",
                primed.size(), (System.nanoTime() - start) / 1e9, statuses,
                failed.isEmpty() ? "" : "; not 2xx:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", failed));
    }
}
