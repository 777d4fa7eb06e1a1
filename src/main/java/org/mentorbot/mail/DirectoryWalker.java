package org.mentorbot.mail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Lists the message files under a directory in a stable order: names sorted, subdirectories walked where they
 * sort, dotfiles skipped. A maildir (a directory with cur/ and/or new/) gives new/ then cur/ and never tmp/,
 * whose files may still be half written by the delivery agent.
 */
final class DirectoryWalker {

    private DirectoryWalker() {
    }

    static void walk(Path dir, Consumer<Path> files, Consumer<String> warnings) {
        if (isMaildir(dir)) {
            for (String sub : List.of("new", "cur")) {
                Path folder = dir.resolve(sub);
                if (Files.isDirectory(folder)) {
                    for (Path file : sortedEntries(folder, warnings)) {
                        if (Files.isRegularFile(file)) files.accept(file);
                    }
                }
            }
            // Maildir++ keeps subfolders as dot-directories; those are skipped like every dotfile.
            return;
        }
        for (Path entry : sortedEntries(dir, warnings)) {
            if (Files.isDirectory(entry)) {
                walk(entry, files, warnings);
            } else if (Files.isRegularFile(entry)) {
                files.accept(entry);
            }
        }
    }

    static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    private static List<Path> sortedEntries(Path dir, Consumer<String> warnings) {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> !p.getFileName().toString().startsWith(".")).forEach(entries::add);
        } catch (IOException e) {
            warnings.accept("input " + dir + ": cannot list directory (" + e.getMessage() + "), skipped");
        }
        entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return entries;
    }
}
