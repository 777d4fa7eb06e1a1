package org.mentorbot.archive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mentorbot.mail.Subjects;

/**
 * Groups messages into threads, JWZ-style, in whatever order they arrive.
 *
 * <p>Every Message-ID seen, whether archived or only referenced, is a node; a message is joined (union-find)
 * with every id in its References and In-Reply-To, so a child that arrives before its parent already shares a
 * set with the parent's id, and a parent that arrives later merges the sets it is referenced from. A reply
 * ("Re:") none of whose referenced ids is known falls back to the most recent thread with the same normalised
 * subject, if that thread was active within {@link #SUBJECT_WINDOW_MS}.
 *
 * <p>A thread's id is the Message-ID of its earliest-dated archived message (undated messages count as
 * latest; ties go to the first to arrive). When that changes (a merge, or an earlier message arriving), the
 * archived messages whose thread id changed are collected for {@link #drainChanges()}, so the archive can
 * rewrite their documents. Keys are lower-cased Message-IDs; not thread-safe.
 */
final class Threader {

    static final long SUBJECT_WINDOW_MS = 60L * 24 * 3600 * 1000;

    private static final class Node {
        final String key;
        String id;          // as written, with angle brackets
        Node parent = this; // union-find
        long date = Long.MAX_VALUE;
        boolean archived;
        // Only meaningful on a set's root:
        List<Node> members; // archived messages of the set
        Node earliest;      // thread id source, null while the set holds no archived message
        int size = 1;

        Node(String key, String id) {
            this.key = key;
            this.id = id;
        }
    }

    private record SubjectEntry(Node node, long lastDate) {
    }

    private final Map<String, Node> nodes = new HashMap<>();
    private final Map<String, SubjectEntry> subjects = new HashMap<>();
    private final Map<String, String> changes = new LinkedHashMap<>();
    // While restoring: each message's thread id as the index has it.
    private final Map<String, String> restored = new HashMap<>();

    /**
     * The key of a Message-ID (or thread id) everywhere in the archive: lower-cased, and clipped as the index
     * clips its terms, so that a hostile, endless Message-ID is stored and found like any other.
     */
    static String key(String messageId) {
        return ArchiveDocument.clip(messageId.toLowerCase(Locale.ROOT));
    }

    boolean isArchived(String messageId) {
        Node n = nodes.get(key(messageId));
        return n != null && n.archived;
    }

    /**
     * Places a new message and returns its thread id. The message must not be archived already.
     *
     * @param date epoch ms, or 0 when unknown
     */
    String add(String messageId, long date, List<String> references, String subject) {
        String key = key(messageId);
        Node node = nodes.get(key);
        if (node != null && node.archived) throw new IllegalArgumentException(messageId + " is already threaded");
        boolean parentKnown = false;
        for (String ref : references) {
            if (nodes.containsKey(key(ref))) {
                parentKnown = true;
                break;
            }
        }
        node = archive(messageId, date);
        for (String ref : references) {
            if (!key(ref).equals(key)) union(node, node(ref));
        }
        String subjectKey = Subjects.key(subject);
        boolean reply = Subjects.isReply(subject);
        if (reply && !parentKnown && !subjectKey.isEmpty() && date > 0) {
            SubjectEntry entry = subjects.get(subjectKey);
            if (entry != null && Math.abs(date - entry.lastDate()) <= SUBJECT_WINDOW_MS) union(node, entry.node());
        }
        remember(subjectKey, node, date);
        changes.remove(key); // its document is written after this, with the final thread id
        return threadOf(messageId);
    }

    /**
     * Re-creates a message placed in an earlier run, from what the index holds; the thread recorded then is
     * kept (it encodes subject-fallback joins that the references alone would not repeat). Call
     * {@link #restored()} after the last one.
     */
    void restore(String messageId, long date, List<String> references, String subjectKey, String thread) {
        Node node = archive(messageId, date);
        for (String ref : references) union(node, node(ref));
        if (thread != null && !key(thread).equals(node.key)) union(node, node(thread));
        remember(subjectKey, node, date);
        if (thread != null) restored.put(node.key, thread);
    }

