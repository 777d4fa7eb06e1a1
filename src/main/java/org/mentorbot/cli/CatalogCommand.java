package org.mentorbot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.Contact;
import org.mentorbot.catalog.Idea;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mentorbot catalog list}: what an import of ideas pages produced, for an admin to check. */
@Command(name = "catalog", mixinStandardHelpOptions = true, description = "Inspect idea catalogs.",
        subcommands = CatalogCommand.List.class)
final class CatalogCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every idea parsed from the catalogs.")
    static final class List implements Callable<Integer> {

        @Mixin
        Setup setup;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int total = 0;
            for (Catalog catalog : setup.loadCatalogs()) {
                out.printf("%s  (format %s, season %s, %d ideas)%n", catalog.name(), catalog.format(),
                        catalog.season() == null ? "unknown" : catalog.season(), catalog.ideas().size());
                for (Idea idea : catalog.ideas()) {
                    out.printf("  %s%n    title:      %s%n", idea.id(), idea.title());
                    if (!idea.difficulty().isBlank()) out.printf("    difficulty: %s%n", idea.difficulty());
                    if (!idea.prerequisites().isBlank()) out.printf("    requires:   %s%n", idea.prerequisites());
                    out.printf("    contacts:   %s%n", idea.contacts().isEmpty() ? "(none)"
                            : String.join(", ", idea.contacts().stream().map(CatalogCommand::describe).toList()));
                    if (idea.status() != Idea.Status.OPEN) out.printf("    status:     %s%n", idea.status());
                }
                total += catalog.ideas().size();
                out.println();
            }
            out.printf("%d ideas%n", total);
            out.flush();
            return 0;
        }
    }

    private static String describe(Contact c) {
        return c.display() + (c.role() == Contact.Role.MENTOR ? "" : " [" + c.role().name().toLowerCase(java.util.Locale.ROOT) + "]");
    }
}
