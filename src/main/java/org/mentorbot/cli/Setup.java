package org.mentorbot.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mentorbot.archive.ReadOnlyArchive;
import org.mentorbot.catalog.Catalog;
import org.mentorbot.catalog.CatalogException;
import org.mentorbot.catalog.CatalogReader;
import org.mentorbot.catalog.MentorDirectory;
import org.mentorbot.triage.InquiryModel;
import org.mentorbot.triage.Triage;
import org.mentorbot.triage.TriageSettings;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that triage: which catalogs, and where the configuration lives.
 * The configuration directory is, in order: --config, $MENTORBOT_CONFIG, ./config, or the config/
 * directory beside the directory holding mentorbot.jar (so target/mentorbot.jar finds ./config).
 */
final class Setup {

    @Option(names = "--catalog", paramLabel = "PATH",
            description = "An ideas page or a directory of them (repeatable). Default: the catalogs in the configuration directory.")
    List<Path> catalogs = new ArrayList<>();

    @Option(names = "--config", paramLabel = "DIR", description = "Configuration directory (mentors.txt, triage.properties, catalogs/).")
    Path config;

    Path configDirectory() {
        if (config != null) return config;
        String env = System.getenv("MENTORBOT_CONFIG");
        if (env != null && !env.isBlank()) return Path.of(env);
        Path here = Path.of("config");
        if (Files.isDirectory(here)) return here;
        try {
            Path jar = Path.of(Setup.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path besideJar = jar.getParent().resolveSibling("config");
            if (Files.isDirectory(besideJar)) return besideJar;
        } catch (URISyntaxException | RuntimeException e) {
            // no usable jar location: fall through to ./config
        }
        return here;
    }

    MentorDirectory mentors() {
        Path file = configDirectory().resolve("mentors.txt");
        if (!Files.exists(file)) return MentorDirectory.empty();
        try {
            return MentorDirectory.load(file);
        } catch (CatalogException e) {
            throw new UserError(e.getMessage());
        }
    }

    TriageSettings settings() {
        Path file = configDirectory().resolve("triage.properties");
        if (!Files.exists(file)) return TriageSettings.defaults();
        try {
            return TriageSettings.load(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The inquiry model: the configuration's own, or the one bundled with mentorbot. */
    InquiryModel model() {
        try {
            return InquiryModel.of(configDirectory());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Triage with the catalogs, thresholds and model these options name. */
    Triage triage() {
        return new Triage(loadCatalogs(), settings(), model());
    }

    List<Catalog> loadCatalogs() {
        List<Path> paths = catalogs.isEmpty() ? List.of(configDirectory().resolve("catalogs")) : catalogs;
        try {
            return new CatalogReader(mentors()).readAll(paths);
        } catch (CatalogException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Opens an archive to read: a directory that is none is the user's mistake, said in one line. */
    static ReadOnlyArchive openArchive(Path dir, ReadOnlyArchive.Files files) throws IOException {
        if (!Files.isDirectory(dir)) throw new UserError("archive " + dir + ": no such directory");
        try {
            return ReadOnlyArchive.open(dir, files);
        } catch (ReadOnlyArchive.NotAnArchiveException e) {
            throw new UserError(e.getMessage());
        }
    }

    static void requireInputs(List<Path> inputs) {
        for (Path input : inputs) {
            if (!Files.exists(input)) throw new UserError("input " + input + ": no such file or directory");
            if (!Files.isReadable(input)) throw new UserError("input " + input + ": not readable");
        }
    }
}
