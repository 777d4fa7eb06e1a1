package org.mentorbot.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.CatalogException;
import org.mentorbot.catalog.CatalogReader;
import org.mentorbot.mail.MailInputException;
import org.mentorbot.mail.MailMessage;
import org.mentorbot.mail.MailStream;
import org.mentorbot.mail.MessageText;

/**
 * The labelled corpus of {@code src/corpus/} (see its README): one directory per project holding
 * {@code messages/}, {@code catalogs/} and {@code labels.tsv}.
 */
public final class Corpus {

    /** One project's labelled mail and ideas pages. */
    public record Project(String name, Path messages, List<Catalog> catalogs, Map<String, Labels.Label> labels) {
    }

    /** A labelled message, parsed. */
    public record Message(String file, MailMessage mail, MessageText text, Labels.Label label) {
    }

    private Corpus() {
    }

    /** Every project directory under {@code dir}, by name. */
    public static List<Project> read(Path dir, CatalogReader catalogs) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("corpus " + dir + ": no such directory");
        List<Path> projects;
        try (Stream<Path> children = Files.list(dir)) {
            projects = children.filter(p -> Files.isRegularFile(p.resolve("labels.tsv"))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("corpus " + dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (projects.isEmpty()) throw new IllegalArgumentException("corpus " + dir + ": no project directory with a labels.tsv");
        List<Project> result = new ArrayList<>();
        for (Path p : projects) result.add(project(p, catalogs));
        return result;
    }

    /** One project: its labels, its messages directory and the ideas pages it has (maybe none). */
    public static Project project(Path dir, CatalogReader reader) {
        Path catalogDir = dir.resolve("catalogs");
        List<Catalog> catalogs = List.of();
        try {
            if (Files.isDirectory(catalogDir) && hasFiles(catalogDir)) catalogs = reader.readAll(List.of(catalogDir));
        } catch (CatalogException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new Project(dir.getFileName().toString(), dir.resolve("messages"), catalogs, Labels.read(dir.resolve("labels.tsv")));
    }

    /**
     * The labelled messages of a directory, parsed, in the order they were sent (an undated message keeps
     * its place after the one before it; equal dates go by file name). Unlabelled files are skipped, and
     * unreadable ones reported to {@code warnings}.
     */
    public static List<Message> messages(Path dir, Map<String, Labels.Label> labels, Consumer<String> warnings) {
        List<Message> read = new ArrayList<>();
        try {
            MailStream.forEach(List.of(dir), item -> {
                String file = Path.of(item.raw().source()).getFileName().toString();
                Labels.Label label = labels.get(file);
                if (label == null) return;
                if (item.error() != null) warnings.accept(item.error());
                else read.add(new Message(file, item.message(), item.text(), label));
            }, warnings);
        } catch (MailInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        read.sort(Comparator.comparing(Message::file));
        List<Instant> dates = new ArrayList<>();
        Instant last = Instant.MIN;
        for (Message m : read) {
            last = m.mail().date() != null ? m.mail().date() : last;
            dates.add(last);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) order.add(i);
        order.sort(Comparator.comparing(dates::get)); // stable: equal dates keep file order
        return order.stream().map(read::get).toList();
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(Files::isRegularFile);
        } catch (IOException e) {
            return false;
        }
    }
}
