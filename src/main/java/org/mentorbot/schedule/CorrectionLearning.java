package org.mentorbot.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mentorbot.store.Correction;
import org.mentorbot.store.Ledger;
import org.mentorbot.store.MessageRecord;
import org.mentorbot.triage.Triage;

/** Feeds mentors' recorded corrections back into triage (see {@link Triage#learn}). */
final class CorrectionLearning {

    private CorrectionLearning() {
    }

    static void apply(Ledger ledger, Triage triage) {
        Map<String, Correction> latest = new LinkedHashMap<>();
        for (Correction c : ledger.corrections()) latest.put(c.messageId(), c); // later ones win
        Map<String, List<String>> examples = new HashMap<>();
        Set<String> notInquirers = new HashSet<>();
        for (Correction c : latest.values()) {
            MessageRecord m = ledger.message(c.messageId()).orElse(null);
            if (m == null) continue;
            if (c.ideaId() != null && m.subject() != null) {
                examples.computeIfAbsent(c.ideaId(), k -> new ArrayList<>()).add(m.subject());
            }
            if (c.notInquiry() && m.sender() != null) notInquirers.add(m.sender());
        }
        if (!latest.isEmpty()) triage.learn(examples, notInquirers);
    }
}
