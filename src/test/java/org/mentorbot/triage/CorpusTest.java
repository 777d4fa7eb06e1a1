package org.mentorbot.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mentorbot.catalog.CatalogReader;
import org.mentorbot.catalog.MentorDirectory;
import org.mentorbot.mail.HeaderScan;

/** The training corpus keeps to its own rules (src/corpus/README.md). */
class CorpusTest {

    static final Path CORPUS = Path.of("src/corpus");
    private static final Map<String, Boolean> KINDS = Map.of(
            "applicant-inquiry", true, "applicant-follow-up", true, "general-inquiry", true,
            "student-report", false, "mentor-answer", false, "announcement", false, "patch", false, "discussion", false);
    /** Lists kept for independent measurement: their mail must never be trained or tested on. */
    private static final Pattern RESERVED_LISTS = Pattern.compile(
            "xen-devel|qemu-devel|dri-devel|libvir|nouveau@|freedreno@|dragonflybsd", Pattern.CASE_INSENSITIVE);

    @Test
    void everyLabelHasItsMessageAKindThatFitsAndAReason() throws IOException {
        List<Corpus.Project> projects = Corpus.read(CORPUS, new CatalogReader(MentorDirectory.empty()));
        assertThat(projects).hasSizeGreaterThanOrEqualTo(6);
        for (Corpus.Project p : projects) {
            Set<String> files = new HashSet<>();
            try (Stream<Path> list = Files.list(p.messages())) {
                list.forEach(f -> files.add(f.getFileName().toString()));
            }
            assertThat(p.labels().keySet()).as(p.name() + ": every message is labelled").isEqualTo(files);
            Set<String> titles = new HashSet<>();
            p.catalogs().forEach(c -> c.ideas().forEach(i -> titles.add(i.title())));
            String sources = Files.readString(CORPUS.resolve(p.name()).resolve("SOURCES.md"));
            for (Labels.Label l : p.labels().values()) {
                assertThat(KINDS).as(p.name() + "/" + l.file()).containsKey(l.kind());
                assertThat(l.inquiry()).as(p.name() + "/" + l.file() + " is_inquiry fits its kind").isEqualTo(KINDS.get(l.kind()));
                assertThat(titles).as(p.name() + "/" + l.file() + ": its ideas are on the project's pages").containsAll(l.titles());
                assertThat(sources).as(p.name() + "/" + l.file() + " has its source recorded").contains(l.file());
            }
        }
    }

    @Test
    void noMessageIsFromAReservedListOrTheDevelopmentSetOrTwiceInTheCorpus() throws IOException {
        Set<String> dev = new HashSet<>();
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/messages"))) {
            for (Path f : list.toList()) dev.add(HeaderScan.idOf(Files.readAllBytes(f)).toLowerCase());
        }
        Map<String, Path> seen = new HashMap<>();
        try (Stream<Path> all = Files.walk(CORPUS)) {
            for (Path f : all.filter(f -> f.getParent().getFileName().toString().equals("messages")).toList()) {
                byte[] raw = Files.readAllBytes(f);
                String id = HeaderScan.idOf(raw).toLowerCase();
                assertThat(dev).as(f + " is in the development set").doesNotContain(id);
                assertThat(seen.put(id, f)).as(f + " repeats a Message-ID").isNull();
                String text = new String(raw, 0, Math.min(raw.length, 20_000), StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
                int end = text.indexOf("\n\n");
                String header = (end < 0 ? text : text.substring(0, end)).replaceAll("\n[ \t]+", " ");
                for (String line : header.split("\n")) {
                    String name = line.toLowerCase();
                    if (name.startsWith("list-id:") || name.startsWith("to:") || name.startsWith("cc:")) {
                        assertThat(RESERVED_LISTS.matcher(line).find()).as(f + " comes from a reserved list: " + line).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void inquiriesComeFromManyProjectsNoneHoldingHalf() {
        List<Corpus.Project> projects = Corpus.read(CORPUS, new CatalogReader(MentorDirectory.empty()));
        Map<String, Long> inquiries = new HashMap<>();
        for (Corpus.Project p : projects) {
            inquiries.put(p.name(), p.labels().values().stream().filter(Labels.Label::inquiry).count());
        }
        long total = inquiries.values().stream().mapToLong(Long::longValue).sum();
        assertThat(inquiries.values().stream().filter(n -> n > 0)).hasSizeGreaterThanOrEqualTo(6);
        inquiries.forEach((project, n) -> assertThat(n).as(project + " holds " + n + " of " + total + " inquiries").isLessThanOrEqualTo(total / 2));
    }
}
