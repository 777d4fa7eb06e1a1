package org.mentorbot.triage;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The learned inquiry model: logistic regression over {@link InquiryFeatures}, one weight per feature name
 * and a bias, as {@code mentorbot train} wrote them. Applying it is a sum of the weights of the features a
 * message has; the same sum, term by term, is its explanation.
 *
 * <p>The file is a table, one "name TAB weight" line per feature, sorted by name, after '#' comment lines
 * saying how it was built: readable, diffable, and identical for the same corpus.
 */
public final class InquiryModel {

    /** The model shipped in the jar (config/inquiry-model.tsv at build time). */
    public static final String RESOURCE = "/org/mentorbot/triage/inquiry-model.tsv";
    public static final String FILE_NAME = "inquiry-model.tsv";
    static final String BIAS = "(bias)";

    private final double bias;
    private final Map<String, Double> weights;
    private final List<String> header;

    InquiryModel(double bias, Map<String, Double> weights, List<String> header) {
        this.bias = bias;
        this.weights = Map.copyOf(weights);
        this.header = List.copyOf(header);
    }

    /** The model in {@code file}; a missing or malformed file is an error naming it. */
    public static InquiryModel load(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read the inquiry model (" + e.getMessage() + ")", e);
        }
    }

    /** The model of a configuration directory, when it has its own; else the one bundled with mentorbot. */
    public static InquiryModel of(Path configDirectory) {
        Path file = configDirectory.resolve(FILE_NAME);
        return Files.exists(file) ? load(file) : bundled();
    }

    /** The model bundled with mentorbot. */
    public static InquiryModel bundled() {
        InputStream in = InquiryModel.class.getResourceAsStream(RESOURCE);
        if (in == null) throw new IllegalStateException("the bundled inquiry model " + RESOURCE + " is missing from the jar");
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(reader, "the bundled inquiry model");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InquiryModel read(Reader in, String name) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        Map<String, Double> weights = new HashMap<>();
        List<String> header = new ArrayList<>();
        Double bias = null;
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (line.startsWith("#")) {
                header.add(line.substring(1).trim());
                continue;
            }
            if (line.isBlank()) continue;
            int tab = line.lastIndexOf('\t');
            try {
                if (tab <= 0) throw new NumberFormatException();
                double weight = Double.parseDouble(line.substring(tab + 1));
                String feature = line.substring(0, tab);
                if (feature.equals(BIAS)) bias = weight;
                else weights.put(feature, weight);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + ": line " + number + " is not \"feature<TAB>weight\"");
            }
        }
        if (bias == null) throw new IllegalArgumentException(name + ": no " + BIAS + " line: not an inquiry model");
        return new InquiryModel(bias, weights, header);
    }

    /** The probability that a message with these features is an inquiry. */
    public double probability(List<Feature> features) {
        return probability(features, 0);
    }

    /** The same, with log-odds added from outside the model (rules). */
    public double probability(List<Feature> features, double extraLogOdds) {
        double logit = bias + extraLogOdds;
        for (Feature f : features) logit += weights.getOrDefault(f.name(), 0.0) * f.value();
        return 1 / (1 + Math.exp(-logit));
    }

    /**
     * Each feature's part in the decision, in log-odds, largest first; features the model gives no weight
     * are left out, the bias (the log-odds before any evidence) comes last.
     */
    public List<Evidence> explain(List<Feature> features) {
        List<Evidence> parts = new ArrayList<>();
        for (Feature f : features) {
            Double w = weights.get(f.name());
            if (w != null && w != 0) parts.add(new Evidence(f.name(), w * f.value(), f.detail()));
        }
        parts.sort(Comparator.comparingDouble((Evidence e) -> -Math.abs(e.weight())));
        parts.add(new Evidence(BIAS, bias, "before any evidence"));
        return parts;
    }

    public int size() {
        return weights.size();
    }

    /** The comment lines at the head of the file (how the model was built). */
    public List<String> header() {
        return header;
    }

    /** Every feature's weight, by name (the bias apart). */
    public Map<String, Double> weights() {
        return weights;
    }

    /** The file's text: the header as comments, the bias, then every weight by feature name. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String h : header) out.append("# ").append(h).append('\n');
        out.append(BIAS).append('\t').append(format(bias)).append('\n');
        for (Map.Entry<String, Double> e : new TreeMap<>(weights).entrySet()) {
            out.append(e.getKey()).append('\t').append(format(e.getValue())).append('\n');
        }
        return out.toString();
    }

    private static String format(double weight) {
        return String.format(Locale.ROOT, "%.6f", weight);
    }
}
