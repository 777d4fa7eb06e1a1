package org.mentorbot.triage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Learns an {@link InquiryModel} from labelled examples: L2-regularised logistic regression, solved by
 * LibLinear through Tribuo with a fixed seed, so the same examples give the same weights.
 *
 * <p>A feature is kept only when it occurs in at least {@link Options#minProjects} projects: a word only
 * one project uses (its name, its subsystems, its mentors) says nothing about a list the model has never
 * seen, and would let the model learn that project instead of what inquiries are.
 */
public final class InquiryTrainer {

    /** One labelled message as the model sees it. */
    public record Example(String project, List<Feature> features, boolean inquiry) {
    }

    /**
     * @param cost        LibLinear's C: lower is more regularised
     * @param minProjects a feature must occur in this many projects' messages to get a weight
     */
    public record Options(double cost, int minProjects) {
        public static final Options DEFAULT = new Options(0.25, 3);
    }

    private static final Label YES = new Label("inquiry");
    private static final Label NO = new Label("no");
    private static final long SEED = 20261208L;

    private InquiryTrainer() {
    }

    public static InquiryModel train(List<Example> examples, Options options, List<String> header) {
        // With fewer projects than the bar (small tests), a feature must still be shared by all but one.
        Set<String> kept = general(examples, Math.min(options.minProjects(), Math.max(1, projects(examples) - 1)));
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance("mentorbot corpus", labels), labels);
        for (Example e : examples) {
            Map<String, Double> values = new HashMap<>();
            for (Feature f : e.features()) if (kept.contains(f.name())) values.merge(f.name(), f.value(), Math::max);
            if (values.isEmpty()) values.put(InquiryModel.BIAS, 0.0); // Tribuo refuses an example without features
            String[] names = values.keySet().stream().sorted().toArray(String[]::new);
            double[] v = new double[names.length];
            for (int i = 0; i < names.length; i++) v[i] = values.get(names[i]);
            data.add(new ArrayExample<>(e.inquiry() ? YES : NO, names, v));
        }
        LibLinearClassificationTrainer trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), options.cost(), 10_000, 0.001, SEED);
        LibLinearClassificationModel model = (LibLinearClassificationModel) trainer.train(data);
        return weightsOf(model, header);
    }

    /** Reads LibLinear's weight vector back as named weights (LibLinear numbers features from 1, bias last). */
    private static InquiryModel weightsOf(LibLinearClassificationModel model, List<String> header) {
        de.bwaldvogel.liblinear.Model inner = model.getInnerModels().get(0);
        double[] w = inner.getFeatureWeights();
        int yes = model.getOutputIDInfo().getID(YES);
        double sign = inner.getLabels()[0] == yes ? 1 : -1;
        ImmutableFeatureMap features = model.getFeatureIDMap();
        Map<String, Double> weights = new HashMap<>();
        for (VariableInfo info : features) {
            if (info.getName().equals(InquiryModel.BIAS)) continue;
            double weight = sign * w[features.getID(info.getName())];
            if (Math.abs(weight) >= 5e-7) weights.put(info.getName(), weight);
        }
        double bias = inner.getBias() >= 0 ? sign * w[features.size()] * inner.getBias() : 0;
        return new InquiryModel(bias, weights, header);
    }

    /** The features that occur in at least {@code minProjects} projects. */
    static Set<String> general(List<Example> examples, int minProjects) {
        Map<String, Set<String>> projects = new HashMap<>();
        for (Example e : examples) {
            for (Feature f : e.features()) projects.computeIfAbsent(f.name(), k -> new HashSet<>()).add(e.project());
        }
        Set<String> kept = new HashSet<>();
        projects.forEach((name, in) -> {
            if (in.size() >= minProjects) kept.add(name);
        });
        return kept;
    }

    /** How many projects the examples come from. */
    static int projects(List<Example> examples) {
        return (int) examples.stream().map(Example::project).distinct().count();
    }
}
