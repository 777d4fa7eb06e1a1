package org.mentorbot.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads ideas pages into catalogs. The layout is recognised from the content, since pages are saved under
 * arbitrary names; formats are tried from the most specific to the most lenient.
 */
public final class CatalogReader {

    private final IdeaAssembler assembler;
    private final List<CatalogFormat> formats;

    public CatalogReader(MentorDirectory directory) {
        this.assembler = new IdeaAssembler(directory);
        List<CatalogFormat> textFormats = List.of(
                new IkiwikiDiffFormat(),
                new GsocArchiveFormat(),
                new IkiwikiFormat(),
                new MediaWikiFormat(),
                new AsciiDocFormat(),
                new ReStructuredTextFormat(),
                new BoldTitleFormat(),
                new TitleListFormat(),
                new MarkdownFormat(),
                new ResearchPageFormat(),
                new PlainTextFormat());
        List<CatalogFormat> all = new ArrayList<>();
        // HTML first: a web page's markup would otherwise look like loose text to every other format.
        all.add(new HtmlFormat(textFormats));
        all.addAll(textFormats);
        this.formats = List.copyOf(all);
    }

    /**
     * Reads one file, or every regular, non-hidden, non-README file of a directory in name order. In a
     * directory, files without ideas are skipped; a directory without any idea is an error. A directory's
     * catalogs are read as seasons of one organisation, so ideas lend each other their mentors (see
     * {@link RecurringIdeas}).
     */
    public List<Catalog> read(Path fileOrDirectory) throws CatalogException {
        if (Files.isDirectory(fileOrDirectory)) return readDirectory(fileOrDirectory);
        return readFile(fileOrDirectory);
    }

    /**
     * Reads several pages or directories as one set: ideas recurring across them share their mentors
     * ({@link RecurringIdeas}). An error in any of them is an error of the whole set.
     */
    public List<Catalog> readAll(List<Path> paths) throws CatalogException {
        List<Catalog> loaded = new java.util.ArrayList<>();
        for (Path path : paths) loaded.addAll(read(path));
        return RecurringIdeas.linkRecurring(loaded);
    }

    /** Parses one page's text; {@code catalogName} names the catalogs and the errors (normally the file name). */
    public List<Catalog> parse(String catalogName, String text) throws CatalogException {
        return parse(catalogName, catalogName, text);
    }

    private List<Catalog> parse(String where, String catalogName, String text) throws CatalogException {
        String normal = CatalogText.normalise(text);
        if (normal.isBlank()) throw new CatalogException("catalog " + where + ": empty file");
        for (CatalogFormat format : formats) {
            if (!format.recognises(normal)) continue;
            List<Catalog> catalogs = format.parse(catalogName, normal, assembler).stream()
                    .filter(catalog -> !catalog.ideas().isEmpty())
                    .toList();
            if (!catalogs.isEmpty()) return catalogs;
        }
        throw new CatalogException("catalog " + where + ": no ideas found");
    }

    private List<Catalog> readFile(Path file) throws CatalogException {
        if (!Files.exists(file)) throw new CatalogException("catalog " + file + ": no such file");
        if (!Files.isRegularFile(file)) throw new CatalogException("catalog " + file + ": not a regular file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CatalogException("catalog " + file + ": cannot read (" + e.getMessage() + ")");
        }
        if (bytes.length == 0) throw new CatalogException("catalog " + file + ": empty file");
        if (CatalogText.looksBinary(bytes)) throw new CatalogException("catalog " + file + ": not a text file");
        return parse(file.toString(), file.getFileName().toString(), CatalogText.decode(bytes));
    }

    private List<Catalog> readDirectory(Path directory) throws CatalogException {
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .filter(path -> !path.getFileName().toString().toLowerCase(Locale.ROOT).startsWith("readme"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new CatalogException("catalog " + directory + ": cannot list (" + e.getMessage() + ")");
        }
        List<Catalog> catalogs = new ArrayList<>();
        for (Path file : files) {
            try {
                catalogs.addAll(readFile(file));
            } catch (CatalogException notACatalog) {
                // An empty, binary or idea-less file next to real catalogs is tolerated; only the whole
                // directory being idea-less is an error.
            }
        }
        if (catalogs.isEmpty()) throw new CatalogException("catalog " + directory + ": no ideas found");
        return RecurringIdeas.linkRecurring(catalogs);
    }
}
