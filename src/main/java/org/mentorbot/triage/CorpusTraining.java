package org.mentorbot.triage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Training on the corpus, and measuring the model the way it will be used: on a project it was not trained on.
 */
public final class CorpusTraining {

    /** How one project fared with a model trained on all the others. */
    public record ProjectResult(String project, Evaluation.Score score, List<String> misses) {
    }

    private static final InquiryModel UNTRAINED = new InquiryModel(0, Map.of(), List.of());

    private final List<Corpus.Project> projects;
    private final TriageSettings settings;
    private final InquiryTrainer.Options options;
    private final Map<String, Corpus.Project> byName = new LinkedHashMap<>();
    private final Map<String, List<Corpus.Message>> messages = new LinkedHashMap<>();
    /** Features with the thread and sender context their labels give. */
    private final Map<String, List<InquiryTrainer.Example>> labelled = new LinkedHashMap<>();

    public CorpusTraining(List<Corpus.Project> projects, TriageSettings settings, InquiryTrainer.Options options,
                          Consumer<String> warnings) {
        this.projects = List.copyOf(projects);
        this.settings = settings;
        this.options = options;
        for (Corpus.Project p : projects) {
            byName.put(p.name(), p);
            List<Corpus.Message> read = Corpus.messages(p.messages(), p.labels(), warnings);
            messages.put(p.name(), read);
            labelled.put(p.name(), examples(p.name(), null));
        }
    }

    /**
     * The features of each scored message of a project, as triage sees them in date order, with its label.
     *
     * @param contextModel what decides, for the messages after each one, whether it was an inquiry; null for its label
     */
    private List<InquiryTrainer.Example> examples(String project, InquiryModel contextModel) {
        Triage triage = new Triage(byName.get(project).catalogs(), settings, UNTRAINED);
        List<InquiryTrainer.Example> result = new ArrayList<>();
        for (Corpus.Message m : messages.get(project)) {
            String title = m.label().titles().isEmpty() ? null : m.label().titles().get(0);
            triage.featuresForTraining(m.mail(), m.text(), m.label().inquiry(), title, contextModel)
                    .ifPresent(features -> result.add(new InquiryTrainer.Example(project, features, m.label().inquiry())));
        }
        return result;
    }

    /**
     * The model learned from these projects, in two rounds. Thread and sender features depend on what triage
     * decided about earlier mail: in use those decisions are the model's own, right or wrong. So a first model
     * per project, trained on the other projects with the labels as context, decides that project's context;
     * the final model learns from the features so obtained, and does not trust "the thread's inquiry" more
     * than its own decisions deserve.
     */
    private InquiryModel trainOn(List<String> names, List<String> header) {
        List<InquiryTrainer.Example> rounds = new ArrayList<>();
        for (String project : names) {
            List<InquiryTrainer.Example> others = new ArrayList<>();
            for (String other : names) if (!other.equals(project)) others.addAll(labelled.get(other));
            rounds.addAll(examples(project, InquiryTrainer.train(others, options, List.of())));
        }
        return InquiryTrainer.train(rounds, options, header == null ? List.of() : header(rounds));
    }

    /** The model learned from every project. */
    public InquiryModel train() {
        return trainOn(List.copyOf(messages.keySet()), List.of());
    }

    /** For each project: trained on all the others, tested on it. */
    public List<ProjectResult> crossProject() {
        List<ProjectResult> results = new ArrayList<>();
        for (Corpus.Project test : projects) {
            List<String> rest = new ArrayList<>(messages.keySet());
            rest.remove(test.name());
            results.add(evaluate(test, trainOn(rest, null)));
        }
        return results;
    }

    /** Triages a project's messages in date order with a model and scores the decisions against the labels. */
    public ProjectResult evaluate(Corpus.Project project, InquiryModel model) {
        Triage triage = new Triage(project.catalogs(), settings, model);
        Evaluation evaluation = new Evaluation();
        Map<String, Decision> decided = new LinkedHashMap<>();
        for (Corpus.Message m : messages.get(project.name())) decided.put(m.file(), triage.triage(m.mail(), m.text()));
        for (Labels.Label label : project.labels().values()) evaluation.add(label, decided.get(label.file()));
        return new ProjectResult(project.name(), evaluation.score(), evaluation.misses());
    }

    public int messageCount() {
        return messages.values().stream().mapToInt(List::size).sum();
    }

    /**
     * What the model file says of its making: the corpus (projects, messages, a digest of every feature
     * and label, so a changed corpus shows) and the trainer's settings.
     */
    private List<String> header(List<InquiryTrainer.Example> all) {
        long inquiries = all.stream().filter(InquiryTrainer.Example::inquiry).count();
        return List.of(
                "mentorbot inquiry model: logistic regression over named features; built by `mentorbot train`",
                String.format(Locale.ROOT, "corpus: %d projects (%s), %d labelled messages, %d scored (%d inquiries), digest %s",
                        projects.size(), String.join(", ", projects.stream().map(Corpus.Project::name).toList()),
                        messageCount(), all.size(), inquiries, digest(all)),
                String.format(Locale.ROOT, "trainer: Tribuo LibLinear L2R_LR, C=%s, features seen in >= %d projects",
                        options.cost(), options.minProjects()));
    }

    private static String digest(List<InquiryTrainer.Example> all) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (InquiryTrainer.Example e : all) {
                sha.update((e.project() + (e.inquiry() ? "+" : "-")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (Feature f : e.features()) sha.update((f.name() + '=' + f.value() + ';').getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