    /**
     * Ends a restore: only messages whose thread id comes out other than the index says (an index written
     * before ties were broken by id) are left as changes, to be rewritten.
     */
    void restored() {
        changes.clear();
        restored.forEach((key, thread) -> {
            String now = threadOf(nodes.get(key).id);
            if (now != null && !key(now).equals(key(thread))) changes.put(key, now);
        });
        restored.clear();
    }

    /** The thread id of an archived or referenced message, or null when the id is unknown or only referenced. */
    String threadOf(String messageId) {
        Node n = nodes.get(key(messageId));
        if (n == null) return null;
        Node earliest = find(n).earliest;
        return earliest == null ? null : earliest.id;
    }

    /** Archived members of a thread, by date. */
    List<String> members(String threadId) {
        String thread = threadOf(threadId);
        if (thread == null || !key(thread).equals(key(threadId))) return List.of();
        Node root = find(nodes.get(key(threadId)));
        List<Node> sorted = new ArrayList<>(root.members);
        sorted.sort(Comparator.comparingLong(m -> m.date));
        return sorted.stream().map(m -> m.id).toList();
    }

    /** Lower-cased ids of archived messages whose thread id changed since the last call, with the new thread id. */
    Map<String, String> drainChanges() {
        Map<String, String> out = new LinkedHashMap<>(changes);
        changes.clear();
        return out;
    }

    /** Gives back changes that could not be written, to be tried again; newer changes of the same ids win. */
    void requeue(Map<String, String> unwritten) {
        unwritten.forEach(changes::putIfAbsent);
    }

    private Node archive(String messageId, long date) {
        Node node = node(messageId);
        node.id = messageId;
        node.archived = true;
        node.date = date > 0 ? date : Long.MAX_VALUE;
        Node root = find(node);
        if (root.members == null) root.members = new ArrayList<>();
        root.members.add(node);
        if (root.earliest == null) {
            root.earliest = node;
        } else if (earlier(root.earliest, node) == node) {
            setEarliest(root, node);
        }
        return node;
    }

    /** The subject's entry follows the most recent thread using it, so a late reply joins the newest one. */
    private void remember(String subjectKey, Node node, long date) {
        if (subjectKey.isEmpty() || date <= 0) return;
        SubjectEntry entry = subjects.get(subjectKey);
        if (entry == null || (find(entry.node()) != find(node) && date >= entry.lastDate())) {
            subjects.put(subjectKey, new SubjectEntry(node, date));
        } else if (find(entry.node()) == find(node) && date > entry.lastDate()) {
            subjects.put(subjectKey, new SubjectEntry(entry.node(), date));
        }
    }

    private Node node(String messageId) {
        return nodes.computeIfAbsent(key(messageId), k -> new Node(k, messageId));
    }

    private Node find(Node n) {
        Node root = n;
        while (root.parent != root) root = root.parent;
        while (n.parent != root) { // path compression
            Node next = n.parent;
            n.parent = root;
            n = next;
        }
        return root;
    }

    private void union(Node a, Node b) {
        Node ra = find(a);
        Node rb = find(b);
        if (ra == rb) return;
        if (ra.size < rb.size) {
            Node t = ra;
            ra = rb;
            rb = t;
        }
        // ra absorbs rb; decide the surviving thread id first, then record whose id changed.
        Node earliest = earlier(ra.earliest, rb.earliest);
        if (ra.earliest != null && ra.earliest != earliest) recordChange(ra.members, earliest);
        if (rb.earliest != null && rb.earliest != earliest) recordChange(rb.members, earliest);
        rb.parent = ra;
        ra.size += rb.size;
        if (rb.members != null) {
            if (ra.members == null) ra.members = new ArrayList<>();
            ra.members.addAll(rb.members);
            rb.members = null;
        }
        ra.earliest = earliest;
        rb.earliest = null;
    }

    private void setEarliest(Node root, Node earliest) {
        recordChange(root.members, earliest);
        root.earliest = earliest;
    }

    private void recordChange(List<Node> members, Node earliest) {
        if (members == null) return;
        for (Node m : members) changes.put(m.key, earliest.id);
    }

    /**
     * The earlier of two thread roots; equal dates (undated messages, or the same second) are broken by id, so
     * that a thread gets the same id whatever order its messages arrive or are restored in.
     */
    private static Node earlier(Node a, Node b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.date != b.date) return b.date < a.date ? b : a;
        return b.key.compareTo(a.key) < 0 ? b : a;
    }
}
